/* global Excel, Office */
/**
 * The task pane's side of the workbook (Office.js). Reads the source tables
 * once, writes each regional sheet with one bulk `values` and one
 * `numberFormat` assignment and a single `context.sync()`, and only ever
 * touches sheets it owns (marked with a worksheet custom property).
 * Everything computed comes from src/core/regional; nothing is decided here.
 */
import {
  layoutSheet,
  a1,
  columnPoints,
  headerFooterText,
  mergedCellsIssue,
  outsideRowsIssue,
  TABLE_LABELS,
  tableFromGrid,
  tableKindOf,
  type PrintSetup,
  type RawTable,
  type SheetModel,
  type TableKind,
} from "../core/regional";
import { mapSvg } from "../deck/map-svg";

/** Custom property key that marks a sheet written by the add-in; its value is the sheet kind. */
export const OWNER_KEY = "GDR.feuille";
/** Names of the pictures the add-in draws in its sheets (maps): the next production deletes them before drawing anew. */
export const PICTURE_PREFIX = "GDR carte";
/** Excel on the web refuses requests over 5 MB: split a sheet's write before that. */
export const MAX_REQUEST_BYTES = 4_500_000;
/** Excel reads at most 5 000 000 cells in one range. */
export const MAX_READ_CELLS = 5_000_000;

export interface SourceOption {
  /** `table:Name` or `sheet:Name`. */
  key: string;
  label: string;
  /** The table kind its name suggests, if any. */
  suggested?: TableKind;
}

export interface Inventory {
  options: SourceOption[];
  /** Sheets written by the add-in, by kind, and the names of their charts and of the pictures (maps) it drew. */
  owned: Map<string, { kind: string; charts: string[]; pictures: string[] }>;
  sheetNames: string[];
}

/**
 * Whether the host has an Excel API requirement set. Without Office (the tests' fake host, which implements every
 * API the pane calls) everything is.
 */
const supports = (version: string): boolean => typeof Office === "undefined" || Office.context.requirements.isSetSupported("ExcelApi", version);

/** The rows and columns (1-based, inclusive) of an A1 area such as `'Feuil 1'!B3:C4` or `B3`. */
export function a1Area(address: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^(?:.*!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4] ?? m[2]), right: col(m[3] ?? m[1]) };
}

/**
 * The workbook's date system: `use1904DateSystem` read in a sync of its own, since a host without it fails the sync
 * (the 1900 system is then assumed, that of every workbook made on Windows or on the web).
 */
async function readDate1904(context: Excel.RequestContext): Promise<boolean> {
  const workbook = context.workbook as Excel.Workbook & { use1904DateSystem?: boolean };
  try {
    workbook.load("use1904DateSystem");
    await context.sync();
    return workbook.use1904DateSystem === true;
  } catch {
    return false;
  }
}

export interface WorkbookRead {
  inv: Inventory;
  choice: Partial<Record<TableKind, string>>;
  tables: Partial<Record<TableKind, RawTable>>;
  problems: string[];
}

/**
 * Two reads in all: sheet and table names first; then, in one sync, the owner
 * marks and charts of every sheet and the cells of each chosen source table
 * (each table is read once). `choose` picks the sources from the inventory;
 * without it nothing is read but the inventory.
 */
