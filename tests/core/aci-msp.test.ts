import { describe, expect, it } from "vitest";
import { computeMsp, readMspFields } from "../../src/core/aci-msp";
import { mspDetail, MSP_DETAIL_SIZE } from "../../src/core/aci-msp/detail";
import { msp, points, PREREQUISITES_MET, type Fields } from "../support/msp-fields";

/** A 2020 MSP (ACI 2017) meeting the three prerequisites, signed long ago, nothing else. */
const BASE_2020: Fields = { annee: 2020, ...PREREQUISITES_MET };
const with2020 = (extra: Fields) => msp({ ...BASE_2020, ...extra });

describe("ACI 2017 indicators (seed 002, « Présentation de l'ACI »)", () => {
  it.each([
    // « 700 pts fixes + 1 350 pts variables jusqu'à 8 000 patients + 1 000 pts variables au-delà », per 4 000 patients
    [2_000, 700 + 1_350 / 2],
    [4_000, 2_050],
    [6_000, 700 + 1_350 * 1.5],
    [8_000, 700 + 2_700],
    [10_000, 700 + 2_700 + 500],
    [12_000, 700 + 2_700 + 1_000],
  ])("coordination at %i patients: %f points", (patientele, expected) => {
    expect(points(with2020({ patientele }), "coordination")).toBe(expected);
  });

  it.each([
    // « 500 pts fixes + 200 pts variables par PS jusqu'à 16 PS + 150 pts variables par PS supplémentaire »
    [1, 700],
    [13, 3_100],
    [16, 3_700],
    [17, 3_850],
    [20, 4_300],
  ])("SI standard with %i PS: %i points", (nb_ps, expected) => {
    expect(points(with2020({ nb_ps }), "si_standard")).toBe(expected);
  });

  it("prorates the SI from the software acquisition date (« prorata temporis »)", () => {
    // acquired 01/07/2020: 184 days out of 366 in 2020
    expect(points(with2020({ si_date: "01/07/2020" }), "si_standard")).toBeCloseTo((3_100 * 184) / 366, 2);
    expect(points(with2020({ si_date: "15/03/2018" }), "si_standard")).toBe(3_100);
  });

  it.each([
    // 800 points; minorations: 10–12 h −60, 8–10 h −150, Saturday morning closed −120, school-holiday closure −20
    [{ amplitude_h: 12, samedi_matin: 1 }, 800],
    [{ amplitude_h: 11, samedi_matin: 1 }, 740],
    [{ amplitude_h: 11, samedi_matin: 0 }, 620],
    [{ amplitude_h: 9, samedi_matin: 1 }, 650],
    [{ amplitude_h: 12, samedi_matin: 1, fermeture_conges: 1 }, 780],
    [{ amplitude_h: 9, samedi_matin: 0, fermeture_conges: 1 }, 510],
  ])("opening hours %o: %i points", (extra, expected) => {
    expect(points(with2020(extra), "horaires")).toBe(expected);
  });

  it("does not meet the opening-hours prerequisite under 8 h or without SNP organisation", () => {
    expect(with2020({ amplitude_h: 7.5 }).prerequisManquants).toEqual(["Horaires d'ouverture et soins non programmés"]);
    expect(with2020({ snp: 0 }).declenche).toBe(false);
  });

  it.each([
    // « 100 pts fixes par protocole jusqu'à 8 protocoles rémunérés »
    [3, 300],
    [8, 800],
    [12, 800],
  ])("%i protocols: %i points", (protocoles, expected) => {
    expect(points(with2020({ protocoles }), "protocoles")).toBe(expected);
  });

  it.each([
    // « au moins 6 réunions par an »; « 1 000 points variable par tranche de 4 000 patients » at 5 % of MT patients in ALD or > 75
    [5, 50, 1_000, 4_000, 0],
    [6, 50, 1_000, 4_000, 1_000],
    [6, 25, 1_000, 4_000, 500],
    [12, 80, 1_000, 4_000, 1_000],
    [6, 50, 1_000, 2_000, 500],
    [6, 50, 1_000, 8_000, 2_000],
  ])("%i meetings, %i files for %i ALD/75+ patients, patientèle %i: %i points", (reunions, dossiers, patients_ald75, patientele, expected) => {
    expect(points(with2020({ reunions, dossiers, patients_ald75, patientele }), "concertation")).toBe(expected);
  });

  it.each([
    // « 350 pts variables par mission jusqu'à 2 missions rémunérées »
    [1, 4_000, 350],
    [2, 4_000, 700],
    [3, 4_000, 700],
    [2, 6_000, 1_050],
  ])("%i public-health missions at %i patients: %i points", (missions_sp, patientele, expected) => {
    expect(points(with2020({ missions_sp, patientele }), "missions_sp")).toBe(expected);
  });

  it("pays the optional indicators of the seed table", () => {
    const r = with2020({ diversite: 2, second_recours: 1, cstm: 1, satisfaction: 1, formation: 1, coord_externe: 1, si_avance: 1, patientele: 8_000 });
    expect(points(r, "diversite")).toBe(500); // niveaux 1 et 2 : 250 + 250
    expect(points(r, "second_recours")).toBe(250);
    expect(points(r, "cstm")).toBe(200);
    expect(points(r, "satisfaction")).toBe(100);
    expect(points(r, "formation")).toBe(450);
    expect(points(r, "coord_externe")).toBe(400); // 200 variables × 8 000 / 4 000
    expect(points(r, "si_avance")).toBe(100);
  });

  it("pays nothing when a prerequisite is missing after the first two calendar years", () => {
    const r = with2020({ coordination: 0, protocoles: 8, reunions: 10, dossiers: 100, patients_ald75: 1_000, diversite: 2 });
    expect(r.declenche).toBe(false);
    for (const i of r.indicateurs) expect(i.points, i.code).toBe(0);
    expect(r.points).toBe(0);
    expect(r.euros).toBe(0);
  });

  it("lets 2 of 3 prerequisites trigger payment in the year of adhesion and the next (derogation)", () => {
    expect(with2020({ coordination: 0, annee_adhesion: 2020 }).declenche).toBe(true);
    expect(with2020({ coordination: 0, annee_adhesion: 2019 }).declenche).toBe(true);
    expect(with2020({ coordination: 0, annee_adhesion: 2018 }).declenche).toBe(false);
    expect(with2020({ coordination: 0, si_standard: 0, annee_adhesion: 2020 }).declenche).toBe(false);
  });

  it("guarantees 20 000 € to a new structure, with an avance of 12 000 € (CNAM 2018)", () => {
    // year of adhesion, SI missing: 800 + 2 050 = 2 850 points = 19 950 € → completed to 20 000 €
    const r = with2020({ si_standard: 0, annee_adhesion: 2020 });
    expect(r.points).toBe(2_850);
    expect(r.complementMinimum.euros).toBe(50);
    expect(r.euros).toBe(20_000);
    const small = with2020({ si_standard: 0, annee_adhesion: 2020, patientele: 1_000, protocoles: 0 });
    expect(small.euros).toBe(20_000);
    expect(small.avance.euros).toBeGreaterThanOrEqual(12_000);
    // a structure past its first two years gets no minimum
    expect(with2020({ patientele: 1_000, annee_adhesion: 2015 }).complementMinimum.euros).toBe(0);
  });
});

