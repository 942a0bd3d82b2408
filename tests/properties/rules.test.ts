/** Properties the rules must keep whatever the inputs (issue 5). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cptsMission, MISSIONS, type MissionCode, type Taille, type Volet } from "../../src/core/aci-cpts";
import { computeMsp, INDICATORS, readMspFields, type MspResult } from "../../src/core/aci-msp";
import { MSP_DETAIL_HEADER } from "../../src/core/aci-msp/detail";
import { renderStep, soldeRemark, stepText, type Step } from "../../src/core/aci-msp/explain";
import { contextOf } from "../../src/core/aci-msp/indicators";
import { yearRules } from "../../src/core/aci-msp/params";
import { amAid } from "../../src/core/assistant-medical";
import { CDS_MAX_ETP } from "../../src/core/assistant-medical/params";
import { entryAt } from "../../src/core/params";
import { aciMspDetailFunction, aciMspEurosFunction, aciMspPointsFunction } from "../../src/functions/functions";

const isoDate = (from: number, to: number) =>
  fc.integer({ min: Date.UTC(from, 0, 1), max: Date.UTC(to, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const mission = fc.constantFrom(...(Object.keys(MISSIONS) as MissionCode[]));
const volet = fc.constantFrom<Volet>("fixe", "variable", "total");
const rate = fc.double({ min: 0, max: 1.5, noNaN: true });

describe("ACI CPTS properties", () => {
  const input = fc.record({ mission, volet, atteinte: rate, dateSignature: isoDate(2019, 2030), membres: fc.integer({ min: 0, max: 500 }), sas: fc.boolean() });
  const capped = (a: number) => Math.min(1, a);

  it("is never negative, and non-decreasing with taille and with the achievement rate", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 3 }), rate, (i, t, other) => {
        if (i.dateSignature < "2019-08-25") return;
        const at = (taille: number, atteinte: number) => cptsMission({ ...i, taille: taille as Taille, atteinte: capped(atteinte) }).montant;
        expect(at(t, i.atteinte)).toBeGreaterThanOrEqual(0);
        expect(at(t + 1, i.atteinte)).toBeGreaterThanOrEqual(at(t, i.atteinte));
        const [lo, hi] = [Math.min(i.atteinte, other), Math.max(i.atteinte, other)];
        expect(at(t, hi)).toBeGreaterThanOrEqual(at(t, lo));
        // achievement is capped at 100 %
        expect(at(t, 1.4)).toBe(at(t, 1));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("assistant médical properties", () => {
  it("is never negative, caps achievement at 100 % and a centre at its ceiling (4 ETP, 8 from 16/10/2025)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<"liberal" | "cds">("liberal", "cds"),
        fc.constantFrom(1 / 3, 0.5, 1, 2, 4, 4.5),
        fc.integer({ min: 1, max: 8 }),
        isoDate(2019, 2030),
        fc.constantFrom(undefined, "P30-P50", "P50-P70", "P70-P90", "P90-P95", "P95+" as const),
        rate,
        (regime, etp, annee, date, bande, atteinte) => {
          let montant: number;
          let full: number;
          try {
            montant = amAid({ regime, etp, anneeContrat: annee, dateSignature: date, bande: bande as never, atteinte: Math.min(1, atteinte) }).montant;
            full = amAid({ regime, etp, anneeContrat: annee, dateSignature: date, bande: bande as never, atteinte: 1 }).montant;
          } catch (error) {
            // refusals are the domain's: 4,5 ETP in a centre, 2 ETP libéral, 1/3 after 01/05/2023, dates before the texts
            expect((error as Error).name).toBe("DomainError");
            const ceiling = entryAt(CDS_MAX_ETP.series, date)?.value;
            if (regime === "cds" && ceiling !== undefined && etp > ceiling) expect((error as Error).message).toMatch(new RegExp(`etp.*entre 0 et ${ceiling}`));
            return;
          }
          expect(montant).toBeGreaterThanOrEqual(0);
          expect(montant).toBeLessThanOrEqual(full);
          expect(regime === "cds" ? etp : 0).toBeLessThanOrEqual(entryAt(CDS_MAX_ETP.series, date)?.value ?? 4);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

/** Excel's serial number of an ISO date (dates reach the MSP functions as serials). */
const serial = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);
const flag = fc.integer({ min: 0, max: 1 });
const upTo = (max: number) => fc.integer({ min: 0, max });

