/* global Buffer */
/**
 * The offline job's workbook side (Node only, never bundled in the add-in):
 * read the four source tables from an .xlsx with ExcelJS, and render the
 * regional sheet models into a new .xlsx. The rules and aggregates all live in
 * src/core; this file only moves cells.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import { timeOfDayFraction } from "../core/dates";
import { decodeRef, loadWorkbook, type CellRead, type LoadedSheet, type LoadedWorkbook, type Rect, type TableInfo } from "./xlsx-zip";
import {
  headerFooterText,
  layoutSheet,
  mergedCellsIssue,
  outsideRowsIssue,
  tableFromGrid,
  tableKindOf,
  type RawTable,
  type SheetModel,
  type TableIssue,
  type TableKind,
} from "../core/regional";

/** A workbook the job cannot read, with the French message that says why and what to do. */
export class WorkbookFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an encrypted (password-protected) .xlsx, or an old .xls. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Checks that `path` can be an .xlsx before ExcelJS reads it: each other case gets its own message. */
function checkWorkbookFile(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new WorkbookFileError(`« ${path} » est un dossier : indiquer le classeur .xlsx à lire`);
    size = stat.size;
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw new WorkbookFileError(`classeur d'entrée introuvable : ${path}`);
  }
  if (size === 0) throw new WorkbookFileError(`« ${path} » est un fichier vide (0 octet) : ce n'est pas un classeur Excel`);
  const head = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
  const ext = extname(path).toLowerCase();
  if (starts(OLE_MAGIC)) {
    throw new WorkbookFileError(
      `« ${path} » est protégé par un mot de passe ou au format .xls (Excel 97-2003) : l'ouvrir dans Excel, retirer le mot de passe (Fichier > Informations > Protéger le classeur) et l'enregistrer au format .xlsx`,
    );
  }
  if (!starts(ZIP_MAGIC)) {
    if (ext === ".csv" || ext === ".txt") {
      throw new WorkbookFileError(
        `« ${path} » est un fichier CSV : l'ouvrir dans Excel et l'enregistrer au format .xlsx (Classeur Excel), une feuille par tableau nommée Communes, CPTS, MSP ou Contrats_AM`,
      );
    }
    throw new WorkbookFileError(`« ${path} » n'est pas un classeur Excel .xlsx (contenu non reconnu)`);
  }
}

/**
 * A cell as the core reads it: dates as ISO text, a time of day alone as the fraction of a day the task pane reads
 * from Office.js (12:00 is 0,5, so that both say « une heure au format horaire ? »), formulas by their result, rich
 * text as plain text.
 */
export function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return timeOfDayFraction(value) ?? value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return plainValue((value as { result: ExcelJS.CellValue }).result);
    if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("text" in value) return (value as { text: string }).text;
    if ("error" in value) return (value as ExcelJS.CellErrorValue).error;
    return null;
  }
  return value;
}

/**
 * The one patch of ExcelJS here. A formula whose calculated value is the empty text (`=SIERREUR(RECHERCHEV(…);"")`)
 * is saved by Excel as `t="str"` with an empty `<v>`, which ExcelJS reads as no result at all: the same as a formula
 * never calculated. This gives it its empty result back, so that only formulas without a saved value are refused.
 */
function keepEmptyFormulaResults(): void {
  const require = createRequire(import.meta.url);
  const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform.js") as {
    prototype: { parseClose(name: string): boolean; t?: string; model: { formula?: string; shareType?: string; result?: unknown }; __gdrPatched?: true };
  };
  const proto = CellXform.prototype;
  if (proto.__gdrPatched) return;
  const original = proto.parseClose;
  proto.parseClose = function (this: typeof proto, name: string) {
    const model = this.model;
    const done = original.call(this, name);
    if (name === "c" && (model.formula || model.shareType) && this.t === "str" && model.result === undefined) model.result = "";
    return done;
  };
  proto.__gdrPatched = true;
}
keepEmptyFormulaResults();

/**
 * A cell's value, a formula by its result. ExcelJS's `cell.value` of a formula drops a result of 0, "" or FALSE (it
 * copies only truthy fields), which read as empty; `cell.result` keeps them. `undefined` for a formula without a saved
 * result.
 */