export async function readWorkbook(context: Excel.RequestContext, choose?: (inv: Inventory) => Partial<Record<TableKind, string>>): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  tables.load("items/name");
  await context.sync();
  // shapes (ExcelApi 1.9): a host without them would fail the whole sync
  const withShapes = supports("1.9");
  for (const s of sheets.items) {
    s.customProperties.load("items/key,items/value");
    s.charts.load("items/name");
    if (withShapes) s.shapes.load("items/name");
  }
  const ownerOf = (s: Excel.Worksheet) => s.customProperties.items.find((p) => p.key === OWNER_KEY);
  const partial: Inventory = {
    options: tables.items.map((t) => ({ key: `table:${t.name}`, label: `Tableau « ${t.name} »`, suggested: tableKindOf(t.name) })),
    owned: new Map(),
    sheetNames: sheets.items.map((s) => s.name),
  };
  const sheetOptions = sheets.items.map((s) => ({ key: `sheet:${s.name}`, label: `Feuille « ${s.name} » (plage utilisée)`, suggested: tableKindOf(s.name) }));
  const choice = choose ? choose({ ...partial, options: [...partial.options, ...sheetOptions] }) : {};
  // an Excel table is read as its header row and its data body (its totals row is not data); a sheet as its used range
  const ranges: {
    kind: TableKind;
    name: string;
    isTable: boolean;
    parts: Excel.Range[];
    whole?: Excel.Range;
    used?: Excel.Range;
    merged?: Excel.RangeAreas;
  }[] = [];
  // merged cells in the data (ExcelApi 1.13): Office.js gives a merge's other cells as blank, read as missing values
  const withMerges = supports("1.13");
  const problems: string[] = [];
  const tableNames = new Set(tables.items.map((t) => t.name));
  const sheetNames = new Set(sheets.items.map((s) => s.name));
  for (const [kind, key] of Object.entries(choice) as [TableKind, string][]) {
    if (!key) continue;
    const [type, ...rest] = key.split(":");
    const name = rest.join(":");
    if (!(type === "table" ? tableNames : sheetNames).has(name)) {
      problems.push(`tableau ${TABLE_LABELS[kind]} : la source « ${name} » n'existe plus dans le classeur ; actualiser la liste des tableaux`);
      continue;
    }
    const parts =
      type === "table"
        ? [context.workbook.tables.getItem(name).getHeaderRowRange(), context.workbook.tables.getItem(name).getDataBodyRange()]
        : [context.workbook.worksheets.getItem(name).getUsedRange(true)];
    for (const part of parts) part.load("rowIndex,rowCount,columnIndex,columnCount");
    // a table's whole range and its sheet's used range: rows typed under or beside it, outside its range
    const whole = type === "table" ? context.workbook.tables.getItem(name).getRange() : undefined;
    const used = type === "table" ? context.workbook.tables.getItem(name).worksheet.getUsedRange(true) : undefined;
    for (const r of [whole, used]) r?.load("rowIndex,rowCount,columnIndex,columnCount");
    const merged = withMerges ? parts[parts.length - 1].getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    ranges.push({ kind, name, isTable: type === "table", parts, whole, used, merged });
  }
  await context.sync();
  const owned: Inventory["owned"] = new Map();
  for (const s of sheets.items) {
    const mark = ownerOf(s);
    const pictures = withShapes ? s.shapes.items.map((p) => p.name).filter((n) => n.startsWith(PICTURE_PREFIX)) : [];
    if (mark) owned.set(s.name, { kind: String(mark.value), charts: s.charts.items.map((c) => c.name), pictures });
  }
  const inv: Inventory = { ...partial, owned, options: [...partial.options, ...sheetOptions.filter((o) => !owned.has(o.key.slice(6)))] };
  const readable = ranges.filter(({ kind, name, parts }) => {
    const cells = parts.reduce((n, r) => n + r.rowCount * r.columnCount, 0);
    if (cells <= MAX_READ_CELLS) return true;
    problems.push(`tableau ${TABLE_LABELS[kind]} : « ${name} » compte ${cells} cellules, plus que les ${MAX_READ_CELLS} qu'Excel lit en une fois`);
    return false;
  });
  // the cells under a table and in the column after it, down to the last row of its sheet that holds a value
  const around = readable.map(({ name, whole, used }) => {
    if (!whole || !used) return undefined;
    const bottom = used.rowIndex + used.rowCount - 1;
    const right = Math.min(whole.columnIndex + whole.columnCount, used.columnIndex + used.columnCount - 1);
    const below = bottom > whole.rowIndex + whole.rowCount - 1;
    const beside = right === whole.columnIndex + whole.columnCount;
    if (!below && !beside) return undefined;
    const rows = Math.max(bottom, whole.rowIndex + whole.rowCount - 1) - whole.rowIndex;
    const sheet = context.workbook.tables.getItem(name).worksheet;
    return { range: sheet.getRangeByIndexes(whole.rowIndex + 1, whole.columnIndex, rows, right - whole.columnIndex + 1), whole };
  });
  // their sizes, which readValues batches by (one more sync, only when a sheet holds cells outside a table)
  for (const a of around) a?.range.load("rowCount,columnCount");
  if (around.some(Boolean)) await context.sync();
  const values = await readValues(context, [...readable.flatMap(({ parts }) => parts), ...around.flatMap((a) => (a ? [a.range] : []))]);
  const date1904 = readable.length ? await readDate1904(context) : false;
  const read: Partial<Record<TableKind, RawTable>> = {};
  let next = 0;
  for (const { kind, name, isTable, parts, merged } of readable) {
    const firstRow = parts[0].rowIndex + 1;
    if (isTable) {
      const [headers = []] = values[next++];
      read[kind] = { source: name, headers, rows: values[next++], headerRow: firstRow };
    } else read[kind] = tableFromGrid(kind, name, values[next++], firstRow);
    if (date1904) read[kind]!.date1904 = true;
    const issues = merged && !merged.isNullObject ? mergedIssuesOf(merged.address, parts[0].columnIndex, read[kind]!.headerRow ?? firstRow) : [];
    if (issues.length) read[kind]!.issues = [...(read[kind]!.issues ?? []), ...issues];
  }
  readable.forEach(({ kind, name }, i) => {
    const a = around[i];
    if (!a) return;
    const grid = values[next++];
    const top = a.whole.rowIndex + 1;
    const dataRows = a.whole.rowCount - 1;
    const width = a.whole.columnCount;
    const rows: number[] = [];
    grid.forEach((row, r) => {
      const filled = (c: number) => row[c] !== "" && row[c] !== null && row[c] !== undefined;
      const under = r >= dataRows && row.slice(0, width).some((_, c) => filled(c));
      const beside = r < dataRows && row.length > width && filled(width);
      if (under || beside) rows.push(top + r + 1);
    });
    const issue = outsideRowsIssue(rows, name);
    if (issue) read[kind] = { ...read[kind]!, issues: [...(read[kind]!.issues ?? []), issue] };
  });
  return { inv, choice, tables: read, problems };
}