/** One generator per MSP field, within the ranges analysts type: the MSP properties below pick their fields from it. */
const MSP_FIELD_VALUES = {
  annee: fc.integer({ min: 2017, max: 2030 }),
  annee_adhesion: fc.integer({ min: 2015, max: 2017 }),
  date_adhesion: isoDate(2017, 2017).map(serial),
  patientele: upTo(30_000),
  nb_ps: upTo(40),
  // hours a day: 0 (blank) or 1 to 24; a fraction of 1 is an Excel time of day (12:00 is 0,5), refused
  amplitude_h: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 24, noNaN: true })),
  samedi_matin: flag,
  fermeture_conges: flag,
  fermeture_longue: flag,
  derogation_pdsa: flag,
  snp: flag,
  coordination: flag,
  si_standard: flag,
  si_date: isoDate(2016, 2025).map(serial),
  si_avance: flag,
  si_avance_date: isoDate(2016, 2025).map(serial),
  protocoles: upTo(20),
  reunions: upTo(30),
  dossiers: upTo(500),
  patients_ald75: upTo(5_000),
  missions_sp: upTo(6),
  mission_sp_obesite: flag,
  diversite: upTo(2),
  second_recours: upTo(2),
  cstm: flag,
  satisfaction: flag,
  formation: flag,
  stages: upTo(6),
  coord_externe: flag,
  taux_css: fc.double({ min: 0, max: 1, noNaN: true }),
  // a national rate is never 0 % (a 0 there is read as a blank cell)
  taux_css_national: fc.double({ min: 0.001, max: 1, noNaN: true }),
  ipa: flag,
  crise_plan: flag,
  crise_survenue: flag,
  sas: upTo(2),
  usagers: upTo(2),
  qualite: upTo(3),
  cooperation: upTo(8),
  parcours_ic: flag,
  parcours_obesite: flag,
};
type MspFieldName = keyof typeof MSP_FIELD_VALUES;
const EVERY_FIELD = Object.keys(MSP_FIELD_VALUES) as MspFieldName[];
const WITHOUT_DATES = EVERY_FIELD.filter((c) => !["date_adhesion", "si_date", "si_avance_date"].includes(c));

/** Records of the given MSP fields (all of them, unless `requiredKeys` says which must be there). */
const mspFields = (codes: readonly MspFieldName[], requiredKeys?: MspFieldName[]): fc.Arbitrary<Record<string, number>> =>
  fc.record(
    Object.fromEntries(codes.map((c) => [c, MSP_FIELD_VALUES[c]])) as Record<string, fc.Arbitrary<number>>,
    requiredKeys ? { requiredKeys } : undefined,
  ) as fc.Arbitrary<Record<string, number>>;

