import { buildRegionalSheets } from "../src/core/regional";
const rnd = (() => { let a = 7; return () => { a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })();
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const depts = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0"));
const communes = Array.from({ length: 35000 }, (_, i) => [String(10000 + i), pick(depts), Math.floor(rnd() * 5000), rnd() < 0.85 ? `C${Math.floor(rnd() * 1000)}` : ""]);
const cpts = Array.from({ length: 1000 }, (_, i) => [`C${i}`, "x", pick(depts), pick(["1", "3", "5", "5"]), 20000 + Math.floor(rnd() * 250000), "2021-05-15", 50, 1]);
const am = Array.from({ length: 20000 }, (_, i) => [`A${i}`, pick(depts), `${2019 + Math.floor(rnd() * 4)}-10-15`, pick([0.5, 1, "1/3"]), "liberal", "P50-P70", ""]);
const msp = Array.from({ length: 2500 }, (_, i) => [`M${i}`, "x", pick(depts), 1, 2023, 4000 + i, 1, 1, 1, 12, 1]);
const tables = {
  communes: { source: "c", headers: ["code_commune", "departement", "population", "cpts"], rows: communes },
  cpts: { source: "c", headers: ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"], rows: cpts },
  contrats_am: { source: "a", headers: ["id", "cpam", "date_signature", "etp", "regime", "bande", "date_fin"], rows: am },
  msp: { source: "m", headers: ["id", "nom", "departement", "aci", "annee", "patientele", "coordination", "si_standard", "snp", "amplitude_h", "samedi_matin"], rows: msp },
};
for (const kinds of [["couverture"], ["projets"], ["contrats_am"], ["remunerations_msp"], ["remunerations_cpts"]] as const) {
  buildRegionalSheets({ tables, annee: 2023, kinds });
  const t0 = performance.now();
  const r = buildRegionalSheets({ tables, annee: 2023, kinds });
  console.log(kinds[0], Math.round(performance.now() - t0), "ms", r.problems.length);
}
