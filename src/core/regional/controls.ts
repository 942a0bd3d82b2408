import { frenchDate } from "../dates";
/**
 * « Contrôles »: what the job noticed and applied, written into the output so that whoever receives the workbook or
 * the slides sees it — the reference year and why, each reading applied to cells (a département name read as its
 * code…), each warning of the sheets (unknown CPTS ids, CPTS counted as projects at the date…).
 */
import { cite } from "../readings";
import { referenceNote, sourcesNote, type BuildContext } from "./context";
import { CONTROLS_SHEET_NAME, type CellValue, type SheetModel } from "./sheet-model";
import { readingText, type Reading, type TableKind } from "./tables";

export function controlsSheet(ctx: BuildContext, anneeNote: string, readings: readonly Reading[]): SheetModel {
  const rows: CellValue[][] = [
    ["Année de référence", `${anneeNote} (${cite("L-01")})`],
    ...readings.map((r) => ["Lecture appliquée", readingText(r)]),
    ...ctx.warnings.map((w) => ["Avertissement", w]),
  ];
  if (!readings.length && !ctx.warnings.length) rows.push(["Aucun avertissement", "toutes les cellules lues telles quelles, aucune référence inconnue"]);
  return {
    kind: "controles",
    name: CONTROLS_SHEET_NAME,
    title: `Contrôles de la production au ${frenchDate(ctx.date)}`,
    notes: [referenceNote(ctx.date), sourcesNote(ctx, Object.keys(ctx.sources) as TableKind[])],
    tables: [{ title: "Lectures et avertissements", header: ["Type", "Détail"], rows, formats: ["text", "text"], totalRows: 0 }],
  };
}
