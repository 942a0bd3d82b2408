/** Micro-data builders whose sums reproduce the seed tables. */
import type { RawTable } from "../../src/core/regional";

export const table = (source: string, headers: string[], rows: unknown[][]): RawTable => ({ source, headers, rows });

/** Seed 001, « Taux de couverture CPTS au 31/12/2022 »: % couverte / grise / blanche. */
export const SEED_COVERAGE: Record<string, [number, number, number]> = {
  "16": [33.4, 65.7, 0.9],
  "17": [36.5, 53.6, 10.0],
  "19": [16.1, 82.9, 1.0],
  "23": [56.7, 34.3, 9.0],
  "24": [24.9, 21.0, 54.1],
  "33": [44.4, 37.3, 18.3],
  "40": [20.6, 54.1, 25.3],
  "47": [29.1, 31.7, 39.2],
  "64": [15.8, 49.0, 35.3],
  "79": [100.0, 0.0, 0.0],
  "86": [63.3, 26.2, 10.5],
  "87": [19.8, 54.1, 26.1],
};
export const SEED_REGION: [number, number, number] = [38.2, 41.4, 20.3];

/** Real populations of the Nouvelle-Aquitaine départements (communes of @etalab/decoupage-administratif). */
export function naPopulations(): Record<string, number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const communes: { departement: string; region: string; type: string; population?: number }[] = require("@etalab/decoupage-administratif/data/communes.json");
  const pop: Record<string, number> = {};
  for (const c of communes) if (c.region === "75" && c.type === "commune-actuelle") pop[c.departement] = (pop[c.departement] ?? 0) + (c.population ?? 0);
  return pop;
}

/** Three communes per département, one per zone, sized so that the département's shares are the seed's. */
export function coverageTables(): { communes: RawTable; cpts: RawTable } {
  const pops = naPopulations();
  const communes: unknown[][] = [];
  const cpts: unknown[][] = [];
  for (const [dept, [c, g, b]] of Object.entries(SEED_COVERAGE)) {
    const sum = c + g + b;
    const pc = Math.round((pops[dept] * c) / sum);
    const pg = Math.round((pops[dept] * g) / sum);
    const pb = pops[dept] - pc - pg;
    communes.push([`${dept}001`, dept, pc, `C${dept}`], [`${dept}002`, dept, pg, `G${dept}`], [`${dept}003`, dept, pb, ""]);
    cpts.push([`C${dept}`, `CPTS couverte ${dept}`, dept, "5", pc, "2021-06-01", 50, 1], [`G${dept}`, `Projet ${dept}`, dept, "3", pg, "", 10, 0]);
  }
  return {
    communes: table("Communes", ["code_commune", "departement", "population", "cpts"], communes),
    cpts: table("CPTS", ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"], cpts),
  };
}