describe("ACI MSP properties", () => {
  // an MSP under contract as the rules require it (checkCounts): a patientèle, its patients in ALD or over 75 among
  // them (and the files reviewed among theirs), the SISA's professionals (2 doctors and 1 paramedical at least: 3), and an opening amplitude (the
  // opening-hours rule refuses a blank one; 7,5 h keeps a case below the 8-hour floor)
  const msp = mspFields(WITHOUT_DATES).map((f): Record<string, number> => {
    const patientele = Math.max(1, f.patientele);
    const patientsAld75 = Math.min(f.patients_ald75, patientele);
    return {
      ...f,
      patientele,
      patients_ald75: patientsAld75,
      // the files reviewed are theirs: never more, and none counted without them
      dossiers: Math.min(f.dossiers, patientsAld75),
      nb_ps: Math.max(3, f.nb_ps),
      amplitude_h: f.amplitude_h > 0 ? f.amplitude_h : 7.5,
    };
  });
  const compute = (fields: Record<string, number>) => computeMsp(readMspFields(Object.entries(fields)));

  it("never gives fewer points for a larger patientèle, never negative", () => {
    fc.assert(
      fc.property(msp, fc.integer({ min: 1, max: 30_000 }), (fields, other) => {
        const [lo, hi] = [Math.min(fields.patientele, other), Math.max(fields.patientele, other)];
        const ald = Math.min(fields.patients_ald75, lo);
        const a = compute({ ...fields, patientele: lo, patients_ald75: ald, dossiers: Math.min(fields.dossiers, ald) });
        const b = compute({ ...fields, patientele: hi });
        expect(a.points).toBeGreaterThanOrEqual(0);
        expect(a.euros).toBeGreaterThanOrEqual(0);
        expect(b.points).toBeGreaterThanOrEqual(a.points - 1e-6);
      }),
      { numRuns: 2_000 },
    );
  });

  it("pays at most 8 protocols and 2 public-health missions", () => {
    fc.assert(
      fc.property(msp, (fields) => {
        const many = compute({ ...fields, protocoles: 8 + fields.protocoles, missions_sp: 2 + fields.missions_sp });
        const capped = compute({ ...fields, protocoles: 8, missions_sp: 2 });
        expect(many.points).toBe(capped.points);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("ACI.MSP_POINTS / EUROS keep nothing from one cell to the next", () => {
  // they read each row into records reused from call to call (the 1 M evaluations/s of issue 10): any value, date or
  // ignored avenant 1 field left over from the previous row would change the next one's amount
  const row = mspFields(EVERY_FIELD, ["annee"]);
  const fresh = (fields: Record<string, number>) => {
    try {
      const r = computeMsp(readMspFields(Object.entries(fields)), false);
      return [r.points, r.euros];
    } catch (error) {
      return (error as Error).name;
    }
  };
  const cell = (fn: (c: unknown[][], v: unknown[][]) => unknown, fields: Record<string, number>) => {
    try {
      return fn([Object.keys(fields)], [Object.values(fields)]);
    } catch (error) {
      return (error as { code?: string }).code === "#VALUE!" ? "DomainError" : error;
    }
  };

  it("gives, row after row of one header row with blank cells, what a fresh computation gives", () => {
    // the same headers in every row (a sheet of MSP rows): a blank cell (null, "", or desktop Excel's 0 where 0 means
    // nothing) must not keep the previous row's value
    const codes = [
      "annee",
      "annee_adhesion",
      "patientele",
      "nb_ps",
      "amplitude_h",
      "snp",
      "coordination",
      "si_standard",
      "si_date",
      "protocoles",
      "reunions",
      "ipa",
    ];
    const cellOf = (code: string) =>
      code === "annee"
        ? fc.integer({ min: 2017, max: 2025 })
        : fc.oneof(
            fc.constant(null),
            fc.constant(""),
            fc.constant(0),
            row.map((r) => (r as Record<string, number>)[code] ?? null),
          );
    fc.assert(
      fc.property(fc.array(fc.tuple(...codes.map(cellOf)), { minLength: 2, maxLength: 8 }), (rows) => {
        for (const values of rows) {
          const fields = Object.fromEntries(codes.flatMap((c, k) => (values[k] === null || values[k] === "" ? [] : [[c, values[k] as number]])));
          const expected = fresh(fields);
          const points = cell(aciMspPointsFunction, Object.fromEntries(codes.map((c, k) => [c, values[k] as number])));
          if (typeof expected === "string") expect(points).toBe(expected);
          else expect(points).toBe(expected[0]);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("gives, row after row, what a fresh computation of each row gives", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 8 }), (rows) => {
        for (const fields of rows) {
          const expected = fresh(fields);
          const points = cell(aciMspPointsFunction, fields);
          const euros = cell(aciMspEurosFunction, fields);
          if (typeof expected === "string") expect([points, euros]).toEqual([expected, expected]);
          else expect([points, euros]).toEqual(expected);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("ACI.MSP_DETAIL shows the full result, cell by cell", () => {
  // the detail is built straight from the evaluation, on a record reused from cell to cell: it must show, row after
  // row, what the full result (computeMsp, what the regional sheets and the other tests read) says
  const row = mspFields(EVERY_FIELD, ["annee"]);
  const flagged = (i: MspResult["indicateurs"][number]) => (i.confidence === "to-confirm" ? `${i.source} [à confirmer]` : i.source);
  const expectedDetail = (r: MspResult) => [
    [...MSP_DETAIL_HEADER],
    ...r.indicateurs.map((i) =>
      i.applicable
        ? [i.axe, i.label, i.type, i.fixes, i.variables, i.points, i.euros, flagged(i), i.remarque]
        : [i.axe, i.label, "non applicable", 0, 0, 0, 0, "", i.remarque],
    ),
    ["", "Majoration précarité", "majoration", 0, r.precarite.points, r.precarite.points, r.precarite.euros, r.precarite.source, r.precarite.remarque],
    ["", "Complément minimum nouvelle structure", "garantie", 0, 0, 0, r.complementMinimum.euros, r.complementMinimum.source, r.complementMinimum.remarque],
    [
      "Total",
      `${r.version}, rémunération ${r.annee}`,
      "",
      r.fixes,
      r.variables,
      r.points,
      r.euros,
      `valeur du point : ${r.valeurPoint} €`,
      r.remarques.join(" ; "),
    ],
    ["Avance", "Avance de l'année", "", "", "", r.avance.points, r.avance.euros, r.avance.source, r.avance.remarque],
    ["Solde", "Solde de l'année (total − avance)", "", "", "", "", r.solde, "", soldeRemark(r.solde)],
  ];

  it("row after row, as computeMsp gives it for each row afresh", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 6 }), (rows) => {
        for (const fields of rows) {
          let expected: unknown;
          try {
            expected = expectedDetail(computeMsp(readMspFields(Object.entries(fields))));
          } catch (error) {
            expected = (error as Error).message;
          }
          let detail: unknown;
          try {
            detail = aciMspDetailFunction([Object.keys(fields)], [Object.values(fields)]);
          } catch (error) {
            detail = (error as Error).message;
          }
          expect(detail).toEqual(expected);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("ACI.MSP_DETAIL's step texts, kept by key", () => {
  // renderStep keeps the text of steps that take few values under a number built from them: two different steps
  // must never share a number (the second would show the first's text), whatever their values
  const whole = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 200_000 }));
  const hours = fc.oneof(fc.integer({ min: 0, max: 24 }), fc.constantFrom(7.5, 10.5));
  const flagOf = fc.boolean();
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant("reunions-min" as const), reunions: whole, min: whole, prorated: flagOf }),
    fc.record({
      kind: fc.constant("minorations" as const),
      amplitude: fc.option(fc.record({ from: hours, to: hours, points: whole }), { nil: undefined }),
      samedi: whole,
      conges: whole,
    }),
    fc.record({
      kind: fc.constant("cap" as const),
      field: fc.constantFrom("missions_sp" as const, "protocoles" as const, "cooperation" as const),
      given: whole,
      paid: whole,
    }),
    fc.record({ kind: fc.constant("level" as const), level: whole, cumulative: flagOf }),
    fc.record({
      kind: fc.constant("ipa" as const),
      points: whole,
      per: fc.constantFrom(undefined, "protocole" as const),
      variable: flagOf,
      missions: fc.option(whole, { nil: undefined }),
    }),
    fc.record({ kind: fc.constant("seuil" as const), seuil: whole, auDela: whole, reference: whole }),
    fc.record({ kind: fc.constant("ps" as const), n: whole }),
    fc.record({ kind: fc.constant("stages" as const), extra: whole, each: whole, included: whole }),
    fc.record({ kind: fc.constant("crise-variable" as const), payable: flagOf, annee: fc.integer({ min: 2017, max: 2030 }), survenue: flagOf }),
    fc.record({ kind: fc.constant("obesite-theme" as const), missions: whole, required: whole }),
  );

  it("shows each step's own text, step after step", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) => {
        for (const s of steps) expect(renderStep(s)).toBe(stepText(s));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("ACI MSP indicators: the gate field", () => {
  // a prerequisite's gate is the field the regional job names when a prerequisite cannot be met (prerequisiteFields):
  // 0 there must mean no points and not met, whatever the other fields
  const fields = mspFields(WITHOUT_DATES);

  it("is 0 → the rule gives no points and the indicator is not met, every year, whatever the other fields", () => {
    fc.assert(
      fc.property(
        fields,
        fc.integer({ min: 2017, max: 2025 }),
        fc.integer({ min: 0, max: INDICATORS.length - 1 }),
        isoDate(2016, 2025),
        isoDate(2016, 2025),
        (values, annee, k, siDate, adhesion) => {
          const def = INDICATORS[k];
          const rules = yearRules(annee);
          const param = def.param(rules);
          if (!param) return;
          const adhesionDate = adhesion <= `${annee}-12-31` ? serial(adhesion) : 0;
          const input = readMspFields(
            Object.entries({ ...values, [def.gate]: 0, si_date: serial(siDate), si_avance_date: serial(siDate), date_adhesion: adhesionDate }),
          );
          const ctx = contextOf(input, input.values, annee, rules, rules.patienteleReference!.value, input.siAvanceDate);
          const earned = def.compute(param.value, ctx, undefined);
          expect([def.code, earned.fixes, earned.variables, earned.atteint]).toEqual([def.code, 0, 0, false]);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
