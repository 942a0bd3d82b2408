/* global Buffer */
/**
 * The offline job's workbook side (Node only, never bundled in the add-in):
 * read the four source tables from an .xlsx with ExcelJS, and render the
 * regional sheet models into a new .xlsx. The rules and aggregates all live in
 * src/core; this file only moves cells.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { timeOfDayFraction } from "../core/dates";
import { layoutSheet, tableFromGrid, tableKindOf, type RawTable, type SheetModel, type TableKind } from "../core/regional";

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

function rangeValues(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const values: unknown[] = [];
    // ExcelJS, not Office.js: cells are plain objects, there is nothing to load
    // eslint-disable-next-line office-addins/load-object-before-read
    for (let c = left; c <= right; c++) values.push(plainValue(row.getCell(c).value));
    rows.push(values);
  }
  return rows;
}

function decodeRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const parse = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  };
  const p = parse(a);
  const q = parse(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/**
 * The rectangle of the cells that hold a value. A formatted empty cell far away (XFD60000) widens ExcelJS's
 * rowCount and columnCount, not this: the grid read never includes what holds nothing.
 */
function valueExtent(ws: ExcelJS.Worksheet): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow((row, r) => {
    row.eachCell((c, col) => {
      const value = plainValue(c.value);
      if (value === null || value === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, col);
      right = Math.max(right, col);
    });
  });
  return bottom ? { top, left, bottom, right } : undefined;
}

interface TableInfo {
  name?: string;
  ref?: string;
  tableRef?: string;
  totalsRow?: boolean;
}

/**
 * Excel tables named like a source table first (header row and data rows; the totals row is not data), then sheets
 * named like one (the header is the first row, within the first 20, that holds the required columns).
 */
export async function readSourceTables(path: string): Promise<Partial<Record<TableKind, RawTable>>> {
  checkWorkbookFile(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookFileError(`« ${path} » est illisible (classeur tronqué ou endommagé : ${detail}) : le rouvrir dans Excel et l'enregistrer de nouveau`);
  }
  const found: Partial<Record<TableKind, RawTable>> = {};
  wb.eachSheet((ws) => {
    const tables = (ws as unknown as { tables?: Record<string, { table?: TableInfo }> }).tables ?? {};
    for (const [name, t] of Object.entries(tables)) {
      const kind = tableKindOf(t.table?.name ?? name);
      const ref = t.table?.tableRef ?? t.table?.ref;
      if (!kind || found[kind] || !ref) continue;
      const { top, left, bottom, right } = decodeRef(ref);
      const last = t.table?.totalsRow ? bottom - 1 : bottom;
      const [headers, ...rows] = rangeValues(ws, top, left, last, right);
      found[kind] = { source: `${ws.name}!${t.table?.name ?? name}`, headers, rows, headerRow: top };
    }
  });
  wb.eachSheet((ws) => {
    const kind = tableKindOf(ws.name);
    if (!kind || found[kind]) return;
    const extent = valueExtent(ws);
    if (!extent) return;
    const grid = rangeValues(ws, extent.top, extent.left, extent.bottom, extent.right);
    found[kind] = tableFromGrid(kind, ws.name, grid, extent.top);
  });
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
    ws.views = [{ state: "frozen", ySplit: grid.frozenRows, xSplit: 0 }];
  }
  return wb;
}
