/**
 * CPTS coverage of the population by département: share living in a zone
 * couverte (CPTS conventionnée, stade 5), grise (CPTS project, stades 1 to 4)
 * or blanche (no CPTS). Weighted by population, département and region alike:
 * the region is not the mean of the départements (seed 001).
 */
import { frenchDate } from "../dates";
import { groupBy, share } from "./aggregates";
import { referenceDate, referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type SheetModel } from "./sheet-model";
import type { Commune, Cpts } from "./tables";

export type Zone = "couverte" | "grise" | "blanche";

export interface CoverageRow {
  departement: string;
  population: number;
  couverte: number;
  grise: number;
  blanche: number;
}

export function zoneOf(commune: Commune, cptsById: ReadonlyMap<string, Cpts>, date: string): Zone {
  if (!commune.cpts) return "blanche";
  const cpts = cptsById.get(commune.cpts);
  if (!cpts) return "blanche";
  return cpts.stade === "5" && (!cpts.dateSignature || cpts.dateSignature <= date) ? "couverte" : "grise";
}

export function coverage(communes: readonly Commune[], cpts: readonly Cpts[], date: string): { departements: CoverageRow[]; region: CoverageRow } {
  const cptsById = new Map(cpts.map((c) => [c.id, c]));
  const rowFor = (departement: string, list: readonly Commune[]): CoverageRow => {
    const pop: Record<Zone, number> = { couverte: 0, grise: 0, blanche: 0 };
    for (const c of list) pop[zoneOf(c, cptsById, date)] += c.population;
    const population = pop.couverte + pop.grise + pop.blanche;
    return { departement, population, couverte: share(pop.couverte, population), grise: share(pop.grise, population), blanche: share(pop.blanche, population) };
  };
  const departements = [...groupBy(communes, (c) => c.departement)].map(([d, list]) => rowFor(d, list));
  return { departements, region: rowFor("Région", communes) };
}

export function coverageSheet(ctx: BuildContext): SheetModel {
  const date = referenceDate(ctx.annee);
  const { communes, cpts } = ctx.tables;
  const known = new Set(cpts.map((c) => c.id));
  const unknown = new Set(communes.filter((c) => c.cpts && !known.has(c.cpts)).map((c) => c.cpts));
  if (unknown.size)
    ctx.warnings.push(
      `Couverture : ${unknown.size} identifiant(s) de CPTS du tableau Communes absents du tableau CPTS (comptés en zone blanche) : ${[...unknown].slice(0, 5).join(", ")}`,
    );
  const late = cpts.filter((c) => c.stade === "5" && c.dateSignature && c.dateSignature > date);
  if (late.length) ctx.warnings.push(`Couverture : ${late.length} CPTS conventionnée(s) après le ${frenchDate(date)} comptée(s) en zone grise`);
  const { departements, region } = coverage(communes, cpts, date);
  const row = (r: CoverageRow) => [r.departement, r.population, r.couverte, r.grise, r.blanche];
  return {
    kind: "couverture",
    name: SHEET_NAMES.couverture,
    title: `Taux de couverture CPTS au 31/12/${ctx.annee}`,
    notes: [
      referenceNote(ctx.annee),
      sourcesNote(ctx, ["communes", "cpts"]),
      "Règles : zone couverte = commune d'une CPTS conventionnée (stade 5, contrat ACI signé) ; zone grise = projet de CPTS (stades 1 à 4) ; zone blanche = aucune CPTS.",
      "Taux pondérés par la population, pour chaque département et pour la région (la région n'est pas la moyenne des départements).",
    ],
    tables: [
      {
        title: "Part de la population par zone",
        header: ["Département", "Population", "% zone couverte", "% zone grise", "% zone blanche"],
        rows: [...departements.map(row), row(region)],
        formats: ["text", "integer", "percent", "percent", "percent"],
        totalRows: 1,
      },
    ],
    chart: {
      kind: "barStacked100",
      title: `Couverture CPTS par département au 31/12/${ctx.annee}`,
      table: 0,
      categoryColumn: 0,
      seriesColumns: [2, 3, 4],
      withoutTotals: false,
    },
  };
}