/**
 * The merged areas of a table's data (`address`: `Feuil1!B3:B4,Feuil1!D6:E6`), each refused with its range; only those
 * at or below the header row (a sheet's title rows above it may be merged). `left` is the table's first column index.
 */
function mergedIssuesOf(address: string, left: number, headerRow: number) {
  return address
    .split(",")
    .map(a1Area)
    .filter((a) => a !== undefined && a.bottom > headerRow)
    .map((a) => {
      const range = a1(a!.top - 1, a!.left - 1, a!.bottom - a!.top + 1, a!.right - a!.left + 1);
      const top = Math.max(a!.top, headerRow + 1);
      const column = a!.left - 1 >= left ? a!.left - 1 - left : undefined;
      return mergedCellsIssue(range, top, column, { rows: a!.bottom - top + 1, columns: a!.right - a!.left + 1 });
    });
}

/** Bytes a cell's value may take in Excel's JSON response (generous: text cells, dates as numbers). */
export const BYTES_PER_CELL = 24;

/**
 * Reads each range's values once, batching ranges in one sync while their
 * estimated response stays under Excel on the web's 5 MB limit, and reading a
 * range that alone passes it in row blocks.
 */
async function readValues(context: Excel.RequestContext, ranges: Excel.Range[]): Promise<unknown[][][]> {
  const budget = Math.floor(MAX_REQUEST_BYTES / BYTES_PER_CELL);
  const out: unknown[][][] = ranges.map(() => []);
  let pending: [number, Excel.Range][] = [];
  let cells = 0;
  const flush = async () => {
    if (!pending.length) return;
    await context.sync();
    // a loop, never push(...rows): a spread of 200 000 rows overflows the call stack
    for (const [i, part] of pending) for (const row of part.values as unknown[][]) out[i].push(row);
    pending = [];
    cells = 0;
  };
  for (const [i, range] of ranges.entries()) {
    const width = Math.max(range.columnCount, 1);
    const rowsPerRead = Math.max(1, Math.floor(budget / width));
    for (let start = 0; start < range.rowCount; start += rowsPerRead) {
      const rows = Math.min(rowsPerRead, range.rowCount - start);
      if (cells + rows * width > budget) await flush();
      const part = range.rowCount <= rowsPerRead ? range : range.getCell(start, 0).getResizedRange(rows - 1, width - 1);
      part.load("values");
      pending.push([i, part]);
      cells += rows * width;
    }
  }
  await flush();
  return out;
}

