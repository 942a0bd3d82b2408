/**
 * The offline job's workbook side (Node only, never bundled in the add-in):
 * read the four source tables from an .xlsx with ExcelJS, and render the
 * regional sheet models into a new .xlsx. The rules and aggregates all live in
 * src/core; this file only moves cells.
 */
import ExcelJS from "exceljs";
import { layoutSheet, tableKindOf, type RawTable, type SheetModel, type TableKind } from "../core/regional";

/** A cell as the core reads it: dates as ISO text, formulas by their result, rich text as plain text. */
export function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
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

/** Excel tables named like a source table first, then sheets named like one (header on the first non-empty row). */
export async function readSourceTables(path: string): Promise<Partial<Record<TableKind, RawTable>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const found: Partial<Record<TableKind, RawTable>> = {};
  wb.eachSheet((ws) => {
    const tables = (ws as unknown as { tables?: Record<string, { table?: { name?: string; ref?: string; tableRef?: string } }> }).tables ?? {};
    for (const [name, t] of Object.entries(tables)) {
      const kind = tableKindOf(t.table?.name ?? name);
      const ref = t.table?.tableRef ?? t.table?.ref;
      if (!kind || found[kind] || !ref) continue;
      const { top, left, bottom, right } = decodeRef(ref);
      const [headers, ...rows] = rangeValues(ws, top, left, bottom, right);
      found[kind] = { source: `${ws.name}!${t.table?.name ?? name}`, headers, rows };
    }
  });
  wb.eachSheet((ws) => {
    const kind = tableKindOf(ws.name);
    if (!kind || found[kind] || ws.actualRowCount === 0) return;
    let top = 1;
    while (top <= ws.rowCount && ws.getRow(top).actualCellCount === 0) top++;
    const [headers, ...rows] = rangeValues(ws, top, 1, ws.rowCount, ws.columnCount);
    found[kind] = { source: ws.name, headers, rows };
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
    for (let c = 1; c <= grid.width; c++) {
      const longest = Math.max(...grid.blocks.map((b) => String(grid.values[b.headerRow][c - 1] ?? "").length), 10);
      ws.getColumn(c).width = Math.min(45, longest + 4);
    }
  }
  return wb;
}