describe("précarité majoration (seed 002: « plafonnée à 25 % »; ameli: CSS and AME gaps added)", () => {
  const rates = (css: number, ame: number) => ({ taux_css: css, taux_ame: ame, taux_css_national: 0.08, taux_ame_national: 0.01 });
  // patientèle-based variable points of BASE_2020: coordination 1 350 (SI variable points depend on PS, not on patients)
  it.each([
    [0.05, 0.005, 0],
    [0.08, 0.01, 0],
    [0.1, 0.02, 0.03],
    [0.3, 0.15, 0.25],
  ])("CSS %f and AME %f give %f", (css, ame, taux) => {
    const r = with2020(rates(css, ame));
    expect(r.precarite.taux).toBeCloseTo(taux, 10);
    expect(r.precarite.points).toBeCloseTo(1_350 * taux, 2);
  });

  it("requires the national rates when the MSP's rates are given", () => {
    expect(() => with2020({ taux_css: 0.1 })).toThrow(
      /^taux_css_national : champ non renseigné \(ou 0\) alors que taux_css renseigné : le taux national change chaque année/,
    );
  });
});

describe("euros, avance and solde", () => {
  it("converts points at 7 € and computes the avance on prerequisites and socle at 100 %", () => {
    const r = with2020({ protocoles: 5, reunions: 6, dossiers: 50, patients_ald75: 1_000 });
    // 800 + 2 050 + 3 100 + 500 + 1 000 = 7 450 points
    expect(r.points).toBe(7_450);
    expect(r.euros).toBe(7_450 * 7);
    // avance: 60 % × 7 € × (800 + 2 050 + 3 100 + 8 × 100 + 1 000) = 32 550 €
    expect(r.avance.euros).toBe(32_550);
    expect(r.solde).toBe(7_450 * 7 - 32_550);
  });
});

