import { frenchDate } from "../dates";
/**
 * CPTS coverage of the population by département: share living in a zone
 * couverte (CPTS conventionnée, stade 5), grise (CPTS project, stades 1 to 4)
 * or blanche (no CPTS). Weighted by population, département and region alike:
 * the region is not the mean of the départements (seed 001).
 */
import { cite } from "../readings";
import { frInteger } from "../format";
import { byCode, cell, share } from "./aggregates";
import { departementName } from "./codes";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type SheetModel } from "./sheet-model";
import { ROWS_NAMED, stadeAt, type CommuneGroup, type Cpts } from "./tables";

export type Zone = "couverte" | "grise" | "blanche";

export interface CoverageRow {
  departement: string;
  population: number;
  /** Shares of the population; undefined for a département of no inhabitant. */
  couverte?: number;
  grise?: number;
  blanche?: number;
}

/**
 * The zone of each group of communes at `date`: « couverte » when its CPTS (found by id key, without case, accents or
 * surrounding spaces) is conventionnée then, « grise » when it is still in project, « blanche » without a CPTS known to
 * the CPTS table. Each CPTS's stage is read once.
 */
export function zonesAt(cpts: readonly Cpts[], date: string): (group: CommuneGroup) => Zone {
  const byKey = new Map<string, Zone>(cpts.map((c) => [c.key, stadeAt(c, date) === "5" ? "couverte" : "grise"]));
  return (group) => (group.cptsKey ? byKey.get(group.cptsKey) : undefined) ?? "blanche";
}

export function coverage(communes: readonly CommuneGroup[], cpts: readonly Cpts[], date: string): { departements: CoverageRow[]; region: CoverageRow } {
  const zoneOf = zonesAt(cpts, date);
  // one pass: each group's zone found once, added to its département and to the region (populations are whole
  // numbers: the sums do not depend on the order)
  const byDepartement = new Map<string, Record<Zone, number>>();
  const region: Record<Zone, number> = { couverte: 0, grise: 0, blanche: 0 };
  for (let i = 0; i < communes.length; i++) {
    const c = communes[i];
    let pop = byDepartement.get(c.departement);
    if (!pop) byDepartement.set(c.departement, (pop = { couverte: 0, grise: 0, blanche: 0 }));
    const zone = zoneOf(c);
    pop[zone] += c.population;
    region[zone] += c.population;
  }
  const rowFor = (departement: string, pop: Record<Zone, number>): CoverageRow => {
    const population = pop.couverte + pop.grise + pop.blanche;
    return { departement, population, couverte: share(pop.couverte, population), grise: share(pop.grise, population), blanche: share(pop.blanche, population) };
  };
  const departements = [...byDepartement.keys()].sort(byCode).map((d) => rowFor(d, byDepartement.get(d)!));
  return { departements, region: rowFor("Région", region) };
}

export function coverageSheet(ctx: BuildContext): SheetModel {
  const date = ctx.date;
  const { communes, cpts } = ctx.tables;
  const known = new Set(cpts.map((c) => c.key));
  // groups come in the order of their first commune: their CPTS ids too
  const orphans = communes.filter((c) => c.cptsKey && !known.has(c.cptsKey));
  if (orphans.length) {
    const ids = [...new Set(orphans.map((c) => c.cpts))];
    const count = orphans.reduce((n, c) => n + c.communes, 0);
    // the first rows of all: among the first of each group
    const rows = orphans
      .flatMap((c) => c.rows)
      .sort((a, b) => a - b)
      .slice(0, ROWS_NAMED);
    const more = count - rows.length;
    ctx.warnings.push(
      `Couverture : ${frInteger(count)} commune(s) du tableau Communes rattachée(s) à une CPTS absente du tableau CPTS, comptée(s) en zone blanche (${rows.length > 1 ? "lignes" : "ligne"} ${rows.join(", ")}${more > 0 ? ` et ${frInteger(more)} autres` : ""}) : ${ids
        .slice(0, 5)
        .map((id) => `« ${id} »`)
        .join(", ")}${ids.length > 5 ? "…" : ""}`,
    );
  }
  const { departements, region } = coverage(communes, cpts, date);
  const row = (r: CoverageRow) => [r.departement, departementName(r.departement), r.population, cell(r.couverte), cell(r.grise), cell(r.blanche)];
  return {
    kind: "couverture",
    name: SHEET_NAMES.couverture,
    title: `Taux de couverture CPTS au ${frenchDate(date)}`,
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["communes", "cpts"]),
      "Règles : zone couverte = commune d'une CPTS conventionnée (stade 5, contrat ACI signé) ; zone grise = projet de CPTS (stades 1 à 4) ; zone blanche = aucune CPTS.",
      `Taux pondérés par la population (${cite("L-03")}), pour chaque département et pour la région (la région n'est pas la moyenne des départements).`,
    ],
    tables: [
      {
        title: "Part de la population par zone",
        header: ["Département", "Nom", "Population", "% zone couverte", "% zone grise", "% zone blanche"],
        rows: [...departements.map(row), row(region)],
        formats: ["text", "text", "integer", "percent", "percent", "percent"],
        totalRows: 1,
      },
    ],
    charts: [
      {
        kind: "barStacked100",
        title: `Couverture CPTS par département au ${frenchDate(date)}`,
        table: 0,
        categoryColumn: 0,
        seriesColumns: [3, 4, 5],
        withoutTotals: false,
      },
    ],
    keyFigures: [{ label: "Population en zone couverte par une CPTS", value: cell(region.couverte), format: "percent", when: `au ${frenchDate(date)}` }],
    maps: [
      {
        title: `Part de la population en zone couverte par département au ${frenchDate(date)}`,
        table: 0,
        codeColumn: 0,
        valueColumn: 3,
        legend: "Population en zone couverte",
      },
    ],
  };
}
