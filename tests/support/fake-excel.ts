/**
 * A small in-memory Excel host with the parts of the Office.js object model
 * the task pane uses: proxies whose properties can only be read after
 * `load()` + `context.sync()` (as in Excel), every write recorded, syncs
 * counted with the size of each request, and Excel on the web's 5 MB request
 * limit enforced. Runs in Node (vitest) and, bundled, in the browser test.
 */

type Cell = string | number | boolean;

export interface SyncRecord {
  /** Approximate request size: the JSON of every value and format written since the previous sync. */
  bytes: number;
  /** Approximate response size: the JSON of every range's values loaded for this sync. */
  responseBytes: number;
  operations: string[];
}

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

class HostError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

class Tracker {
  syncs: SyncRecord[] = [];
  pending: SyncRecord = { bytes: 0, responseBytes: 0, operations: [] };
  toLoad = new Set<Loadable>();
  /** An error the next sync throws (a host refusing an operation queued in the batch), then forgets. */
  refusal?: HostError;
  op(text: string, bytes = 0) {
    this.pending.operations.push(text);
    this.pending.bytes += bytes;
  }
}

abstract class Loadable {
  protected loaded = false;
  constructor(public tracker: Tracker) {}
  load(_props?: string | string[] | object): this {
    this.tracker.toLoad.add(this);
    return this;
  }
  /** Marks the object loaded at sync; returns the size of what the response carried for it. */
  markLoaded(): number {
    this.loaded = true;
    return 0;
  }
  protected need(prop: string) {
    if (!this.loaded) throw new HostError("PropertyNotLoaded", `La propriété « ${prop} » n'est pas chargée : appeler load() puis context.sync()`);
  }
}

export class FakeSheet {
  cells = new Map<string, { value: Cell; format: string; bold: boolean; size?: number }>();
  customProperties: FakeCustomProperties;
  charts: FakeCharts;
  shapes: FakeShapes;
  constructor(
    public name: string,
    private tracker: Tracker,
  ) {
    this.customProperties = new FakeCustomProperties(tracker, this);
    this.charts = new FakeCharts(tracker, this);
    this.shapes = new FakeShapes(tracker, this);
  }
  load(_props?: string): this {
    return this;
  }
  cell(r: number, c: number) {
    return this.cells.get(`${r},${c}`);
  }
  setCell(r: number, c: number, patch: Partial<{ value: Cell; format: string; bold: boolean; size: number }>) {
    const key = `${r},${c}`;
    const current = this.cells.get(key) ?? { value: "", format: "General", bold: false };
    const next = { ...current, ...patch };
    if (next.value === "" && next.format === "General" && !next.bold && next.size === undefined) this.cells.delete(key);
    else this.cells.set(key, next);
  }
  /** Merged areas (0-based), as Excel keeps them: the value in the first cell, the others blank. */
  merges: { row: number; col: number; rows: number; cols: number }[] = [];
  /** Test helper: merges an A1 range, keeping the first cell's value (Excel asks, then drops the others). */
  merge(address: string): void {
    const r = this.getRange(address);
    this.merges.push({ row: r.row, col: r.col, rows: r.rows, cols: r.cols });
    r.each((row, col) => {
      if (row !== r.row || col !== r.col) this.setCell(row, col, { value: "" });
    });
  }
  /** Ranges merged by the writer (range.merge), their text wrapped, and the row heights and column widths set, points. */
  merged: string[] = [];
  wrapped = new Set<string>();
  rowHeights = new Map<number, number>();
  columnWidths = new Map<number, number>();
  /** The print settings set through pageLayout (ExcelApi 1.9). */
  print: { orientation?: string; zoom?: unknown; titleRows?: string; leftHeader?: string; rightHeader?: string } = {};
  pageLayout = ((sheet: FakeSheet) => ({
    set orientation(v: string) {
      sheet.print.orientation = v;
    },
    set zoom(v: unknown) {
      sheet.print.zoom = v;
    },
    setPrintTitleRows(rows: string) {
      sheet.print.titleRows = rows;
    },
    headersFooters: {
      defaultForAllPages: {
        set leftHeader(v: string) {
          sheet.print.leftHeader = v;
        },
        set rightHeader(v: string) {
          sheet.print.rightHeader = v;
        },
      },
    },
  }))(this);
  /** Rows frozen by freezePanes.freezeRows. */
  frozenRows = 0;
  freezePanes = {
    freezeRows: (n: number) => {
      this.frozenRows = n;
      this.tracker.op(`freezeRows ${this.name} ${n}`);
    },
  };
  bounds(): { rows: number; cols: number; top: number; left: number } {
    let rows = 0;
    let cols = 0;
    let top = Infinity;
    let left = Infinity;
    for (const [key, cell] of this.cells) {
      if (cell.value === "") continue;
      const [r, c] = key.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
      top = Math.min(top, r);
      left = Math.min(left, c);
    }
    return rows ? { rows, cols, top, left } : { rows, cols, top: 0, left: 0 };
  }
  /** The sheet's values as a plain grid (for assertions). */
  grid(): Cell[][] {
    const { rows, cols } = this.bounds();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.cell(r, c)?.value ?? ""));
  }
  getRange(address?: string): FakeRange {
    if (!address) return new FakeRange(this.tracker, this, 0, 0, 1_048_576, 16_384);
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.replace(/\$/g, ""));
    if (!m) throw new HostError("InvalidArgument", `adresse invalide ${address}`);
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r0 = Number(m[2]) - 1;
    const c0 = col(m[1]);
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? col(m[3]) : c0;
    return new FakeRange(this.tracker, this, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.tracker, this, row, col, rows, cols);
  }
  /** As Excel: from the first to the last cell holding a value (valuesOnly), not from A1. */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    const { rows, cols, top, left } = this.bounds();
    return new FakeRange(this.tracker, this, top, left, Math.max(rows - top, 1), Math.max(cols - left, 1));
  }
}