describe("avenant 1 (remuneration years 2022 and after)", () => {
  const base2022 = (extra: Fields) => msp({ ...BASE_2020, annee: 2022, ...extra });

  it("switches version between 2021 and 2022", () => {
    expect(msp({ ...BASE_2020, annee: 2021 }).version).toBe("ACI 2017");
    expect(base2022({}).version).toBe("avenant 1");
  });

  it.each([
    // coordination: 1 000 fixes + 1 700 variables (official); 1 100 beyond 8 000 (to confirm)
    [4_000, 2_700],
    [8_000, 4_400],
    [12_000, 5_500],
  ])("coordination at %i patients: %i points", (patientele, expected) => {
    expect(points(base2022({ patientele }), "coordination")).toBe(expected);
  });

  it("adds the IPA bonuses: +40 per protocol, +200 variable concertation, +200 fixed with 2 missions (CNAM guide p. 15)", () => {
    const r = base2022({ ipa: 1, protocoles: 8, reunions: 6, dossiers: 50, patients_ald75: 1_000, missions_sp: 2 });
    expect(points(r, "protocoles")).toBe(8 * 140);
    expect(points(r, "concertation")).toBe(1_200);
    expect(points(r, "missions_sp")).toBe(200 + 700);
  });

  it("pays the crise sanitaire plan (100) in 2022, but never its variable part that year (CNAM guide, « Réponse aux crises sanitaires graves »)", () => {
    expect(points(base2022({ crise_plan: 1 }), "crise")).toBe(100);
    const survenue = base2022({ crise_plan: 1, crise_survenue: 1, patientele: 8_000 });
    expect(points(survenue, "crise")).toBe(100);
    expect(survenue.indicateurs.find((i) => i.code === "crise")!.remarque).toMatch(/volet variable non versé en 2022.*crise_survenue ignoré/);
    expect(points(base2022({ crise_survenue: 1 }), "crise")).toBe(0);
  });

  it("cites the CNAM guide for the avenant 1 values, with its address", () => {
    const r = base2022({ diversite: 1 });
    const diversite = r.indicateurs.find((i) => i.code === "diversite")!;
    // guide: diversité level 1 300 fixed
    expect(diversite.points).toBe(300);
    expect(diversite.confidence).toBe("official");
    expect(diversite.source).toMatch(/Guide des indicateurs ACI.*« Diversité de l'offre de soins ».*https:\/\/github\.com\/aspart-am\/PartnerCompensation/);
    expect(r.indicateurs.find((i) => i.code === "satisfaction")!.applicable).toBe(false);
  });

  it("ignores avenant-1 fields for an ACI 2017 year, and says so", () => {
    const r = with2020({ ipa: 1, protocoles: 8 });
    expect(points(r, "protocoles")).toBe(800);
    expect(r.remarques.join(" ")).toMatch(/ignorés pour 2020 : ipa/);
  });
});

describe("ACI.MSP_DETAIL layout", () => {
  const fields: Fields = {
    ...BASE_2020,
    protocoles: 5,
    reunions: 6,
    dossiers: 30,
    patients_ald75: 1_000,
    missions_sp: 1,
    diversite: 1,
    taux_css: 0.12,
    taux_ame: 0.02,
    taux_css_national: 0.08,
    taux_ame_national: 0.01,
  };
  const r = msp(fields);
  const rows = mspDetail(readMspFields(Object.entries(fields)));

  it("has a fixed size", () => {
    expect(rows.length).toBe(MSP_DETAIL_SIZE[1]);
    for (const row of rows) expect(row.length).toBe(MSP_DETAIL_SIZE[0]);
  });

  it("sums to the total, in points and euros", () => {
    const body = rows.slice(1, rows.length - 3);
    const total = rows[rows.length - 3];
    const sum = (col: number) => body.reduce((s, row) => s + Number(row[col]), 0);
    expect(sum(5)).toBeCloseTo(Number(total[5]), 6);
    expect(sum(6)).toBeCloseTo(Number(total[6]), 6);
    expect(total[6]).toBe(r.euros);
    expect(total[5]).toBe(r.points);
  });
});

describe("field validation", () => {
  it.each([
    [{ patientele: -5 }, /patientele.*positive/],
    [{ diversite: 3 }, /diversite.*niveau entier de 0 à 2/],
    [{ qualite: 4 }, /qualite.*0 à 3/],
    [{ protocoles: 2.5 }, /protocoles.*entier/],
    [{ coordination: 2 }, /coordination.*1 \(oui\) ou 0 \(non\)/],
    // a rate typed 12 for 12 % is refused with the two ways to type it (RULES.md, « Reading cells »)
    [{ taux_css: 12, taux_css_national: 0.08 }, /taux_css : taux saisi 12 : saisir 12 % ou 0,12/],
    [{ taux_css: 1.5, taux_css_national: 0.08 }, /taux_css.*entre 0 et 1/],
    // a national rate is never 0 %: a 0 there is desktop Excel's blank cell, refused as the web's blank is (read as 0 %,
    // the MSP's 12 % CSS was all précarité gap)
    [{ taux_css: 0.12, taux_css_national: 0 }, /^taux_css_national : champ non renseigné \(ou 0\) alors que taux_css renseigné/],
    [{ amplitude_h: 25 }, /amplitude_h.*entre 0 et 24/],
    // 11:00 typed in the cell is Excel's 0,458 of a day: read as 0,46 h it failed the prerequisite, paying nothing
    [{ amplitude_h: 11 / 24 }, /^amplitude_h : 0,4583333333333333 : une heure au format horaire \(11:00\) \? saisir le nombre d'heures par jour \(ex\. 11\)$/],
    [{ annee: 2016 }, /annee.*depuis 2017/],
    [{ annee_adhesion: 2021 }, /annee_adhesion.*postérieure/],
    [{ si_date: "hier" }, /si_date.*date attendue/],
    // a year alone was day 2018 of Excel, in 1905: a software « acquired » before the year, so paid the full year; a
    // signature in 1905 took the MSP out of its new-structure years
    [{ si_date: 2018 }, /^si_date : 2018 : une année seule \? Excel la lit comme le 10\/07\/1905/],
    [{ date_adhesion: 2019 }, /^date_adhesion : 2019 : une année seule \?/],
  ])("%o is rejected", (extra, message) => {
    expect(() => with2020(extra)).toThrow(message);
  });

  // A blank cell reaches a function as 0 in desktop Excel: read as 0 patients (or 0 PS), it paid the fixed points alone
  // without a word. Seed 002: variable points « par tranche de 4 000 patients », SI « + 200 pts variables par PS ».
  it.each([
    // this file's base MSP (4 000 patients) with its patientèle left blank was paid coordination 700 points, not 2 050
    [{ patientele: undefined }, /^patientele : champ non renseigné \(ou 0\) : les points variables/],
    [{ patientele: 0 }, /^patientele : champ non renseigné \(ou 0\) : les points variables/],
    [{ patientele: null }, /^patientele : /],
    [{ nb_ps: undefined }, /^nb_ps : champ non renseigné \(ou 0\) alors que si_standard = 1/],
    [{ nb_ps: 0 }, /^nb_ps : /],
    // the patients in ALD or over 75 are part of the patientèle
    [{ patients_ald75: 4_001, dossiers: 10 }, /^patients_ald75 : 4\u202f001 patients en ALD ou de plus de 75 ans pour une patientèle de 4\u202f000/],
    // the files reviewed are theirs: the two columns swapped (1 000 files for 40 patients) paid the whole concertation
    [
      { reunions: 6, dossiers: 1_000, patients_ald75: 40 },
      /^dossiers : 1\u202f000 dossiers revus pour 40 patients en ALD ou de plus de 75 ans : ce sont des dossiers de ces patients ; vérifier la saisie \(colonnes dossiers et patients_ald75 inversées \?\)$/,
    ],
    // files reviewed without their base: read as « 5 % reached as soon as one file is reviewed », it paid the whole
    // concertation (1 000 variable points at 4 000 patients) for 40 files of an unknown number of patients
    [
      { reunions: 6, dossiers: 40, patients_ald75: undefined },
      // the target rendered from its parameter (5 % of them in 2020)
      /^patients_ald75 : champ non renseigné \(ou 0\) alors que dossiers > 0 : l'objectif de dossiers revus se mesure sur eux \(5 % d'entre eux\) ; le renseigner$/,
    ],
    [{ reunions: 6, dossiers: 1, patients_ald75: 0 }, /^patients_ald75 : champ non renseigné \(ou 0\) alors que dossiers > 0/],
  ])("an MSP under contract with %o is refused, never paid its fixed points alone", (extra, message) => {
    expect(() => with2020(extra)).toThrow(message);
  });

  it("takes no file reviewed without its base: no concertation points, said", () => {
    const r = with2020({ reunions: 6, dossiers: 0, patients_ald75: undefined });
    expect(points(r, "concertation")).toBe(0);
    expect(r.indicateurs.find((i) => i.code === "concertation")!.remarque).toBe(
      "aucun dossier revu (dossiers et patients_ald75 non renseignés ou à 0) : objectif de dossiers non atteint",
    );
    // its avance still counts the concertation at 100 %, as with its base given
    expect(r.avance.points).toBe(with2020({ reunions: 6, dossiers: 50, patients_ald75: 1_000 }).avance.points);
  });

  it("needs no PS count without the labelled software, and takes every patient in ALD or over 75", () => {
    // si_standard = 0 in the signing year (derogation: 2 prerequisites of 3): no SI points, nothing to count
    expect(points(with2020({ annee_adhesion: 2020, si_standard: 0, nb_ps: 0 }), "si_standard")).toBe(0);
    // 200 files for 4 000 patients all in ALD or over 75: 5 % reached, 1 000 variable points at 4 000 patients
    expect(points(with2020({ reunions: 6, dossiers: 200, patients_ald75: 4_000 }), "concertation")).toBe(1_000);
  });

  it("rejects unknown and repeated codes", () => {
    expect(() => computeMsp(readMspFields([["patientèles", 3]]))).toThrow(/champs.*inconnu.*patientèles/);
    expect(() =>
      computeMsp(
        readMspFields([
          ["patientele", 3],
          ["Patientèle", 4],
        ]),
      ),
    ).toThrow(/deux fois/);
  });

  it("matches codes without case or accents", () => {
    expect(
      computeMsp(
        readMspFields([
          ["Année", 2020],
          ["PATIENTÈLE", 4000],
          ["Coordination", "oui"],
          ["SNP", 1],
          ["amplitude_h", 12],
          ["samedi_matin", 1],
          ["si_standard", 1],
          ["Nb_PS", 13],
        ]),
      ).points,
    ).toBe(800 + 2_050 + 3_100);
  });
});

describe("date_adhesion: the avance prorated to the contract date (RULES.md)", () => {
  it("prorates the avance and the new-structure minimum in the year of signature, not the indicators", () => {
    // signed 01/07/2020: 184 days out of 366
    const full = with2020({ annee_adhesion: 2020 });
    const r = with2020({ annee_adhesion: undefined, date_adhesion: "01/07/2020" });
    const prorata = 184 / 366;
    expect(r.derogation).toBe(true);
    expect(r.points).toBe(full.points);
    // avance: 60 % × 7 € × (800 + 2 050 + 3 100 + 800 + 1 000) points, prorated
    expect(r.avance.euros).toBeCloseTo(0.6 * 7 * 7_750 * prorata, 2);
    expect(full.avance.euros).toBe(32_550);
  });

  it("prorates the 20 000 € minimum, set for a full year", () => {
    // 40 patients, SI missing (derogation): 800 + 700 + 1 350 × 40 / 4 000 = 1 513,5 points = 10 594,50 €
    const tiny = { annee_adhesion: undefined, si_standard: 0, patientele: 40 };
    expect(with2020({ ...tiny, annee_adhesion: 2020 }).euros).toBe(20_000);
    // signed 01/03/2020: 306 days out of 366 → minimum 16 721,31 €
    const march = with2020({ ...tiny, date_adhesion: "01/03/2020" });
    expect(march.euros).toBeCloseTo((20_000 * 306) / 366, 2);
    expect(march.complementMinimum.euros).toBeCloseTo((20_000 * 306) / 366 - 10_594.5, 2);
    // signed 01/07/2020: 184 days → minimum 10 054,64 €, already passed by the 10 594,50 € earned
    expect(with2020({ ...tiny, date_adhesion: "01/07/2020" }).euros).toBe(10_594.5);
  });

  it("leaves the following year whole, and rejects a date that contradicts annee_adhesion", () => {
    expect(with2020({ annee_adhesion: undefined, date_adhesion: "01/07/2019" }).avance.euros).toBe(32_550);
    expect(() => with2020({ annee_adhesion: 2018, date_adhesion: "01/07/2019" })).toThrow(/date_adhesion.*annee_adhesion vaut 2018/);
    expect(() => with2020({ annee_adhesion: undefined, date_adhesion: "01/07/2021" })).toThrow(/date_adhesion.*postérieure/);
  });
});