/** The source chosen for each kind by default: an Excel table named like it, else a sheet named like it. */
export function defaultChoice(inv: Inventory): Partial<Record<TableKind, string>> {
  const choice: Partial<Record<TableKind, string>> = {};
  for (const kind of Object.keys(TABLE_LABELS) as TableKind[]) {
    const table = inv.options.find((o) => o.suggested === kind && o.key.startsWith("table:"));
    const sheet = inv.options.find((o) => o.suggested === kind && o.key.startsWith("sheet:"));
    const chosen = table ?? sheet;
    if (chosen) choice[kind] = chosen.key;
  }
  return choice;
}

/** Sheets the add-in may not write: a user sheet already carries the name. */
export function nameConflicts(models: readonly SheetModel[], inv: Inventory): string[] {
  const lower = new Map(inv.sheetNames.map((n) => [n.toLowerCase(), n]));
  return models
    .filter((m) => lower.has(m.name.toLowerCase()) && !inv.owned.has(lower.get(m.name.toLowerCase())!))
    .map(
      (m) =>
        `la feuille « ${lower.get(m.name.toLowerCase())} » existe déjà et n'a pas été créée par le complément : renommez-la pour produire « ${m.name} » (elle n'a pas été modifiée)`,
    );
}

export interface WriteOptions {
  /** ExcelApi 1.9: suspend screen updating while writing. */
  suspendScreenUpdating: boolean;
  /**
   * Turns a map's SVG into the base64 PNG `shapes.addImage` takes (the pane's browser draws it: picture.ts). Without
   * it the maps are not drawn, and the outcome says so.
   */
  picture?: (svg: string, width: number, height: number) => Promise<string>;
}

const CHART_TYPES: Readonly<Record<NonNullable<SheetModel["charts"]>[number]["kind"], Excel.ChartType>> = {
  barStacked100: "BarStacked100" as Excel.ChartType,
  columnClustered: "ColumnClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
};