class FakeFont {
  constructor(private range: FakeRange) {}
  set bold(v: boolean) {
    this.range.each((r, c) => this.range.sheet.setCell(r, c, { bold: v }));
    this.range.tracker.op(`bold ${this.range.sheet.name}!${this.range.row}`);
  }
  set size(v: number) {
    this.range.each((r, c) => this.range.sheet.setCell(r, c, { size: v }));
    this.range.tracker.op(`size ${this.range.sheet.name}`);
  }
}

/**
 * What Excel stores when a value is written: a text that looks like a number (« 01 », « 2021 ») becomes the number
 * unless the cell is formatted as text (`@`); a leading apostrophe keeps the rest as text.
 */
function asExcelStores(value: Cell, format: string): Cell {
  if (typeof value !== "string") return value;
  if (value.startsWith("'")) return value.slice(1);
  if (format !== "@" && /^[+-]?\d+([.,]\d+)?$/.test(value.trim())) return Number(value.trim().replace(",", "."));
  return value;
}

export class FakeRange extends Loadable {
  format: {
    font: FakeFont;
    autofitColumns: () => void;
    wrapText: boolean;
    verticalAlignment: string;
    rowHeight: number;
    columnWidth: number;
  };
  constructor(
    public override tracker: Tracker,
    public sheet: FakeSheet,
    public row: number,
    public col: number,
    public rows: number,
    public cols: number,
  ) {
    super(tracker);
    const range = this;
    this.format = {
      font: new FakeFont(this),
      autofitColumns: () => tracker.op(`autofit ${sheet.name}`),
      verticalAlignment: "Bottom",
      set wrapText(v: boolean) {
        range.each((r, c) => (v ? sheet.wrapped.add(`${r},${c}`) : sheet.wrapped.delete(`${r},${c}`)));
      },
      set rowHeight(points: number) {
        for (let r = range.row; r < range.row + range.rows; r++) sheet.rowHeights.set(r, points);
      },
      set columnWidth(points: number) {
        for (let c = range.col; c < range.col + range.cols; c++) sheet.columnWidths.set(c, points);
      },
    } as FakeRange["format"];
  }
  private wantsValues = false;
  override load(props?: string | string[] | object): this {
    if (String(props).includes("values")) this.wantsValues = true;
    return super.load(props);
  }
  override markLoaded(): number {
    super.markLoaded();
    return this.wantsValues ? JSON.stringify(this.values).length : 0;
  }
  /** Position of the range's top-left corner in points, as Excel gives it once loaded (standard 48 × 15 pt cells). */
  get left(): number {
    this.need("left");
    return this.col * 48;
  }
  get top(): number {
    this.need("top");
    return this.row * 15;
  }
  /** As Excel: merges the range (the analyst's merged cells are made with FakeSheet.merge). */
  merge(_across = false) {
    this.sheet.merged.push(`${this.row},${this.col},${this.rows},${this.cols}`);
    this.tracker.op(`merge ${this.sheet.name}`);
  }
  unmerge() {
    this.sheet.merged = this.sheet.merged.filter((m) => {
      const [r, c] = m.split(",").map(Number);
      return r < this.row || r >= this.row + this.rows || c < this.col || c >= this.col + this.cols;
    });
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.tracker, this.sheet, this.row + row, this.col + col, 1, 1);
  }
  /** As Office.js (ExcelApi 1.13): the merged areas meeting this range, `Sheet!A1:B2,…`, or a null object. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const meets = this.sheet.merges.filter(
      (m) => m.row < this.row + this.rows && m.row + m.rows > this.row && m.col < this.col + this.cols && m.col + m.cols > this.col,
    );
    const letters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
    const a1 = (m: { row: number; col: number; rows: number; cols: number }) => `${letters(m.col)}${m.row + 1}:${letters(m.col + m.cols - 1)}${m.row + m.rows}`;
    return new FakeRangeAreas(
      this.tracker,
      meets.map((m) => `${this.sheet.name}!${a1(m)}`),
    );
  }
  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return new FakeRange(this.tracker, this.sheet, this.row, this.col, this.rows + deltaRows, this.cols + deltaCols);
  }
  each(fn: (r: number, c: number) => void) {
    for (let r = this.row; r < this.row + this.rows; r++) for (let c = this.col; c < this.col + this.cols; c++) fn(r, c);
  }
  private checkShape(grid: unknown[][], what: string) {
    if (grid.length !== this.rows || grid.some((row) => row.length !== this.cols)) {
      throw new HostError("InvalidArgument", `${what} : ${grid.length} lignes × ${grid[0]?.length ?? 0} pour une plage de ${this.rows} × ${this.cols}`);
    }
  }
  set values(grid: Cell[][]) {
    this.checkShape(grid, "values");
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = this.row + i;
        const c = this.col + j;
        this.sheet.setCell(r, c, { value: v === null ? "" : asExcelStores(v, this.sheet.cell(r, c)?.format ?? "General") });
      }),
    );
    this.tracker.op(`values ${this.sheet.name}!${this.row},${this.col} ${this.rows}x${this.cols}`, JSON.stringify(grid).length);
  }
  get values(): Cell[][] {
    this.need("values");
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => this.sheet.cell(this.row + i, this.col + j)?.value ?? ""));
  }
  set numberFormat(grid: string[][]) {
    this.checkShape(grid, "numberFormat");
    grid.forEach((row, i) => row.forEach((f, j) => this.sheet.setCell(this.row + i, this.col + j, { format: f })));
    this.tracker.op(`numberFormat ${this.sheet.name}`, JSON.stringify(grid).length);
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.rows;
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.row;
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.cols;
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.col;
  }
  clear() {
    for (const key of [...this.sheet.cells.keys()]) {
      const [r, c] = key.split(",").map(Number);
      if (r >= this.row && r < this.row + this.rows && c >= this.col && c < this.col + this.cols) this.sheet.cells.delete(key);
    }
    // formats too, wrapping included
    for (const key of [...this.sheet.wrapped]) {
      const [r, c] = key.split(",").map(Number);
      if (r >= this.row && r < this.row + this.rows && c >= this.col && c < this.col + this.cols) this.sheet.wrapped.delete(key);
    }
    this.tracker.op(`clear ${this.sheet.name}`);
  }
}

export class FakeRangeAreas extends Loadable {
  constructor(
    tracker: Tracker,
    private areas: string[],
  ) {
    super(tracker);
  }
  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.areas.length === 0;
  }
  get address(): string {
    this.need("address");
    if (!this.areas.length) throw new HostError("InvalidObjectPath", "objet nul : aucune cellule fusionnée");
    return this.areas.join(",");
  }
}

/** The workbook object: its date system (`use1904DateSystem`, loaded as Office.js loads it). */
class FakeWorkbookProperties extends Loadable {
  date1904 = false;
  get use1904DateSystem(): boolean {
    this.need("use1904DateSystem");
    return this.date1904;
  }
}

