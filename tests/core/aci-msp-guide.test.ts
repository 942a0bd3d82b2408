/**
 * Issue 10: the CNAM's own reading of avenant 1 (« Guide des indicateurs ACI … Avenant 1 », Cnam/DDGOS/DPROF,
 * October 2022; summary in ../shared/notes/cnam-guide-aci-msp.md), remuneration years 2022 and 2023, and the
 * parameter model of the three families. Cases are written from the guide's definitions; the expected points are
 * computed by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { CPTS_PARAMETERS } from "../../src/core/aci-cpts/params";
import { evaluateMsp, INDICATORS, readMspFields, type MspResult } from "../../src/core/aci-msp";
import { renderStep } from "../../src/core/aci-msp/explain";
import { MSP, MSP_PARAMETERS } from "../../src/core/aci-msp/params";
import { AIDES_PARAMETERS } from "../../src/core/aides/params";
import { AM_PARAMETERS } from "../../src/core/assistant-medical/params";
import { PARAMETER_FAMILIES } from "../../src/core/parameters-help";
import { entryAt, type Parameter } from "../../src/core/params";
import { msp, points, PREREQUISITES_MET, type Fields } from "../support/msp-fields";

const remark = (r: MspResult, code: string) => r.indicateurs.find((i) => i.code === code)!.remarque;

/** An MSP signed long ago meeting the three historical prerequisites, at 4 000 patients, 13 PS. */
const BASE = PREREQUISITES_MET;
const y2022 = (extra: Fields) => msp({ ...BASE, annee: 2022, ...extra });
const y2023 = (extra: Fields) => msp({ ...BASE, annee: 2023, crise_plan: 1, ...extra });

describe("crise sanitaire (guide: « Réponse aux crises sanitaires graves »)", () => {
  it("2023: the plan is a fourth prerequisite — without it, no remuneration at all", () => {
    const without = msp({ ...BASE, annee: 2023, protocoles: 4 });
    expect(without.declenche).toBe(false);
    expect(without.euros).toBe(0);
    expect(without.prerequisManquants).toEqual(["Réponse aux crises sanitaires graves"]);
    expect(without.indicateurs.find((i) => i.code === "crise")!.type).toBe("prérequis");
    // with it: horaires 800 + crise 100 + coordination 2 700 + SI 3 100 + 4 protocols 400 = 7 100 points
    const with_ = y2023({ protocoles: 4 });
    expect(with_.declenche).toBe(true);
    expect(with_.points).toBe(800 + 100 + 2_700 + 3_100 + 400);
  });

  it("2023: a grave crisis with the plan applied pays 350 variable points per 4 000 patients", () => {
    expect(points(y2023({ crise_survenue: 1, patientele: 8_000 }), "crise")).toBe(100 + 350 * 2);
  });

  it("2023: a new structure needs all prerequisites but one, shown as a reading", () => {
    const r = msp({ ...BASE, annee: 2023, annee_adhesion: 2023 });
    expect(r.declenche).toBe(true);
    expect(r.remarques.join(" ")).toMatch(
      /dérogation nouvelle structure \(lecture L-10\) : 3 prérequis sur 4 suffisent \(manquant : Réponse aux crises sanitaires graves\)/,
    );
    const two = msp({ ...BASE, annee: 2023, annee_adhesion: 2023, coordination: 0 });
    expect(two.declenche).toBe(false);
  });

  it("2022: optional (no plan, still paid) and its variable part is never paid", () => {
    const r = y2022({});
    expect(r.declenche).toBe(true);
    expect(r.indicateurs.find((i) => i.code === "crise")!.type).toBe("optionnel");
    expect(points(y2022({ crise_plan: 1, crise_survenue: 1, patientele: 8_000 }), "crise")).toBe(100);
  });
});

