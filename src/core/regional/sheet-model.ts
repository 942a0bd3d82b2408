/**
 * A neutral description of an output sheet: the writers (Office.js in the task
 * pane, ExcelJS offline) only render it. No rule or aggregate lives in a writer.
 */
export type CellValue = string | number;
export type NumberFormat = "text" | "integer" | "percent" | "euro" | "decimal";

export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  text: "@",
  integer: "#,##0",
  percent: "0.0%",
  euro: '#,##0 "€"',
  decimal: "#,##0.0",
};

export interface TableBlock {
  title: string;
  header: string[];
  rows: CellValue[][];
  formats: NumberFormat[];
  /** How many of the last rows are totals (shown in bold). */
  totalRows: number;
}

export interface ChartSpec {
  kind: "barStacked100" | "columnClustered" | "line";
  title: string;
  /** Index of the table block charted; `categoryColumn` gives the categories, `seriesColumns` the series. */
  table: number;
  categoryColumn: number;
  seriesColumns: number[];
  /** Leave the total rows out of the chart. */
  withoutTotals: boolean;
}

/**
 * A choropleth of the région's départements (the deck draws it): each data row of block `table` gives a
 * département code (`codeColumn`) and a rate between 0 and 1 (`valueColumn`); the totals rows are left out.
 */
export interface MapSpec {
  title: string;
  table: number;
  codeColumn: number;
  valueColumn: number;
  /** What the rate is, for the legend (« Part de la population en zone couverte »). */
  legend: string;
}

/** A figure of the deck's key-figures slide: what it is, its value (empty when there is none) and its date. */
export interface KeyFigure {
  label: string;
  value: CellValue;
  format: NumberFormat;
  /** « au 31/12/2022 », « au titre de 2022 ». */
  when: string;
}

export type SheetKind =
  "couverture" | "projets" | "contrats_am" | "remunerations_msp" | "remunerations_cpts" | "ald_mt" | "mt_dent" | "cds" | "imt" | "depenses_cds";

export const SHEET_NAMES: Readonly<Record<SheetKind, string>> = {
  couverture: "Couverture CPTS",
  projets: "Projets CPTS",
  contrats_am: "Contrats AM",
  remunerations_msp: "Rémunérations MSP",
  remunerations_cpts: "Rémunérations CPTS",
  ald_mt: "ALD sans médecin traitant",
  mt_dent: "M'T dent",
  cds: "Centres de santé",
  imt: "Consultations IMT",
  depenses_cds: "Dépenses CDS",
};

/** Sheets of an optional table: written by « Tout produire » when their table is there, left out (and said) when not. */
export const OPTIONAL_SHEETS: ReadonlySet<SheetKind> = new Set<SheetKind>(["ald_mt", "mt_dent", "cds", "imt", "depenses_cds"]);

export const SHEET_KINDS = Object.keys(SHEET_NAMES) as SheetKind[];

/** Written with every production, after the sheets asked for: readings and warnings of the run. */
export const CONTROLS_SHEET_NAME = "Contrôles";

export interface SheetModel {
  kind: SheetKind | "controles";
  name: string;
  title: string;
  /** Reference date, sources and their row counts, rule versions, readings. */
  notes: string[];
  tables: TableBlock[];
  /** Charts of the sheet (the pane draws them in Excel, the deck in PowerPoint), each on one table block. */
  charts?: ChartSpec[];
  /** Maps of the sheet, each on one table block. */
  maps?: MapSpec[];
  /** The sheet's figures on the deck's key-figures slide. */
  keyFigures?: KeyFigure[];
}

/** A sheet laid out on a grid: what a writer assigns in one bulk `values` and one `numberFormat`. */
export interface SheetGrid {
  values: CellValue[][];
  numberFormats: string[][];
  width: number;
  /** 0-based rows to show in bold (title, table titles, headers, totals). */
  boldRows: number[];
  /** 0-based position of each table block: its header row, first data row and size. */
  blocks: { headerRow: number; firstRow: number; rows: number; columns: number }[];
  /** Rows to freeze: the title, the notes and the first table's header stay in view. */
  frozenRows: number;
  /** Width of each column in characters: its longest cell as displayed, within bounds. */
  columnWidths: number[];
  /** How the sheet prints: landscape, one page wide, the frozen rows repeated, the title and date in the header. */
  print: PrintSetup;
  /**
   * Texts longer than their room, wrapped rather than overflowing (an office suite prints the columns a text
   * overflows into, and the page gets too wide to read): a note merged across the sheet's `span` columns, a table cell
   * in its own column (`span` 1), its row then aligned at the top. Each with its row's height, points.
   */
  wrapped: { row: number; col: number; span: number; height: number }[];
}

/** Text inside an Excel page header or footer, where « & » starts a code: a literal one is doubled. */
export const headerFooterText = (text: string): string => text.replace(/&/g, "&&");