function rowChunks(values: unknown[][]): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  values.forEach((row, i) => {
    const size = JSON.stringify(row).length * 2;
    if (bytes + size > MAX_REQUEST_BYTES && i > start) {
      chunks.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  chunks.push([start, values.length]);
  return chunks;
}

/**
 * Text that Excel would take for a formula (`=…`, `+…`, `-…`, `@…`) comes from
 * the analyst's cells (département labels, identifiers): the leading apostrophe
 * keeps it text, so nothing a cell contains is ever run in a sheet we write.
 */
export function inertText(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Writes (or refreshes in place) one owned sheet: one sync, unless its cells pass the 5 MB request limit. The number
 * formats go first, so that a text such as « 01 », « 2A » or a year header « 2021 » is stored as text (`@`), not
 * parsed as a number, and the cells equal the offline workbook's.
 */
/**
 * How the sheet prints (ExcelApi 1.9, within the 1.12 the pane requires), queued in the sheet's own write: landscape,
 * one page wide, the frozen rows repeated on each page, the title and « Situation au … » in the page header.
 */
function printSetup(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  layout.zoom = { horizontalFitToPages: print.pagesWide };
  layout.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
  layout.headersFooters.defaultForAllPages.leftHeader = headerFooterText(print.headerLeft);
  layout.headersFooters.defaultForAllPages.rightHeader = headerFooterText(print.headerRight);
}

export async function writeSheet(context: Excel.RequestContext, model: SheetModel, inv: Inventory, options: WriteOptions): Promise<string[]> {
  const grid = layoutSheet(model);
  const previous = inv.owned.get(model.name);
  // the maps as pictures, drawn before anything is sent to Excel (a map that cannot be drawn is said, never fatal)
  const warnings: string[] = [];
  const pictures = await mapPictures(model, options, warnings);
  context.application.suspendApiCalculationUntilNextSync();
  if (options.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
  let sheet: Excel.Worksheet;
  if (previous) {
    sheet = context.workbook.worksheets.getItem(model.name);
    for (const chart of previous.charts) sheet.charts.getItem(chart).delete();
    for (const picture of previous.pictures) sheet.shapes.getItem(picture).delete();
    // the previous production's merged notes too
    sheet.getRange().unmerge();
    sheet.getRange().clear();
  } else {
    sheet = context.workbook.worksheets.add(model.name);
    sheet.customProperties.add(OWNER_KEY, model.kind);
  }
  const chunks = rowChunks(grid.values);
  for (const [i, [from, to]] of chunks.entries()) {
    const range = sheet.getRangeByIndexes(from, 0, to - from, grid.width);
    range.numberFormat = grid.numberFormats.slice(from, to);
    range.values = grid.values.slice(from, to).map((row) => row.map(inertText));
    // only for a sheet past Excel on the web's 5 MB request limit: one sync per 4.5 MB block
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (i < chunks.length - 1) await context.sync();
  }
  for (const row of grid.boldRows) sheet.getRangeByIndexes(row, 0, 1, grid.width).format.font.bold = true;
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.size = 14;
  sheet.getRangeByIndexes(grid.blocks[0]?.headerRow ?? 0, 0, grid.values.length - (grid.blocks[0]?.headerRow ?? 0), grid.width).format.autofitColumns();
  // long texts wrapped in their room (a wrapped column keeps the sheet model's width, not autofit's whole text)
  for (const w of grid.wrapped) {
    const range = sheet.getRangeByIndexes(w.row, w.col, 1, w.span);
    if (w.span > 1) range.merge(false);
    range.format.wrapText = true;
    // the row's other cells (a Contrôles type) at the top beside the wrapped text
    const row = sheet.getRangeByIndexes(w.row, 0, 1, grid.width);
    row.format.verticalAlignment = "Top";
    row.format.rowHeight = w.height;
  }
  for (const col of new Set(grid.wrapped.filter((w) => w.span === 1).map((w) => w.col)))
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = columnPoints(grid.columnWidths[col]);
  sheet.freezePanes.freezeRows(grid.frozenRows);
  printSetup(sheet, grid.print);
  (model.charts ?? []).forEach((spec, i) => addChart(sheet, model, grid, spec, i));
  // where the maps go: beside the tables, under the charts (a cell's position in points, read in this same sync)
  const anchor = pictures.length ? sheet.getRange(a1(grid.blocks[0].headerRow + (model.charts?.length ?? 0) * 20, grid.width + 1)) : undefined;
  anchor?.load("left,top");
  await context.sync();
  if (anchor) await addPictures(context, sheet, model, pictures, anchor, warnings);
  return warnings;
}

interface Picture {
  title: string;
  base64: string;
  width: number;
  height: number;
}

const notDrawn = (model: SheetModel, title: string, why: string) =>
  `« ${model.name} » : la carte « ${title} » n'est pas dessinée dans la feuille (${why}) ; elle figure dans le diaporama.`;

/** The sheet's maps as PNG pictures; those that cannot be drawn are said in `warnings`. */
async function mapPictures(model: SheetModel, options: WriteOptions, warnings: string[]): Promise<Picture[]> {
  const out: Picture[] = [];
  for (const spec of model.maps ?? []) {
    const map = mapSvg(model, spec);
    if (!map) continue;
    if (!supports("1.9")) warnings.push(notDrawn(model, spec.title, "cette version d'Excel n'insère pas d'image : ExcelApi 1.9 requis"));
    else if (!options.picture) warnings.push(notDrawn(model, spec.title, "ce volet ne sait pas dessiner d'image"));
    else
      try {
        out.push({ title: spec.title, base64: await options.picture(map.svg, map.width, map.height), width: map.width, height: map.height });
      } catch (error) {
        warnings.push(notDrawn(model, spec.title, error instanceof Error ? error.message : String(error)));
      }
  }
  return out;
}

/** Inserts the pictures at `anchor`, one under the other, in one sync of their own: Excel refusing one is said, not fatal. */
async function addPictures(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  model: SheetModel,
  pictures: Picture[],
  anchor: Excel.Range,
  warnings: string[],
) {
  let top = anchor.top;
  pictures.forEach((p, i) => {
    const shape = sheet.shapes.addImage(p.base64);
    shape.name = `${PICTURE_PREFIX} ${model.kind} ${i + 1}`;
    shape.altTextTitle = p.title;
    shape.lockAspectRatio = true;
    shape.left = anchor.left;
    shape.top = top;
    shape.width = p.width;
    shape.height = p.height;
    top += p.height + 15;
  });
  try {
    await context.sync();
  } catch (error) {
    const why = `Excel a refusé l'image : ${error instanceof Error ? error.message : String(error)}`;
    for (const p of pictures) warnings.push(notDrawn(model, p.title, why));
  }
}

/**
 * The chart from explicit series: each series its values, its name (the column header, which may be a year such as
 * « 2021 ») and its categories, so that no header row is ever charted as data.
 */
function addChart(
  sheet: Excel.Worksheet,
  model: SheetModel,
  grid: ReturnType<typeof layoutSheet>,
  spec: NonNullable<SheetModel["charts"]>[number],
  index: number,
): void {
  const block = grid.blocks[spec.table];
  const header = model.tables[spec.table].header;
  const rows = block.rows - (spec.withoutTotals ? model.tables[spec.table].totalRows : 0);
  const categories = sheet.getRangeByIndexes(block.firstRow, spec.categoryColumn, rows, 1);
  const valuesOf = (column: number) => sheet.getRangeByIndexes(block.firstRow, column, rows, 1);
  const [first, ...others] = spec.seriesColumns;
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], valuesOf(first), "Columns" as Excel.ChartSeriesBy);
  chart.title.text = spec.title;
  chart.name = index ? `GDR ${model.kind} ${index + 1}` : `GDR ${model.kind}`;
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = header[first];
  firstSeries.setXAxisValues(categories);
  for (const column of others) {
    const series = chart.series.add(header[column]);
    series.setValues(valuesOf(column));
    series.setXAxisValues(categories);
  }
  // side by side with the sheet's tables, one under the other
  chart.setPosition(a1(grid.blocks[0].headerRow + index * 20, grid.width + 1));
}

/**
 * After the writes: Office leaves the recalculation to the caller once calculation was suspended
 * (`suspendApiCalculationUntilNextSync`), so formulas of the analyst's that read our sheets are brought up to date.
 */
export async function recalculate(context: Excel.RequestContext): Promise<void> {
  context.application.calculate("Recalculate" as Excel.CalculationType);
  await context.sync();
}

export interface GenerationOutcome {
  written: string[];
  problems: string[];
  /** Readings applied and warnings of the run (also written into « Contrôles »). */
  warnings: string[];
  /** Reference year used, and why. */
  annee?: number;
  /** Reference date, ISO. */
  date?: string;
  anneeNote?: string;
}