describe("opening hours (guide: « Horaires d'ouverture et soins non programmés »)", () => {
  it("the ARS's PDSA derogation waives the amplitude minorations and the 8-hour floor, not Saturday's", () => {
    expect(points(y2022({ amplitude_h: 7 }), "horaires")).toBe(0);
    expect(points(y2022({ amplitude_h: 7, derogation_pdsa: 1 }), "horaires")).toBe(800);
    // 9 h, Saturday closed: without derogation −150 −120 = 530; with it −120 = 680
    expect(points(y2022({ amplitude_h: 9, samedi_matin: 0 }), "horaires")).toBe(530);
    expect(points(y2022({ amplitude_h: 9, samedi_matin: 0, derogation_pdsa: 1 }), "horaires")).toBe(680);
  });

  it("a closure of more than 3 weeks in school holidays or 1 week outside them: not met, so no remuneration", () => {
    const r = y2022({ fermeture_longue: 1 });
    expect(points(r, "horaires")).toBe(0);
    expect(r.declenche).toBe(false);
    expect(remark(r, "horaires")).toMatch(/fermeture de plus de 3 semaines/);
  });

  it("an amplitude left blank (or 0: desktop Excel's blank cell) is refused where the rule reads it, never 0 h", () => {
    // read as 0 h it failed the prerequisite (« moins de 8 h : non atteint »): the MSP was paid nothing, without a word
    // the minimum rendered from its parameter (8 h a day, ACI 2017 and avenant 1 alike)
    const blank =
      "amplitude_h : champ non renseigné (ou 0) alors que snp = 1 (sans derogation_pdsa ni fermeture_longue) : sous l'amplitude minimale, le prérequis horaires n'est pas atteint et rien n'est versé (8 h par jour) ; le renseigner";
    expect(() => y2022({ amplitude_h: 0 })).toThrow(blank);
    expect(() => y2022({ amplitude_h: undefined })).toThrow(blank);
    // ACI 2017 years are refused alike, without naming the avenant 1 fields they do not have
    expect(() => msp({ ...BASE, annee: 2021, amplitude_h: 0 })).toThrow(
      "amplitude_h : champ non renseigné (ou 0) alors que snp = 1 : sous l'amplitude minimale, le prérequis horaires n'est pas atteint et rien n'est versé (8 h par jour) ; le renseigner",
    );
    // where the rule does not read it, a blank amplitude is no error: the PDSA derogation waives the floor (800 points),
    // without SNP or with a long closure the indicator is not met whatever the hours
    expect(points(y2022({ amplitude_h: undefined, derogation_pdsa: 1 }), "horaires")).toBe(800);
    expect(points(y2022({ amplitude_h: 0, snp: 0 }), "horaires")).toBe(0);
    expect(points(y2022({ amplitude_h: 0, fermeture_longue: 1 }), "horaires")).toBe(0);
  });

  it("an ACI 2017 year ignores the avenant-1 fields, and says so", () => {
    const r = msp({ ...BASE, annee: 2021, amplitude_h: 7, derogation_pdsa: 1 });
    expect(points(r, "horaires")).toBe(0);
    expect(r.remarques.join(" ")).toMatch(/champs de l'avenant 1 ignorés pour 2021 : derogation_pdsa/);
  });
});

describe("concertation (guide: « Concertation pluriprofessionnelle »)", () => {
  it("truncates the share of files to two decimals of a percent: 30 of 650 → 4,61 %, 92,2 % of the 5 % target", () => {
    // 1 000 variable × (4 000 / 4 000) × 4,61 / 5 = 922
    const r = y2022({ reunions: 6, dossiers: 30, patients_ald75: 650 });
    expect(points(r, "concertation")).toBe(922);
    expect(remark(r, "concertation")).toMatch(/30 dossiers revus pour 650 patients.*4,61 % \(tronqué à deux décimales\), cible 5 % : atteinte 92,2 %/);
  });

  it("prorates the 6-meeting minimum and the points to the signature date in the signing year", () => {
    // signed 01/07/2022: 184 days of 365; minimum 6 × 184/365 = 3,02 → 4 meetings
    const signed = { annee_adhesion: 2022, date_adhesion: "01/07/2022", dossiers: 50, patients_ald75: 1_000 };
    expect(points(y2022({ ...signed, reunions: 3 }), "concertation")).toBe(0);
    expect(remark(y2022({ ...signed, reunions: 3 }), "concertation")).toMatch(/3 réunions dans l'année, il en faut au moins 4 \(minimum proratisé/);
    // 1 000 × 1 × 100 % × 184/365 = 504,11
    expect(points(y2022({ ...signed, reunions: 4 }), "concertation")).toBe(504.11);
  });
});

describe("SI advanced level (guide: « Système d'information, niveau avancé »)", () => {
  it("is prorated by days from si_avance_date, as the standard level", () => {
    // 100 × 184/365 = 50,41
    expect(points(y2022({ si_avance: 1, si_avance_date: "01/07/2022" }), "si_avance")).toBe(50.41);
    expect(points(y2022({ si_avance: 1, si_avance_date: "01/07/2021" }), "si_avance")).toBe(100);
    expect(points(y2022({ si_avance: 1, si_avance_date: "01/07/2023" }), "si_avance")).toBe(0);
  });
});

describe("childhood-obesity pathway (guide: « Parcours surpoids et obésité de l'enfant »)", () => {
  it.each([
    [2, 0, 100],
    [1, 1, 100],
    [1, 0, 0],
    [0, 0, 0],
  ])("%i mission(s), obesity theme %i: %i points", (missions, theme, expected) => {
    const r = y2022({ parcours_obesite: 1, missions_sp: missions, mission_sp_obesite: theme });
    expect(points(r, "parcours_obesite")).toBe(expected);
    if (missions === 1 && !theme) expect(remark(r, "parcours_obesite")).toMatch(/une seule mission de santé publique, sur un autre thème/);
  });
});

describe("public-health missions with an IPA (guide p. 15: +200 fixed points with 2 missions at least)", () => {
  it("the guide's example: 3 000 patients, 2 missions, 1 IPA → 700 × 3 000 / 4 000 + 200 = 725 points", () => {
    expect(points(y2022({ missions_sp: 2, ipa: 1, patientele: 3_000 }), "missions_sp")).toBe(725);
  });
  it("the 200 are fixed: not prorated to the patientèle (8 000 patients → 1 400 + 200 = 1 600)", () => {
    expect(points(y2022({ missions_sp: 2, ipa: 1, patientele: 8_000 }), "missions_sp")).toBe(1_600);
  });
  it("one mission with an IPA gets no bonus (2 missions at least): 350 × 3 000 / 4 000 = 262,5", () => {
    expect(points(y2022({ missions_sp: 1, ipa: 1, patientele: 3_000 }), "missions_sp")).toBe(262.5);
  });
});

describe("explanations are data, rendered in one place", () => {
  it("the horaires remark shows the minorations of the parameter table", () => {
    const h = entryAt(MSP.horaires.series, "2022-01-01")!.value;
    const r = y2022({ amplitude_h: 11, samedi_matin: 0, fermeture_conges: 1 });
    expect(points(r, "horaires")).toBe(h.points - h.minorationAmplitudeMoyenne - h.minorationSamediFerme - h.minorationConges);
    expect(remark(r, "horaires")).toBe(
      `minorations cumulées (guide CNAM) : amplitude de ${h.amplitudeMoyenne} à ${h.amplitudeSansMinoration} h −${h.minorationAmplitudeMoyenne}, fermeture le samedi matin −${h.minorationSamediFerme}, fermeture pendant les congés scolaires −${h.minorationConges}`,
    );
  });

  it("POINTS and EUROS evaluate without any step; the detail renders each step", () => {
    const input = readMspFields(Object.entries({ ...BASE, annee: 2022, protocoles: 12 }));
    const at = INDICATORS.findIndex((d) => d.code === "protocoles");
    expect(evaluateMsp(input).indicators.flatMap((ind) => ind.steps)).toEqual([]);
    const protocoles = evaluateMsp(input, true).indicators[at].steps;
    expect(protocoles.map(renderStep)).toEqual(["12 déclarés (protocoles), 8 rémunérés au plus"]);
  });

  it("the avance is each prerequisite and socle indicator's own formula at 100 % (2022: crisis optional, not counted)", () => {
    // 800 + 2 700 (coordination at 4 000) + 3 100 (SI, 13 PS) + 8 × 100 protocols + 1 000 concertation = 8 400 points
    const r = y2022({});
    expect(r.avance.points).toBe(8_400);
    expect(r.avance.euros).toBe(8_400 * 7 * 0.6);
    // 2023: the crisis plan (100) is a prerequisite: counted
    expect(y2023({}).avance.points).toBe(8_500);
  });
});

describe("one parameter model for every family", () => {
  const all: Parameter[] = PARAMETER_FAMILIES.flatMap((f) => f.parameters);
  it("holds the families' parameters, the companion aids included", () => {
    for (const p of [...MSP_PARAMETERS, ...CPTS_PARAMETERS, ...AM_PARAMETERS, ...AIDES_PARAMETERS]) expect(all).toContain(p);
  });

  it("every parameter has a unique id and a unit", () => {
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const p of all) expect(p.unit, p.id).toBeTruthy();
  });

  it("no two periods of a series overlap", () => {
    for (const p of all) {
      const periods = [...p.series].sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < periods.length; i++) {
        const previousEnd = periods[i - 1].to;
        expect(previousEnd !== undefined && previousEnd < periods[i].from, `${p.id}: ${periods[i - 1].from}–${previousEnd ?? "…"} and ${periods[i].from}`).toBe(
          true,
        );
      }
      for (const d of periods) if (d.to) expect(d.to >= d.from, p.id).toBe(true);
    }
  });

  it("every value has a reference, and a value to confirm says why", () => {
    for (const p of all) {
      for (const d of p.series) {
        expect(d.references.length, p.id).toBeGreaterThan(0);
        for (const r of d.references) expect(r.title.length, p.id).toBeGreaterThan(5);
        if (d.status === "to-confirm") expect(d.why, p.id).toBeTruthy();
      }
    }
  });

  it("every avenant 1 value of the ACI MSP is confirmed by the CNAM guide, except the précarité base (a reading)", () => {
    for (const p of MSP_PARAMETERS) {
      const d = entryAt(p.series, "2022-06-01");
      if (!d) continue;
      if (p.id === "msp.precarite.base") expect(d.status).toBe("to-confirm");
      else expect(d.status, p.id).toBe("confirmed");
    }
    expect(entryAt(MSP.coordination.series, "2022-01-01")!.kind).toBe("cnam-guide");
    expect(entryAt(MSP.coordination.series, "2022-01-01")!.references[0].url).toBe("https://github.com/aspart-am/PartnerCompensation");
  });
});