function cellValue(cell: ExcelJS.Cell): { value: unknown; withoutResult: boolean } {
  if (cell.type !== ExcelJS.ValueType.Formula) return { value: plainValue(cell.value), withoutResult: false };
  const result = cell.result as ExcelJS.CellValue | undefined;
  return { value: result === undefined ? null : plainValue(result), withoutResult: result === undefined };
}

/** `A1`-style column letters of a 1-based column number. */
function columnLetters(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * The reference reading of a workbook: ExcelJS's `readFile`, every cell through `cellValue`. The job reads with the
 * speed module xlsx-zip.ts, which a test holds equal to this on every kind of workbook the job is tested on.
 */
export async function loadWithExcelJS(path: string): Promise<LoadedWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: LoadedSheet[] = [];
  wb.eachSheet((ws) => {
    const rows = new Map<number, CellRead[]>();
    ws.eachRow((row, r) => {
      const cells: CellRead[] = [];
      row.eachCell((cell, c) => {
        const read = cellValue(cell);
        if (read.value !== null || read.withoutResult) cells[c] = read;
      });
      if (cells.length) rows.set(r, cells);
    });
    const tables = (ws as unknown as { tables?: Record<string, { table?: TableInfo & { tableRef?: string } }> }).tables ?? {};
    const merges = (ws as unknown as { _merges?: Record<string, { model: Rect }> })._merges ?? {};
    sheets.push({
      name: ws.name,
      rows,
      tables: Object.entries(tables).map(([name, t]) => ({
        name: t.table?.name ?? name,
        ref: t.table?.tableRef ?? t.table?.ref,
        totalsRow: !!t.table?.totalsRow,
      })),
      merges: Object.values(merges).map(({ model: { top, left, bottom, right } }) => ({ top, left, bottom, right })),
    });
  });
  return { sheets, date1904: !!(wb.properties as { date1904?: boolean }).date1904 };
}

/** The cells of a rectangle, and the formulas in it that have no saved result (as issues of the table read). */
function rangeValues(ws: LoadedSheet, rect: Rect, issues?: TableIssue[]): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.rows.get(r);
    const values: unknown[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = row?.[c];
      if (issues && cell?.withoutResult) {
        issues.push({
          row: r,
          column: c - rect.left,
          message: `formule sans résultat enregistré (cellule ${columnLetters(c)}${r}) : le classeur a été écrit par un programme sans être calculé ; l'ouvrir dans Excel, le laisser calculer et l'enregistrer`,
        });
      }
      values.push(cell ? cell.value : null);
    }
    rows.push(values);
  }
  return rows;
}

