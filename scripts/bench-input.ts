/**
 * The generated inputs of `npm run bench`, apart so that a test can check them (tests/build/bench-input.test.ts):
 * a rule that starts refusing them would otherwise stop the bench, which CI does not run, or time refusals.
 */
import type { RawTable } from "../src/core/regional";
import { DEPARTEMENTS } from "../src/core/regional/departements-data";
import { CAISSES } from "../src/core/inputs/cpam";
import { SEED_002_FIELDS } from "../tests/support/msp-fields";

/** The fields of the bench's MSP rows (`ACI.MSP_*` headers), in the order of `mspBenchRow`'s values. */
export const MSP_BENCH_CODES = [...SEED_002_FIELDS, "missions_sp", "diversite", "taux_css", "taux_css_national", "crise_plan"];

/**
 * An MSP under contract as the rules take it: a patientèle, its patients in ALD or over 75 among them (and the files
 * reviewed among theirs), the SISA's 3 PS or more, and from 2022 (the avenant 1 that created it; a prerequisite from
 * 2023) a crisis plan for nine in ten — from the patientèle, so that the random sequence, and every other pool of the
 * bench, stays as it was.
 */
export function mspBenchRow(rnd: () => number): number[] {
  const annee = 2017 + Math.floor(rnd() * 9);
  const patientele = 1_000 + Math.floor(rnd() * 14_000);
  // drawn in the order of the row's values, so that the random sequence stays as it was
  const head = [
    annee,
    2016,
    patientele,
    3 + Math.floor(rnd() * 27),
    8 + rnd() * 4,
    rnd() < 0.7 ? 1 : 0,
    1,
    1,
    1,
    Math.floor(rnd() * 12),
    Math.floor(rnd() * 15),
  ];
  const dossiers = Math.floor(rnd() * 200);
  const patientsAld75 = Math.floor(patientele * (0.1 + rnd() * 0.2));
  return [
    ...head,
    // the files reviewed are those of the patients in ALD or over 75: never more
    Math.min(dossiers, patientsAld75),
    patientsAld75,
    Math.floor(rnd() * 3),
    Math.floor(rnd() * 3),
    rnd() * 0.2,
    0.08,
    annee >= 2022 && patientele % 10 !== 0 ? 1 : 0,
  ];
}

/** The CPTS a draw in [0, 1) picks among those of a département (none: no CPTS); one draw either way. */
const cptsIn = (ids: readonly string[] | undefined, draw: number): string => (ids ? ids[Math.floor(draw * ids.length)] : "");

export type NationalKind = "communes" | "cpts" | "msp" | "contrats_am";

/**
 * A region the size of France: 35 000 communes, 1 000 CPTS, 2 500 MSP (remuneration year 2023), 20 000 AM contracts;
 * `scale` times as many rows of each table for the growth figure (the communes up to the 999 INSEE codes a
 * metropolitan département has room for: 2,5 times France at most). Scale 1 draws the same sequence as before.
 */
export function nationalInput(rnd: () => number, scale = 1) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const depts = DEPARTEMENTS.map(([code]) => code);
  const communes: unknown[][] = [];
  const cpts: unknown[][] = [];
  const nCpts = 1_000 * scale;
  for (let i = 0; i < nCpts; i++)
    cpts.push([
      `CPTS${i}`,
      `CPTS ${i}`,
      pick(depts),
      pick(["1", "2", "2bis", "3", "4", "5", "5", "5"]),
      20_000 + Math.floor(rnd() * 250_000),
      `${2020 + Math.floor(rnd() * 4)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-15`,
      Math.floor(rnd() * 250),
      rnd() < 0.7 ? 1 : 0,
    ]);
  // a commune belongs to a CPTS of its own département, as in every workbook (a CPTS's territory is a group of
  // neighbouring communes): 35 000 communes come to about 1 000 CPTS territories, not one per commune
  const cptsOf = new Map<string, string[]>();
  for (const row of cpts) {
    const dept = row[2] as string;
    cptsOf.set(dept, [...(cptsOf.get(dept) ?? []), row[0] as string]);
  }
  // INSEE codes: the département, then a number unique within it (metropolitan départements: 3 digits of room)
  const metropole = depts.filter((d) => d.length === 2);
  const perDept = new Map<string, number>();
  const nCommunes = Math.min(35_000 * scale, metropole.length * 900);
  for (let i = 0; i < nCommunes; i++) {
    let dept = pick(metropole);
    // a full département: the next one with room (only at scale 3 and more)
    while ((perDept.get(dept) ?? 0) >= 999) dept = metropole[(metropole.indexOf(dept) + 1) % metropole.length];
    const n = (perDept.get(dept) ?? 0) + 1;
    perDept.set(dept, n);
    communes.push([`${dept}${String(n).padStart(5 - dept.length, "0")}`, dept, Math.floor(rnd() * 5_000), rnd() < 0.85 ? cptsIn(cptsOf.get(dept), rnd()) : ""]);
  }
  const msp: unknown[][] = [];
  for (let i = 0; i < 2_500 * scale; i++) {
    const row = mspBenchRow(rnd);
    // remuneration year 2023: the crisis plan is a prerequisite (guide CNAM), most MSP have one
    msp.push([`MSP${i}`, `MSP ${i}`, pick(depts), rnd() < 0.7 ? 1 : 0, 2023, ...row.slice(1, -1), rnd() < 0.9 ? 1 : 0]);
  }
  // CPAM as caisse numbers (`331`, `641`, `2A1`): a département code such as `81` is also the caisse 081 (Ardennes),
  // ambiguous in a workbook spanning both regions; the communes are metropolitan, so are the caisses
  const caisses = CAISSES.filter((c) => c.departement.length === 2).map((c) => c.numero);
  const am: unknown[][] = [];
  for (let i = 0; i < 20_000 * scale; i++)
    am.push([
      `AM${i}`,
      pick(caisses),
      `${2019 + Math.floor(rnd() * 4)}-${String(9 + Math.floor(rnd() * 4)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`,
      pick([0.5, 1, "1/3"]),
      "liberal",
      pick(["P30-P50", "P50-P70", "P70-P90", "P90-P95", "P95+"]),
      "",
    ]);
  const headers: Record<NationalKind, string[]> = {
    communes: ["code_commune", "departement", "population", "cpts"],
    cpts: ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
    msp: ["id", "nom", "departement", "aci", ...MSP_BENCH_CODES],
    contrats_am: ["id", "cpam", "date_signature", "etp", "regime", "bande", "date_fin"],
  };
  const tables: Record<NationalKind, RawTable> = {
    communes: { source: "Communes", headers: headers.communes, rows: communes },
    cpts: { source: "CPTS", headers: headers.cpts, rows: cpts },
    msp: { source: "MSP", headers: headers.msp, rows: msp },
    contrats_am: { source: "Contrats_AM", headers: headers.contrats_am, rows: am },
  };
  return { headers, rows: { communes, cpts, msp, am }, tables };
}