/** A collection whose `items` can only be read after load() + sync(), and whose members are found by name. */
class Collection<T extends { name: string }> extends Loadable {
  list: T[] = [];
  constructor(
    tracker: Tracker,
    private what: string,
  ) {
    super(tracker);
  }
  get items(): T[] {
    this.need("items");
    return this.list;
  }
  getItem(name: string): T {
    const item = this.list.find((x) => x.name === name);
    if (!item) throw new HostError("ItemNotFound", `${this.what} « ${name} » introuvable`);
    return item;
  }
}

class FakeCustomProperties extends Loadable {
  private list: { key: string; value: string }[] = [];
  constructor(
    tracker: Tracker,
    private sheet: FakeSheet,
  ) {
    super(tracker);
  }
  get items() {
    this.need("items");
    return this.list;
  }
  add(key: string, value: string) {
    this.list.push({ key, value });
    this.tracker.op(`customProperty ${this.sheet.name} ${key}=${value}`);
  }
  /** Test helper: the properties whatever their load state. */
  all() {
    return this.list;
  }
}

/** A chart series: its name, values and categories, as set through the Office.js ChartSeries API. */
export class FakeSeries {
  name = "";
  categories?: FakeRange;
  constructor(public values?: FakeRange) {}
  setValues(r: FakeRange) {
    this.values = r;
  }
  setXAxisValues(r: FakeRange) {
    this.categories = r;
  }
}