/** Merged ranges of a sheet that meet a rectangle: a merged value belongs to its first cell only. */
function mergedIssues(ws: LoadedSheet, rect: Rect): TableIssue[] {
  const out: TableIssue[] = [];
  for (const { top, left, bottom, right } of ws.merges) {
    if (top > rect.bottom || bottom < rect.top || left > rect.right || right < rect.left) continue;
    const range = `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
    out.push(mergedCellsIssue(range, top, left >= rect.left ? left - rect.left : undefined, { rows: bottom - top + 1, columns: right - left + 1 }));
  }
  return out;
}

/** The rows of a sheet that hold something, in order, each with its cells. */
const sortedRows = (ws: LoadedSheet) => [...ws.rows].sort((a, b) => a[0] - b[0]);

/**
 * Rows typed under an Excel table (or in the column just after it), outside its range, on the same sheet: data the
 * table does not hold, refused rather than ignored.
 */
function outsideRows(ws: LoadedSheet, rect: Rect, tableName: string): TableIssue[] {
  const rows: number[] = [];
  for (const [r, cells] of sortedRows(ws)) {
    if (r <= rect.top) continue;
    const found = cells.some((cell, c) => {
      if (cell.value === null || cell.value === "") return false;
      const under = r > rect.bottom && c >= rect.left && c <= rect.right;
      const beside = c === rect.right + 1 && r <= rect.bottom;
      return under || beside;
    });
    if (found) rows.push(r);
  }
  const issue = outsideRowsIssue(rows, tableName);
  return issue ? [issue] : [];
}

/**
 * The rectangle of the cells that hold a value. A formatted empty cell far away (XFD60000) widens ExcelJS's
 * rowCount and columnCount, not this: the grid read never includes what holds nothing.
 */
function valueExtent(ws: LoadedSheet): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [r, cells] of ws.rows) {
    cells.forEach((cell, col) => {
      if (!cell.withoutResult && (cell.value === null || cell.value === "")) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, col);
      right = Math.max(right, col);
    });
  }
  return bottom ? { top, left, bottom, right } : undefined;
}

/** How a workbook file is loaded: the job's fast reader, or ExcelJS's (the reference, for the tests). */
export type Loader = (path: string) => Promise<LoadedWorkbook>;

/** The job's reading: the workbook's zip read by xlsx-zip.ts, each value made plain as `cellValue` makes it. */
export const loadFromZip: Loader = async (path) => loadWorkbook(path, (value) => plainValue(value as ExcelJS.CellValue));

/**
 * Excel tables named like a source table first (header row and data rows; the totals row is not data), then sheets
 * named like one (the header is the first row, within the first 20, that holds the required columns).
 */
export async function readSourceTables(path: string, load: Loader = loadFromZip): Promise<Partial<Record<TableKind, RawTable>>> {
  checkWorkbookFile(path);
  let wb: LoadedWorkbook;
  try {
    wb = await load(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookFileError(`« ${path} » est illisible (classeur tronqué ou endommagé : ${detail}) : le rouvrir dans Excel et l'enregistrer de nouveau`);
  }
  const found: Partial<Record<TableKind, RawTable>> = {};
  const { date1904 } = wb;
  for (const ws of wb.sheets) {
    for (const t of ws.tables) {
      const kind = t.name ? tableKindOf(t.name) : undefined;
      if (!kind || found[kind] || !t.ref) continue;
      const rect = decodeRef(t.ref);
      const issues: TableIssue[] = [];
      const [headers, ...rows] = rangeValues(ws, { ...rect, bottom: t.totalsRow ? rect.bottom - 1 : rect.bottom }, issues);
      issues.push(...mergedIssues(ws, rect), ...outsideRows(ws, rect, t.name!));
      found[kind] = { source: `${ws.name}!${t.name}`, headers, rows, headerRow: rect.top, issues, date1904 };
    }
  }
  for (const ws of wb.sheets) {
    const kind = tableKindOf(ws.name);
    if (!kind || found[kind]) continue;
    const extent = valueExtent(ws);
    if (!extent) continue;
    const issues: TableIssue[] = [];
    const grid = rangeValues(ws, extent, issues);
    issues.push(...mergedIssues(ws, extent));
    const table = tableFromGrid(kind, ws.name, grid, extent.top);
    // the issues of the title rows above the header are not the table's
    const header = table.headerRow ?? extent.top;
    found[kind] = { ...table, issues: issues.filter((i) => i.row === undefined || i.row > header), date1904 };
  }
  return found;
}

/** Renders the sheet models into a new workbook (one bulk row write per sheet, formats by cell). */
export function renderWorkbook(models: readonly SheetModel[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "GDR exercice coordonné";
  for (const model of models) {
    const grid = layoutSheet(model);
    const ws = wb.addWorksheet(model.name);
    ws.addRows(grid.values);
    grid.numberFormats.forEach((formats, r) => {
      const row = ws.getRow(r + 1);
      formats.forEach((fmt, c) => {
        if (fmt !== "General") row.getCell(c + 1).numFmt = fmt;
      });
    });
    for (const r of grid.boldRows) ws.getRow(r + 1).font = { bold: true };
    ws.getRow(1).font = { bold: true, size: 14 };
    grid.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    for (const w of grid.wrapped) {
      if (w.span > 1) ws.mergeCells(w.row + 1, w.col + 1, w.row + 1, w.col + w.span);
      // the row's other cells (a Contrôles type) at the top beside the wrapped text
      for (let c = 1; c <= grid.width; c++) ws.getCell(w.row + 1, c).alignment = { vertical: "top" };
      ws.getCell(w.row + 1, w.col + 1).alignment = { wrapText: true, vertical: "top" };
      ws.getRow(w.row + 1).height = w.height;
    }
    ws.views = [{ state: "frozen", ySplit: grid.frozenRows, xSplit: 0 }];
    const { print } = grid;
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: print.orientation,
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: print.pagesWide,
      fitToHeight: 0, // as many pages tall as the rows need
      printTitlesRow: `${print.titleRows[0]}:${print.titleRows[1]}`,
    };
    // header codes: &L left, &R right
    ws.headerFooter = { oddHeader: `&L${headerFooterText(print.headerLeft)}&R${headerFooterText(print.headerRight)}`, oddFooter: "&CPage &P / &N" };
  }
  return wb;
}