export interface PrintSetup {
  orientation: "landscape";
  /** Pages across (the height follows the rows). */
  pagesWide: 1;
  /** 1-based first and last rows repeated at the top of each page. */
  titleRows: [number, number];
  /** Page header: the sheet's title on the left, its « Situation au … » on the right. */
  headerLeft: string;
  headerRight: string;
}

/** Column widths (characters) a writer gives, whatever the longest cell. */
export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;
/** Height of one line of text in a row, points (Excel's default font); a wrapped text takes one per line. */
export const LINE_POINTS = 15;

/** A column width in characters as points, as Excel sizes it (7 pixels a character plus 5, 0.75 point a pixel). */
export const columnPoints = (chars: number): number => Math.trunc(chars * 7 + 5) * 0.75;

/**
 * Lines a text of `length` characters takes in a column `chars` wide: a column's character is the width of a digit,
 * and a line of French text holds about a fifth more characters than that (measured in LibreOffice and Excel).
 */
const linesOf = (length: number, chars: number) => Math.max(1, Math.ceil(length / (Math.max(1, chars - 2) * 1.2)));

/** Characters a cell takes once formatted (French grouping, `€`, `%` with one decimal). */
function displayLength(value: CellValue, format: string): number {
  if (typeof value === "string") return value.length;
  if (format === NUMBER_FORMATS.percent) return (value * 100).toFixed(1).length + 2;
  const digits = Math.round(Math.abs(value)).toString().length;
  const grouped = digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
  if (format === NUMBER_FORMATS.euro) return grouped + 2;
  if (format === NUMBER_FORMATS.decimal) return grouped + 2;
  return format === "General" ? String(value).length : grouped;
}

export function layoutSheet(model: SheetModel): SheetGrid {
  const width = Math.max(1, ...model.tables.map((t) => t.header.length));
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const boldRows: number[] = [];
  const blocks: SheetGrid["blocks"] = [];
  const general = () => new Array<string>(width).fill("General");
  // a text cell is formatted as text (`@`): « 01 », « 2A » or a year header « 2021 » stays text in Excel
  const push = (row: CellValue[], formats = general(), bold = false) => {
    if (bold) boldRows.push(values.length);
    const cells = [...row, ...new Array<CellValue>(width - row.length).fill("")];
    values.push(cells);
    numberFormats.push(formats.map((f, c) => (f === "General" && typeof cells[c] === "string" && cells[c] !== "" ? NUMBER_FORMATS.text : f)));
  };
  push([model.title], general(), true);
  for (const note of model.notes) push([note]);
  for (const table of model.tables) {
    push([]);
    push([table.title], general(), true);
    const headerRow = values.length;
    push(table.header, general(), true);
    const formats = [...table.formats.map((f) => NUMBER_FORMATS[f]), ...new Array<string>(width - table.formats.length).fill("General")];
    table.rows.forEach((row, i) => push(row, formats, i >= table.rows.length - table.totalRows));
    blocks.push({ headerRow, firstRow: headerRow + 1, rows: table.rows.length, columns: table.header.length });
  }
  // titles and notes overflow to the right: only the tables' headers and cells size the columns
  const columnWidths = Array.from({ length: width }, (_, c) => {
    let longest = MIN_COLUMN_WIDTH;
    for (const b of blocks) {
      for (let r = b.headerRow; r < b.firstRow + b.rows; r++) longest = Math.max(longest, displayLength(values[r][c], numberFormats[r][c]) + 2);
    }
    return Math.min(MAX_COLUMN_WIDTH, longest);
  });
  // the notes wider than the sheet's columns, merged across them; the table cells wider than their column
  const sheetChars = columnWidths.reduce((a, b) => a + b, 0);
  const wrapped: SheetGrid["wrapped"] = [];
  model.notes.forEach((note, i) => {
    if (note.length > sheetChars) wrapped.push({ row: 1 + i, col: 0, span: width, height: linesOf(note.length, sheetChars) * LINE_POINTS });
  });
  for (const b of blocks)
    for (let r = b.headerRow; r < b.firstRow + b.rows; r++) {
      const cells = values[r].map((v, c) => ({ v, c })).filter(({ v, c }) => typeof v === "string" && v.length + 2 > columnWidths[c]);
      const height = Math.max(0, ...cells.map(({ v, c }) => linesOf((v as string).length, columnWidths[c]) * LINE_POINTS));
      for (const { c } of cells) wrapped.push({ row: r, col: c, span: 1, height });
    }
  const frozenRows = blocks.length ? blocks[0].headerRow + 1 : 1;
  const situation = model.notes.find((n) => n.startsWith("Situation au")) ?? "";
  const print: PrintSetup = { orientation: "landscape", pagesWide: 1, titleRows: [1, frozenRows], headerLeft: model.title, headerRight: situation };
  return { values, numberFormats, width, boldRows, blocks, frozenRows, columnWidths, print, wrapped };
}

/** A1 address of a 0-based rectangle. */
export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const letters = (c: number): string => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const start = `${letters(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? start : `${start}:${letters(col + cols - 1)}${row + rows}`;
}