export class FakeChart {
  title = { text: "" };
  name = "";
  position = "";
  /** One series per column of the source range (seriesBy Columns), then those added. */
  list: FakeSeries[];
  series: { getItemAt: (i: number) => FakeSeries; add: (name?: string) => FakeSeries };
  constructor(
    public type: string,
    public data: FakeRange,
    private owner: FakeCharts,
  ) {
    // as Excel: a first row of text in the source range is taken as the series names, not as data
    this.list = Array.from({ length: data.cols }, (_, c) => new FakeSeries(new FakeRange(data.tracker, data.sheet, data.row, data.col + c, data.rows, 1)));
    this.series = {
      getItemAt: (i: number) => {
        if (i >= this.list.length) throw new HostError("InvalidArgument", `série ${i} absente`);
        return this.list[i];
      },
      add: (name?: string) => {
        const series = new FakeSeries();
        series.name = name ?? "";
        this.list.push(series);
        return series;
      },
    };
  }
  /** Test helper: the categories of the first series. */
  get categories(): FakeRange | undefined {
    return this.list[0]?.categories;
  }
  setPosition(start: string) {
    this.position = start;
  }
  delete() {
    this.owner.remove(this);
  }
}

class FakeCharts extends Collection<FakeChart> {
  constructor(
    tracker: Tracker,
    private sheet: FakeSheet,
  ) {
    super(tracker, "graphique");
  }
  add(type: string, data: FakeRange, _seriesBy?: string) {
    const chart = new FakeChart(type, data, this);
    this.list.push(chart);
    this.tracker.op(`chart ${this.sheet.name} ${type}`);
    return chart;
  }
  remove(chart: FakeChart) {
    this.list = this.list.filter((c) => c !== chart);
    this.tracker.op(`deleteChart ${this.sheet.name}`);
  }
}

/** A picture inserted with shapes.addImage (ExcelApi 1.9): its PNG and where it was put, in points. */
export class FakeShape {
  name = "";
  altTextTitle = "";
  lockAspectRatio = false;
  left = 0;
  top = 0;
  width = 0;
  height = 0;
  constructor(
    public base64: string,
    private owner: FakeShapes,
  ) {}
  delete() {
    this.owner.remove(this);
  }
}

class FakeShapes extends Collection<FakeShape> {
  /** Test helper: the message with which the host refuses pictures (as a host short of memory or of the feature). */
  refuse?: string;
  constructor(
    tracker: Tracker,
    private sheet: FakeSheet,
  ) {
    super(tracker, "forme");
  }
  addImage(base64: string): FakeShape {
    const shape = new FakeShape(base64, this);
    this.tracker.op(`addImage ${this.sheet.name}`, base64.length);
    if (this.refuse) this.tracker.refusal = new HostError("GeneralException", this.refuse);
    else this.list.push(shape);
    return shape;
  }
  remove(shape: FakeShape) {
    this.list = this.list.filter((s) => s !== shape);
    this.tracker.op(`deleteShape ${this.sheet.name}`);
  }
}

