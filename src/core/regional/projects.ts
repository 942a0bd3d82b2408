import { frenchDate } from "../dates";
/** CPTS pipeline: how many projects at each stage (seed 001, « Revue des projets CPTS »). */
import { cite } from "../readings";
import { groupBy } from "./aggregates";
import { departementName } from "./codes";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type SheetModel } from "./sheet-model";
import { STADE_LABELS, STADES, stadeAt, type Cpts, type Stade } from "./tables";

/** CPTS by stage at `date`: a CPTS conventionnée after that date is counted at stade 4 (`stadeAt`). */
export function countByStage(cpts: readonly Cpts[], date: string): Record<Stade, number> {
  const counts = Object.fromEntries(STADES.map((s) => [s, 0])) as Record<Stade, number>;
  for (const c of cpts) counts[stadeAt(c, date)]++;
  return counts;
}

export function projectsSheet(ctx: BuildContext): SheetModel {
  const date = ctx.date;
  const counts = countByStage(ctx.tables.cpts, date);
  const ordered = [...STADES].reverse();
  const byDept = [...groupBy(ctx.tables.cpts, (c) => c.departement)].map(([d, list]) => {
    const n = countByStage(list, date);
    return [d, departementName(d), ...ordered.map((s) => n[s]), list.length];
  });
  return {
    kind: "projets",
    name: SHEET_NAMES.projets,
    title: `Revue des projets CPTS au ${frenchDate(date)}`,
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["cpts"]),
      "Stades : 1 émergence, 2 lettre d'intention, 2bis mission précoce, 3 projet de santé, 4 co-construction de l'ACI, 5 conventionnée.",
      `Lecture : une CPTS dont le contrat ACI est signé après le ${frenchDate(date)} est comptée au stade 4 (projet), comme dans la couverture et les rémunérations (${cite("L-02")}).`,
    ],
    tables: [
      {
        title: "Nombre de CPTS par stade",
        header: ["Stade", "Libellé", "Nombre de CPTS"],
        rows: [...ordered.map((s) => [s, STADE_LABELS[s], counts[s]]), ["Total", "", ctx.tables.cpts.length]],
        formats: ["text", "text", "integer"],
        totalRows: 1,
      },
      {
        title: "Nombre de CPTS par stade et par département",
        header: ["Département", "Nom", ...ordered.map((s) => `Stade ${s}`), "Total"],
        rows: [...byDept, ["Région", "", ...ordered.map((s) => counts[s]), ctx.tables.cpts.length]],
        formats: ["text", "text", ...ordered.map(() => "integer" as const), "integer"],
        totalRows: 1,
      },
    ],
    keyFigures: [{ label: "CPTS conventionnées (contrat ACI signé)", value: counts["5"], format: "integer", when: `au ${frenchDate(date)}` }],
    charts: [
      {
        kind: "columnClustered",
        title: `Projets CPTS par stade au ${frenchDate(date)}`,
        table: 0,
        categoryColumn: 1,
        seriesColumns: [2],
        withoutTotals: true,
      },
    ],
  };
}
