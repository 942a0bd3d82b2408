/* global Buffer */
/**
 * SPEED MODULE: the offline job's workbook reader. The one place of src/offline written for speed rather than for
 * reading. ExcelJS's `readFile` (kept in xlsx.ts as `loadWithExcelJS`, the reference) builds a model of every cell,
 * style and row of every sheet: about 1.8 s and 290 MiB for a national workbook, longer than the whole job may take
 * (issue 23). This reads the same workbook straight from its zip and its XML, cell values only: about a tenth of the
 * time and a third of the memory. It gives what ExcelJS gives, reading for reading, to the cell — a test
 * (tests/offline/reader.test.ts) loads every kind of workbook the job is tested on both ways and compares them:
 * - a number in a date format (ExcelJS's `isDateFmt` on the cell's style) is the date ExcelJS computes from it, in
 *   the workbook's date system (`date1904="1"`);
 * - a formula is its saved result; one saved as the empty text (`t="str"`, empty `<v>`) is "" (the patch of xlsx.ts);
 *   one without a saved result is marked;
 * - shared strings and inline strings as plain text (rich text runs joined, phonetic runs dropped, `_xHHHH_`
 *   escapes decoded as ExcelJS decodes them);
 * - the other cells of a merged range hold its first cell's value, as ExcelJS's merged cells do;
 * - the sheets in tab order, each with its Excel tables (name, range, totals row) in the order of its `tableParts`.
 * Anything else in the file (formats, widths, drawings) is not read.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { createRequire } from "node:module";

/** A cell as the job reads it: its plain value (see `plainValue` in xlsx.ts), and whether it is a formula never calculated. */
export interface CellRead {
  value: unknown;
  withoutResult: boolean;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TableInfo {
  name?: string;
  ref?: string;
  totalsRow?: boolean;
}

/** One sheet's cells that hold something (a value, or a formula without result), by row then column (1-based). */
export interface LoadedSheet {
  name: string;
  rows: Map<number, CellRead[]>;
  tables: TableInfo[];
  merges: Rect[];
}

export interface LoadedWorkbook {
  sheets: LoadedSheet[];
  date1904: boolean;
}

// ------------------------------------------------------------------------------------------------------------ zip

interface Entry {
  method: number;
  size: number;
  offset: number;
}

/** The entries of a zip archive, from its central directory. */
function zipEntries(buf: Buffer): Map<string, Entry> {
  let end = buf.length - 22;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  while (end >= stop && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < stop) throw new Error("fin de l'archive zip introuvable");
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error("répertoire de l'archive zip endommagé");
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    entries.set(name, { method: buf.readUInt16LE(p + 10), size: buf.readUInt32LE(p + 20), offset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The text of one entry, or undefined when the archive has none of that name. */
function entryText(buf: Buffer, entries: Map<string, Entry>, name: string): string | undefined {
  const e = entries.get(name);
  if (!e) return undefined;
  if (buf.readUInt32LE(e.offset) !== 0x04034b50) throw new Error(`entrée ${name} endommagée`);
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.size);
  if (e.method === 0) return data.toString("utf8");
  if (e.method === 8) return inflateRawSync(data).toString("utf8");
  throw new Error(`entrée ${name} compressée par une méthode inconnue (${e.method})`);
}

// ------------------------------------------------------------------------------------------------------------ XML

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** XML character and entity references, as the XML parser of ExcelJS decodes them. */
function decode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, e: string) =>
    e[0] !== "#" ? NAMED[e] : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

/** ExcelJS's `utils.xmlDecode`, applied a second time to a formula's text result and a `t="str"` value. */
const xmlDecodeAgain = (text: string) => text.replace(/&([a-z]*);/g, (c, e: string) => (e in NAMED ? NAMED[e] : c));

/** `_x000D_`-style escapes of shared strings, as ExcelJS's text reader decodes them. */
const unescapeX = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The attributes of one start tag. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decode(m[2] ?? m[3]);
  return out;
}

/** Every element `name` of `xml` (prefix-free), as its attributes and inner text. */
function* elements(xml: string, name: string): Generator<{ attrs: string; inner: string }> {
  let re = ELEMENT.get(name);
  if (!re) ELEMENT.set(name, (re = new RegExp(`<${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, "g")));
  for (const m of xml.matchAll(re)) yield { attrs: m[1], inner: m[2] ?? "" };
}
/** One expression per element name, built once (`texts` runs once per shared string). */
const ELEMENT = new Map<string, RegExp>();

/** The texts of the `<t>` elements of a fragment, each decoded. */
function texts(xml: string): string[] {
  const out: string[] = [];
  for (const t of elements(xml, "t")) out.push(decode(t.inner));
  return out;
}

// ------------------------------------------------------------------------------------------------- package parts

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships by id, targets resolved to archive paths. */
function relationships(buf: Buffer, entries: Map<string, Entry>, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const dir = part.slice(0, slash + 1);
  const xml = entryText(buf, entries, `${dir}_rels/${part.slice(slash + 1)}.rels`) ?? "";
  const out = new Map<string, Relationship>();
  for (const { attrs } of elements(xml, "Relationship")) {
    const a = attributes(attrs);
    out.set(a.Id, { type: a.Type ?? "", target: resolvePath(dir, a.Target ?? "") });
  }
  return out;
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

const DEFAULT_FORMATS = createRequire(import.meta.url)("exceljs/lib/xlsx/defaultnumformats.js") as Record<string, { f?: string }>;

/** ExcelJS's `utils.isDateFmt`. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The cell styles (`s`) whose number format is a date's, as ExcelJS decides it (style 0 is never one for ExcelJS). */
function dateStyles(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const { attrs } of elements(styles, "numFmt")) {
    const a = attributes(attrs);
    custom.set(parseInt(a.numFmtId ?? "0", 10), a.formatCode ?? "");
  }
  const out = new Set<number>();
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  let index = 0;
  for (const { attrs } of elements(cellXfs, "xf")) {
    const id = parseInt(attributes(attrs).numFmtId || "0", 10);
    if (index > 0 && id && isDateFormat(custom.get(id) ?? DEFAULT_FORMATS[id]?.f)) out.add(index);
    index++;
  }
  return out;
}

/** The shared strings as plain text. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const { inner } of elements(xml, "si")) {
    const body = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
    if (/<r[\s>]/.test(body)) {
      let joined = "";
      for (const r of elements(body, "r")) joined += texts(r.inner).map(unescapeX).join("");
      out.push(joined);
    } else {
      const all = texts(body);
      out.push(all.length ? unescapeX(all[all.length - 1]) : "");
    }
  }
  return out;
}

/** `A1`-style column letters to a 1-based column number. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** A range `A1:D20` (or one cell) as a rectangle. */
export function decodeRef(ref: string): Rect {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const parse = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`référence de plage illisible : ${ref}`);
    return { row: Number(m[2]), col: columnNumber(m[1]) };
  };
  const p = parse(a);
  const q = parse(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

// ------------------------------------------------------------------------------------------------------------ cells

/** ExcelJS's `utils.excelToDate`. */
const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL_REF = /\br\s*=\s*["']([A-Z]+)(\d+)["']/;
const CELL_TYPE = /\bt\s*=\s*["'](\w+)["']/;
const CELL_STYLE = /\bs\s*=\s*["'](\d+)["']/;
const VALUE = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const INLINE = /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/;

interface Context {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
  /** `plainValue` of xlsx.ts: a Date as ISO text or a time of day. */
  plain: (value: unknown) => unknown;
}

/** One `<c>` as ExcelJS reads it then `cellValue` of xlsx.ts reads that; undefined for a cell holding nothing. */
function readCell(attrs: string, inner: string, ctx: Context): CellRead | undefined {
  const type = CELL_TYPE.exec(attrs)?.[1];
  const style = Number(CELL_STYLE.exec(attrs)?.[1] ?? 0);
  const isDate = style > 0 && ctx.dates.has(style);
  const raw = VALUE.exec(inner)?.[1];
  const v = raw === undefined ? undefined : decode(raw);
  // a formula as ExcelJS takes one: a formula text, or a shared or array formula's reference (`<f t="shared" si="0"/>`)
  const f = FORMULA.exec(inner);
  if (f && (f[2] || /\bt\s*=/.test(f[1]))) {
    let result: unknown;
    if (v) {
      if (type === "str") result = xmlDecodeAgain(v);
      else if (type === "b") result = parseInt(v, 10) !== 0;
      else if (type === "e") result = v;
      else result = parseFloat(v);
    } else if (type === "str") result = "";
    if (result === undefined) return { value: null, withoutResult: true };
    if (isDate && typeof result === "number") result = excelToDate(result, ctx.date1904);
    const value = ctx.plain(result);
    return value === null ? undefined : { value, withoutResult: false };
  }
  let value: unknown;
  if (type === "inlineStr") {
    const is = INLINE.exec(inner)?.[1];
    if (is === undefined) return undefined;
    // rich runs through ExcelJS's text reader (escapes decoded), a plain inline text as it stands
    if (/<r[\s>]/.test(is)) value = [...elements(is, "r")].map((r) => texts(r.inner).map(unescapeX).join("")).join("");
    else {
      const all = texts(is);
      if (!all.length) return undefined;
      value = all.join("");
    }
  } else {
    if (v === undefined || v === "") return undefined;
    switch (type) {
      case "s":
        value = ctx.strings[parseInt(v, 10)] ?? "";
        break;
      case "str":
        value = xmlDecodeAgain(v);
        break;
      case "b":
        value = parseInt(v, 10) !== 0;
        break;
      case "e":
        value = v;
        break;
      default:
        value = parseFloat(v);
        if (isDate) value = ctx.plain(excelToDate(value as number, ctx.date1904));
    }
  }
  return value === null ? undefined : { value, withoutResult: false };
}

/** The cells of one worksheet's XML, its merged ranges (the other cells given the first one's value) and table ids. */
function readSheet(xml: string, ctx: Context): { rows: Map<number, CellRead[]>; merges: Rect[]; tableIds: string[] } {
  const rows = new Map<number, CellRead[]>();
  let rowNumber = 0;
  for (const row of xml.matchAll(ROW)) {
    const r = /\br\s*=\s*["'](\d+)["']/.exec(row[1]);
    rowNumber = r ? Number(r[1]) : rowNumber + 1;
    const body = row[2];
    if (!body) continue;
    const cells: CellRead[] = [];
    let col = 0;
    for (const c of body.matchAll(CELL)) {
      const ref = CELL_REF.exec(c[1]);
      col = ref ? columnNumber(ref[1]) : col + 1;
      const read = readCell(c[1], c[2] ?? "", ctx);
      if (read) cells[col] = read;
    }
    if (cells.length) rows.set(rowNumber, cells);
  }
  // merged ranges and table parts come after the cells (the order of the worksheet schema)
  const end = xml.lastIndexOf("</sheetData>");
  const tail = end < 0 ? xml : xml.slice(end);
  const merges: Rect[] = [];
  for (const { attrs } of elements(tail, "mergeCell")) {
    const ref = attributes(attrs).ref;
    if (!ref) continue;
    const m = decodeRef(ref);
    merges.push(m);
    const master = rows.get(m.top)?.[m.left];
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        let cells = rows.get(r);
        if (master && !master.withoutResult) {
          if (!cells) rows.set(r, (cells = []));
          cells[c] = { value: master.value, withoutResult: false };
        } else if (cells) delete cells[c];
      }
    }
  }
  const tableIds = [...elements(tail, "tablePart")].map((t) => attributes(t.attrs)["r:id"]).filter((id): id is string => !!id);
  return { rows, merges, tableIds };
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const TABLE = /\/table$/;

/**
 * The workbook at `path`, read from its zip: sheets in tab order with their cells, merged ranges and tables.
 * `plain` turns a read value (a Date among them) into the job's plain value. Throws on a file that is no workbook.
 */
export function loadWorkbook(path: string, plain: (value: unknown) => unknown): LoadedWorkbook {
  const buf = readFileSync(path);
  const entries = zipEntries(buf);
  const root = [...relationships(buf, entries, "").values()].find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? "xl/workbook.xml";
  const workbook = entryText(buf, entries, root);
  if (workbook === undefined) throw new Error("classeur sans partie « workbook »");
  const rels = relationships(buf, entries, root);
  const date1904 = attributes(/<workbookPr\b([^>]*)/.exec(workbook)?.[1] ?? "").date1904 === "1";
  const partOf = (type: RegExp) => [...rels.values()].find((r) => type.test(r.type))?.target;
  const stringsPart = partOf(/\/sharedStrings$/);
  const stylesPart = partOf(/\/styles$/);
  const ctx: Context = {
    strings: stringsPart ? sharedStrings(entryText(buf, entries, stringsPart) ?? "") : [],
    dates: stylesPart ? dateStyles(entryText(buf, entries, stylesPart) ?? "") : new Set(),
    date1904,
    plain,
  };
  const sheets: LoadedSheet[] = [];
  for (const { attrs } of elements(workbook, "sheet")) {
    const a = attributes(attrs);
    const rel = rels.get(a["r:id"] ?? "");
    if (!rel || !WORKSHEET.test(rel.type)) continue;
    const xml = entryText(buf, entries, rel.target);
    if (xml === undefined) throw new Error(`feuille « ${a.name} » absente de l'archive`);
    const { rows, merges, tableIds } = readSheet(xml, ctx);
    const sheetRels = relationships(buf, entries, rel.target);
    const tables: TableInfo[] = [];
    for (const id of tableIds) {
      const t = sheetRels.get(id);
      if (!t || !TABLE.test(t.type)) continue;
      const table = attributes(/<table\b([^>]*)/.exec(entryText(buf, entries, t.target) ?? "")?.[1] ?? "");
      tables.push({ name: table.name, ref: table.ref, totalsRow: table.totalsRowCount === "1" });
    }
    sheets.push({ name: a.name ?? "", rows, tables, merges });
  }
  return { sheets, date1904 };
}