class FakeSheets extends Collection<FakeSheet> {
  add(name: string) {
    if (this.list.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new HostError("ItemAlreadyExists", `la feuille « ${name} » existe déjà`);
    const sheet = new FakeSheet(name, this.tracker);
    this.list.push(sheet);
    this.tracker.op(`addSheet ${name}`);
    return sheet;
  }
}

/** An Excel table: `rows` counts the header, the data rows and the totals row when `showTotals`. */
export class FakeTable {
  constructor(
    public name: string,
    public sheet: FakeSheet,
    public row: number,
    public col: number,
    public rows: number,
    public cols: number,
    private tracker: Tracker,
    public showTotals = false,
  ) {}
  get worksheet(): FakeSheet {
    return this.sheet;
  }
  getRange() {
    return new FakeRange(this.tracker, this.sheet, this.row, this.col, this.rows, this.cols);
  }
  getHeaderRowRange() {
    return new FakeRange(this.tracker, this.sheet, this.row, this.col, 1, this.cols);
  }
  getDataBodyRange() {
    return new FakeRange(this.tracker, this.sheet, this.row + 1, this.col, this.rows - 1 - (this.showTotals ? 1 : 0), this.cols);
  }
}

class FakeTables extends Collection<FakeTable> {}

export class FakeExcel {
  private tracker = new Tracker();
  worksheets = new FakeSheets(this.tracker, "feuille");
  tables = new FakeTables(this.tracker, "tableau");
  /** The workbook's date system; set `fake.date1904 = true` for a workbook counting its dates from 1904. */
  private workbookProperties = new FakeWorkbookProperties(this.tracker);
  set date1904(value: boolean) {
    this.workbookProperties.date1904 = value;
  }
  context = {
    workbook: ((excel: FakeExcel) => ({
      worksheets: excel.worksheets,
      tables: excel.tables,
      load(props: string) {
        excel.workbookProperties.load(props);
        return this;
      },
      get use1904DateSystem(): boolean {
        return excel.workbookProperties.use1904DateSystem;
      },
    }))(this),
    application: {
      suspendApiCalculationUntilNextSync: () => this.tracker.op("suspendCalculation"),
      suspendScreenUpdatingUntilNextSync: () => this.tracker.op("suspendScreenUpdating"),
      calculate: (type: string) => this.tracker.op(`calculate ${type}`),
    },
    sync: async () => {
      const record = this.tracker.pending;
      this.tracker.pending = { bytes: 0, responseBytes: 0, operations: [] };
      this.tracker.syncs.push(record);
      const refusal = this.tracker.refusal;
      this.tracker.refusal = undefined;
      if (refusal) throw refusal;
      if (record.bytes > REQUEST_LIMIT_BYTES) throw new HostError("RequestPayloadSizeLimitExceeded", `requête de ${record.bytes} octets, plus que 5 Mo`);
      for (const item of this.tracker.toLoad) record.responseBytes += item.markLoaded();
      this.tracker.toLoad.clear();
      if (record.responseBytes > REQUEST_LIMIT_BYTES)
        throw new HostError("ResponsePayloadSizeLimitExceeded", `réponse de ${record.responseBytes} octets, plus que 5 Mo`);
    },
  };

  get syncs(): readonly SyncRecord[] {
    return this.tracker.syncs;
  }

  /** Excel.run over this workbook. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context as unknown as Excel.RequestContext);

  /** Test helper: a user sheet with values from A1. */
  addSheet(name: string, values: Cell[][] = []): FakeSheet {
    const sheet = new FakeSheet(name, this.tracker);
    values.forEach((row, r) => row.forEach((v, c) => sheet.setCell(r, c, { value: v })));
    this.worksheets.list.push(sheet);
    return sheet;
  }

  /**
   * Test helper: an Excel table with its header at A1 of a new sheet, or `options.at` rows below (title rows
   * `options.above` written over it), and its totals row (`options.totals`) under the data.
   */
  addTable(
    sheetName: string,
    tableName: string,
    header: string[],
    rows: Cell[][],
    options: { at?: number; above?: Cell[][]; totals?: Cell[] } = {},
  ): FakeTable {
    const at = options.at ?? 0;
    const above = options.above ?? [];
    const padding: Cell[][] = Array.from({ length: at - above.length }, () => []);
    const sheet = this.addSheet(sheetName, [...above, ...padding, header, ...rows, ...(options.totals ? [options.totals] : [])]);
    const table = new FakeTable(tableName, sheet, at, 0, rows.length + 1 + (options.totals ? 1 : 0), header.length, this.tracker, !!options.totals);
    this.tables.list.push(table);
    return table;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.worksheets.list.find((s) => s.name === name);
  }
}
