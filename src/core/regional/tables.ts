/**
 * The analyst's four source tables, as the task pane and the offline job read
 * them: a header row and data rows. Headers are matched without case or
 * accents; every problem names the table, the column and the Excel row the
 * analyst sees (a table whose header is on row 4 has its first data row on 5).
 * Every reading applied to a cell that was not written as expected (a
 * département name read as its code…) is logged for the « Contrôles » sheet.
 */
import { aidLine, type Bande, type Regime } from "../assistant-medical";
import { amObjective, type Counts } from "../assistant-medical/objectives";
import { CDS_MAX_ETP } from "../assistant-medical/params";
import { blankOwnRates, FIELD_LABELS, fieldCode, mspPayment, mspRulesFor, prerequisiteFields, readMspRow, type FieldCode, type MspPayment } from "../aci-msp";
import { isGiven } from "../aci-msp/fields";
import { describe, frenchDate, parseDate, yearOf } from "../dates";
import { DomainError, fail } from "../errors";
import { entryAt } from "../params";
import { frInteger, frNumber } from "../format";
import { normalizeCode } from "../text";
import { isMissing, ownValue } from "../values";
import { memo } from "../memo";
import { IMT_START } from "../aides/params";
import { readCpam, regionOfCpams } from "../inputs/cpam";
import {
  keyOf,
  readColumn,
  STADE_CODES,
  type CellNote,
  TABLE_SCHEMA,
  type CdsType,
  type ColumnEntry,
  type RegimeDepenses,
  type TableKind,
} from "../inputs/schema";
import { departementOfCommune, idKey, inDepartement, type CodeReading } from "./codes";
import { firstRows } from "./first-rows";

export type { TableKind };

const KIND_BY_NAME: Readonly<Record<string, TableKind>> = {
  communes: "communes",
  cpts: "cpts",
  msp: "msp",
  contrats_am: "contrats_am",
  contratsam: "contrats_am",
  contrats_assistants_medicaux: "contrats_am",
  ald_mt: "ald_mt",
  aldmt: "ald_mt",
  ald_sans_mt: "ald_mt",
  mt_dent: "mt_dent",
  mtdent: "mt_dent",
  m_t_dent: "mt_dent",
  cds: "cds",
  centres_de_sante: "cds",
  imt: "imt",
  depenses_cds: "depenses_cds",
  depensescds: "depenses_cds",
};

/** The source table an Excel table or sheet name stands for (`Contrats_AM`, `contrats am`…). */
export const tableKindOf = (name: string): TableKind | undefined => ownValue(KIND_BY_NAME, normalizeCode(name));

export const TABLE_LABELS: Readonly<Record<TableKind, string>> = {
  communes: "Communes",
  cpts: "CPTS",
  msp: "MSP",
  contrats_am: "Contrats AM",
  ald_mt: "ALD_MT",
  mt_dent: "MT_dent",
  cds: "CDS",
  imt: "IMT",
  depenses_cds: "Depenses_CDS",
};

/** A table as read from a workbook: header cells, then data rows (an Excel table's totals row left out). */
export interface RawTable {
  /** Where it was found: table name or sheet name, for messages. */
  source: string;
  headers: unknown[];
  rows: unknown[][];
  /** Excel row number of the header row (1 when absent): data row i is on Excel row headerRow + 1 + i. */
  headerRow?: number;
  /**
   * What the host found that cannot be read as the table's cells (a formula without a saved result, merged cells,
   * rows typed under the table): each refused with its place; `column` indexes `headers`.
   */
  issues?: TableIssue[];
  /** The workbook counts its dates from 1904 (Mac Excel's old default): a date given as a serial number is shifted. */
  date1904?: boolean;
}

export interface TableIssue {
  /** Excel row; absent for a problem of several rows, which the message names. */
  row?: number;
  column?: number;
  message: string;
  /**
   * The cells the issue covers from (row, column), merged cells: their own problems (a merge's other cells read as
   * blank) are not repeated.
   */
  span?: { rows: number; columns: number };
}

/**
 * The issue of rows typed under an Excel table (or in the column just after it), outside its range: data the table
 * does not hold, refused rather than ignored. `rows` are Excel rows.
 */
export function outsideRowsIssue(rows: readonly number[], tableName: string): TableIssue | undefined {
  if (!rows.length) return undefined;
  const several = rows.length > 1;
  const named = rows.slice(0, ROWS_NAMED).join(", ") + (rows.length > ROWS_NAMED ? ` et ${rows.length - ROWS_NAMED} autres` : "");
  return {
    message: `ligne${several ? "s" : ""} ${named} saisie${several ? "s" : ""} sous ou à côté du tableau Excel « ${tableName} », hors de sa plage : étendre le tableau ou ${several ? "les" : "la"} supprimer`,
  };
}

/**
 * The issue of merged cells in a table's data (`range` as A1, e.g. « B3:B4 »): a merged value belongs to its first cell
 * only; the offline reader would read it once, Office.js gives the other cells as blank. `row` is the Excel row of its
 * top, `column` its first column's index in the table's headers (undefined left of the table).
 */
export const mergedCellsIssue = (range: string, row: number, column: number | undefined, span?: TableIssue["span"]): TableIssue => ({
  row,
  column,
  span,
  message: `cellules fusionnées ${range} : une valeur fusionnée n'appartient qu'à sa première cellule ; annuler la fusion et remplir chaque cellule`,
});

/** Days between the 1900 and 1904 date systems: serial 0 of 1904 is serial 1462 of 1900. */
export const DAYS_1904 = 1462;

/** A date cell in the 1900 system the core reads: a serial number of a 1904 workbook is shifted. */
export const dateCell = (value: unknown, date1904: boolean | undefined): unknown =>
  date1904 && typeof value === "number" && value > 0 ? value + DAYS_1904 : value;

/** Rows a plain range may have above its header (titles, notes): the header is searched within them. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * A source table from a plain range of cells (a sheet's used range): the header is the first row, within the first
 * 20, that holds every required column of `kind` (title rows above it are skipped); without one, the first non-empty
 * row, so the missing columns are reported. `firstRow` is the Excel row of `grid[0]`.
 */
export function tableFromGrid(kind: TableKind, source: string, grid: unknown[][], firstRow = 1): RawTable {
  const required = requiredColumns(kind);
  const holds = (row: unknown[]) => {
    const codes = new Set(row.filter((h): h is string => typeof h === "string").map(columnName.bind(null, kind)));
    return required.every((c) => codes.has(c));
  };
  let header = grid.slice(0, HEADER_SEARCH_ROWS).findIndex(holds);
  if (header < 0)
    header = Math.max(
      0,
      grid.findIndex((row) => !isBlankRow(row)),
    );
  return { source, headers: grid[header] ?? [], rows: grid.slice(header + 1), headerRow: firstRow + header };
}

export interface Problem {
  table: string;
  column?: string;
  /** Excel row the analyst sees. */
  row?: number;
  message: string;
}

export function problemText(p: Problem): string {
  const where = [`tableau ${p.table}`, p.column ? `colonne « ${p.column} »` : "", p.row ? `ligne ${p.row}` : ""].filter(Boolean).join(", ");
  return `${where} : ${p.message}`;
}

/** Rows named in full in a grouped message; the rest are counted. */
export const ROWS_NAMED = 5;

/** « et 14 autres lignes » after the ROWS_NAMED rows a message names (nothing when all are named). */
export const andOthers = (n: number) => (n > 0 ? ` et ${frInteger(n)} autre${n > 1 ? "s" : ""} ligne${n > 1 ? "s" : ""}` : "");

/**
 * Problems grouped by table and column, in their first order: the same message on many rows is one line naming the
 * first five rows, then « et 387 autres lignes »; different messages name their row each, five at most.
 */
export function groupedProblemTexts(problems: readonly Problem[]): string[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = `${p.table}\u0000${p.column ?? ""}\u0000${p.row === undefined ? p.message : ""}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((list) => {
    if (list.length === 1) return problemText(list[0]);
    const { table, column } = list[0];
    const where = [`tableau ${table}`, column ? `colonne « ${column} »` : ""].filter(Boolean).join(", ");
    if (list.every((p) => p.message === list[0].message)) {
      const rows = list.slice(0, ROWS_NAMED).map((p) => p.row);
      return `${where}, lignes ${rows.join(", ")}${andOthers(list.length - rows.length)} : ${list[0].message}`;
    }
    const shown = list.slice(0, ROWS_NAMED).map((p) => `ligne ${p.row} : ${p.message}`);
    return `${where} : ${shown.join(" ; ")}${andOthers(list.length - shown.length)}`;
  });
}

/** A reading applied to cells that were not written in the expected form, with the rows it was applied to. */
export interface Reading {
  table: string;
  /** Empty for a reading of whole rows (blank rows skipped). */
  column: string;
  text: string;
  example: string;
  rows: number[];
  count: number;
}

export function readingText(r: Reading): string {
  const rows = `${r.count > 1 ? "lignes" : "ligne"} ${r.rows.join(", ")}${andOthers(r.count - r.rows.length)}`;
  const where = [`tableau ${r.table}`, r.column ? `colonne « ${r.column} »` : "", rows].filter(Boolean).join(", ");
  return `${where} : ${r.text}${r.example ? ` (ex. ${r.example})` : ""}`;
}

/** What reading the tables produced: the problems that stop the job, and the readings written into « Contrôles ». */
export class ReadLog {
  readonly problems: Problem[] = [];
  private byKey = new Map<string, Reading>();
  problem(p: Problem): void {
    this.problems.push(p);
  }
  reading(table: string, column: string, row: number, text: string, example: string): void {
    this.add(this.entry(table, column, text, example), row);
  }
  /**
   * The line of a reading (created on first use, with its first example), for a reader that applies one reading to
   * many rows and keeps it (`add`), rather than finding it again for each row.
   */
  entry(table: string, column: string, text: string, example: string): Reading {
    const key = `${table}\u0000${column}\u0000${text}`;
    let r = this.byKey.get(key);
    if (!r) this.byKey.set(key, (r = { table, column, text, example, rows: [], count: 0 }));
    return r;
  }
  /** One more row a reading was applied to. */
  add(r: Reading, row: number): void {
    r.count++;
    if (r.rows.length < ROWS_NAMED) r.rows.push(row);
  }
  get readings(): Reading[] {
    return [...this.byKey.values()].filter((r) => r.count > 0);
  }
}

export type Stade = (typeof STADE_CODES)[number];
export const STADES: readonly Stade[] = STADE_CODES;
export const STADE_LABELS: Readonly<Record<Stade, string>> = {
  "1": "Émergence",
  "2": "Élaboration de la lettre d'intention",
  "2bis": "Contrat pour mission précoce",
  "3": "Élaboration du projet de santé",
  "4": "Co-construction de l'ACI",
  "5": "CPTS conventionnée",
};

/**
 * The communes of one département attached to one CPTS (as typed; none: empty), as coverage reads them: their
 * populations summed. A national table's 35 000 communes come to a few thousand groups, so the job keeps no record
 * per commune (in the national compute, each record kept cost about 0.3 µs of fresh memory: docs/performance.md).
 */
export interface CommuneGroup {
  departement: string;
  /** CPTS id as typed (empty when none), and its key for matching (`idKey`). */
  cpts: string;
  cptsKey: string;
  /** Sum of the communes' populations (whole numbers: exact in any order). */
  population: number;
  /** Communes in the group. */
  communes: number;
  /** Excel rows of its first communes (ROWS_NAMED at most), for messages. */
  rows: number[];
}

export interface Cpts {
  id: string;
  /** Id compared without case, accents or surrounding spaces. */
  key: string;
  nom: string;
  departement: string;
  stade: Stade;
  population: number;
  dateSignature?: string;
  membres: number;
  sas: boolean;
  atteinte: Record<"acces" | "parcours" | "prevention" | "qualite" | "accompagnement", number>;
  qualite: boolean;
  accompagnement: boolean;
}

export interface Msp {
  id: string;
  /** Id as compared, grouped and matched between years (`idKey`). */
  key: string;
  nom: string;
  departement: string;
  aci: boolean;
  annee: number;
  /** Year the ACI contract was signed (annee_adhesion or date_adhesion), when the table gives it. */
  anneeAdhesion?: number;
  /** Its ACI remuneration for the year, computed for an MSP under contract only (`aci`). */
  remuneration?: MspPayment;
  /** Excel row of the MSP table it was read from. */
  row: number;
}

export interface ContratAm {
  id: string;
  cpam: string;
  dateSignature: string;
  etp: number;
  regime: Regime;
  bande?: Bande;
  dateFin?: string;
  /** Follow-up of the objective (optional columns): counts at the start and the end of the year followed. */
  pmt?: Counts;
  fa?: Counts;
  /** Increase asked: the `objectif` column, else derived from the band (AM.OBJECTIF); only with a follow-up. */
  objectif?: number;
  /** Centres de santé: ETP of doctors, for the AM.ETP_MAX check. */
  etpMedecins?: number;
  row: number;
}

export interface RegionalTables {
  communes: CommuneGroup[];
  cpts: Cpts[];
  msp: Msp[];
  contratsAm: ContratAm[];
  aldMt: AldMt[];
  mtDent: MtDent[];
  cds: Cds[];
  imt: Imt[];
  depensesCds: DepenseCds[];
}

/** A row of Depenses_CDS: the amount of a prestation for a régime and a year. */
export interface DepenseCds {
  annee: number;
  groupe: string;
  prestation: string;
  regime: RegimeDepenses;
  montant: number;
  pcapFrance?: number;
  row: number;
}

/** A row of IMT: the consultations IMT a CPAM's centres billed in a month (`mois`: YYYY-MM). */
export interface Imt {
  cpam: string;
  mois: string;
  nb: number;
  row: number;
}

/** A row of MT_dent: a CPAM's eligible patients and the examinations done in a year. */
export interface MtDent {
  cpam: string;
  annee: number;
  eligibles: number;
  realises: number;
  tauxMoyenPs?: number;
  row: number;
}

/** A centre de santé. */
export interface Cds {
  id: string;
  nom?: string;
  departement: string;
  type: CdsType;
  specialite?: string;
  row: number;
}

/** A row of ALD_MT: a CPAM's patients in ALD, and those of them without a médecin traitant, on a date. */
export interface AldMt {
  cpam: string;
  date: string;
  ald: number;
  sansMt: number;
  row: number;
}

type Cell = unknown;

/** The declared columns of each table (src/core/inputs/schema.ts), by code. */
const COLUMNS: Readonly<Record<TableKind, ReadonlyMap<string, ColumnEntry>>> = Object.fromEntries(
  Object.entries(TABLE_SCHEMA).map(([kind, entries]) => [kind, new Map(entries.map((e) => [e.code, e]))]),
) as unknown as Record<TableKind, ReadonlyMap<string, ColumnEntry>>;

/** Every column of a table, as declared (required, then optional ones): the sample generator and the tests use it. */
export const tableColumns = (kind: TableKind): string[] => [...COLUMNS[kind].keys()];

export function requiredColumns(kind: TableKind): string[] {
  return TABLE_SCHEMA[kind].filter((c) => c.required).map((c) => c.code);
}

/** The column a header names in a table of `kind` (an MSP field code, or a column of COLUMNS), or undefined. */
function columnName(kind: TableKind, header: string): string | undefined {
  const code = normalizeCode(header);
  if (COLUMNS[kind].has(code)) return code;
  return kind === "msp" ? fieldCode(header) : undefined;
}

/** Maps each known column to its index; reports missing and duplicated columns (other columns are the analyst's own). */
function indexColumns(kind: TableKind, table: RawTable, problems: Problem[]): Map<string, number> | undefined {
  const label = TABLE_LABELS[kind];
  const index = new Map<string, number>();
  const before = problems.length;
  const headerRow = table.headerRow ?? 1;
  table.headers.forEach((header, i) => {
    if (isMissing(header)) return;
    if (typeof header !== "string") {
      problems.push({ table: label, row: headerRow, column: describe(header), message: `en-tête non textuel en colonne ${i + 1}` });
      return;
    }
    const name = columnName(kind, header);
    if (!name) return; // extra columns are the analyst's own: ignored
    if (index.has(name)) problems.push({ table: label, column: header, row: headerRow, message: "colonne présente deux fois" });
    else index.set(name, i);
  });
  for (const name of requiredColumns(kind)) {
    if (!index.has(name)) problems.push({ table: label, column: name, message: "colonne obligatoire absente" });
  }
  return problems.length === before ? index : undefined;
}

function text(value: Cell): string {
  if (isMissing(value)) return "";
  if (typeof value === "number") return String(value);
  return String(value).trim();
}

export const isBlankRow = (row: readonly unknown[]) => row.every(isMissing);

function checkEmptyTable(kind: TableKind, table: RawTable, problems: Problem[]): boolean {
  if (table.rows.every(isBlankRow)) {
    problems.push({ table: TABLE_LABELS[kind], message: "le tableau ne contient aucune ligne de données" });
    return false;
  }
  return true;
}

/** Columns whose values must be unique across the table, as the schema declares (`key`). */
const KEYS: Readonly<Record<TableKind, readonly ColumnEntry[]>> = Object.fromEntries(
  Object.entries(TABLE_SCHEMA).map(([kind, entries]) => [kind, entries.filter((e) => e.key)]),
) as unknown as Record<TableKind, readonly ColumnEntry[]>;

/** A line an analyst wrote by hand to sum the table (« Total », « Sous-total Gironde », « Ensemble »): not data. */
const TOTAL_LABEL = /^(sous_)?total(_|$)|^ensemble$/;
/** Only a cell mentioning « total » or « ensemble » is normalised (the check runs on every row of national tables). */
const MAY_BE_TOTAL = /total|ensemble/i;
/** What a row of a table is: data, blank (every cell empty) or a total line typed by hand; one pass over its cells. */
function rowShape(row: readonly unknown[]): "data" | "blank" | "total" {
  let blank = true;
  let total = false;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isMissing(v)) continue;
    blank = false;
    if (!total && typeof v === "string" && MAY_BE_TOTAL.test(v) && TOTAL_LABEL.test(normalizeCode(v))) total = true;
  }
  return blank ? "blank" : total ? "total" : "data";
}

/**
 * The declared columns of each table by code, with their slot: slot i of a table is the i-th entry of its schema. A
 * reader names its columns once (`slotsOf`), then reads by slot: no lookup by name per cell.
 */
const SLOTS: Readonly<Record<TableKind, ReadonlyMap<string, number>>> = Object.fromEntries(
  Object.entries(TABLE_SCHEMA).map(([kind, entries]) => [kind, new Map(entries.map((e, i) => [e.code, i]))]),
) as unknown as Record<TableKind, ReadonlyMap<string, number>>;

/** The slots of `codes` in the schema of `kind`, resolved once when the module loads (an undeclared code throws there). */
function slotsOf<C extends string>(kind: TableKind, codes: readonly C[]): Readonly<Record<C, number>> {
  const out = {} as Record<C, number>;
  for (const code of codes) {
    const slot = SLOTS[kind].get(code);
    if (slot === undefined) throw new Error(`${kind}: column ${code} not in the schema`);
    out[code] = slot;
  }
  return out;
}

/**
 * Reads the cells of the current row; one reader serves a whole table (tables run to tens of thousands of rows: the
 * header is resolved once into a position per declared column, and a cell is read by its slot, with no closure, lookup
 * or record per cell).
 */
class RowReader {
  values: unknown[] = [];
  row = 0;
  /** A cell of the current row was refused (its problem is logged). */
  refused = false;
  /** Cells an issue of the host already refuses (merged cells), `row:index`: their problems are not repeated. */
  covered = new Set<string>();
  private readonly entries: readonly ColumnEntry[];
  /** Position in the header of each slot's column, -1 when the table has no such column. */
  private readonly position: number[];
  /** The values of the current row read so far, by slot (for the schema's conditions). */
  private readonly done: unknown[];
  /** The table declares conditions on other columns (`requiredWhen`, `when`): only then is `done` cleared per row. */
  private readonly conditional: boolean;
  private readonly note: CellNote = { blank: false, said: undefined };
  /** The reading of each slot's declared default, once it has been said (the same text for every row). */
  private readonly saidOf: (Reading | undefined)[];
  constructor(
    readonly kind: TableKind,
    private index: ReadonlyMap<string, number>,
    readonly table: string,
    private problems: Problem[],
    readonly log: ReadLog,
    readonly date1904 = false,
  ) {
    this.entries = TABLE_SCHEMA[kind];
    this.position = this.entries.map((e) => index.get(e.code) ?? -1);
    this.done = this.entries.map(() => undefined);
    this.conditional = this.entries.some((e) => e.requiredWhen || (e.blank.means === "default" && e.blank.when));
    this.saidOf = this.entries.map(() => undefined);
  }
  /** Sets the row read next. */
  start(values: unknown[], row: number): void {
    this.values = values;
    this.row = row;
    if (this.conditional) this.done.fill(undefined);
    this.refused = false;
  }
  /** The cell of a slot in the current row, as typed. */
  cell(slot: number): Cell {
    const i = this.position[slot];
    return i < 0 ? undefined : this.values[i];
  }
  /** Runs `read` on one cell, turning its DomainError into a problem on that cell. */
  at<U>(slot: number, read: (v: Cell) => U): U | undefined {
    try {
      return read(this.cell(slot));
    } catch (error) {
      return this.refuse(slot, error);
    }
  }
  /** A cell refused: its problem logged (unless the host's issue already covers it), the row marked. */
  private refuse(slot: number, error: unknown): undefined {
    if (!(error instanceof DomainError)) throw error;
    return this.invalid(slot, error.reason);
  }
  /** Refuses the cell of a slot with `message`, as `read` refuses a value (undefined, for `return r.invalid(…)`). */
  invalid(slot: number, message: string): undefined {
    if (!this.covered.size || !this.covered.has(`${this.row}:${this.position[slot]}`))
      this.problems.push({ table: this.table, column: this.entries[slot].code, row: this.row, message });
    this.refused = true;
    return undefined;
  }
  /** Refuses the current row on `column` with `message` (its problem logged); undefined, for `return r.reject(…)`. */
  reject(column: string, message: string): undefined {
    this.problems.push({ table: this.table, column, row: this.row, message });
    return undefined;
  }
  /** A value of the row already read, by code (the schema's conditions, on blank cells only); bound once. */
  private readonly readSoFar = (column: string): unknown => this.done[SLOTS[this.kind].get(column)!];
  /** Whether a column of the current row holds a value (the schema's conditions); bound once. */
  private readonly given = (column: string): boolean => !isMissing(this.cell(SLOTS[this.kind].get(column)!));
  /**
   * A cell read as the schema declares its column: a refused value is a problem on the cell (`refused` set, undefined
   * returned); a default the declaration says is written into « Contrôles »; a territorial code's reading is logged;
   * a date is read in the workbook's date system and checked against the first day of its rules.
   */
  read(slot: number): unknown {
    const entry = this.entries[slot];
    const raw = this.cell(slot);
    const note = this.note;
    let value: unknown;
    try {
      value = readColumn(entry, raw, this.readSoFar, this.given, note);
    } catch (error) {
      return this.refuse(slot, error);
    }
    if (note.said) this.log.add((this.saidOf[slot] ??= this.log.entry(this.table, entry.code, note.said, "")), this.row);
    if (!note.blank && (entry.kind === "commune" || entry.kind === "departement")) {
      const code = value as CodeReading;
      if (code.reading) this.log.reading(this.table, entry.code, this.row, code.reading, `« ${describe(raw)} » → ${code.code}`);
      value = code.code;
    } else if (!note.blank && entry.kind === "date") {
      try {
        const column = entry.code;
        const iso = parseDate(dateCell(raw, this.date1904), column);
        const earliest = entry.earliest;
        if (earliest && iso < earliest.date)
          fail(column, `date du ${frenchDate(iso)} antérieure à ${earliest.text} (${frenchDate(earliest.date)}) : vérifier l'année`);
        if (iso > LATEST_DATE) fail(column, `date du ${frenchDate(iso)} invraisemblable : vérifier l'année`);
        value = iso;
      } catch (error) {
        return this.refuse(slot, error);
      }
    }
    this.done[slot] = value;
    return value;
  }
  /**
   * Runs a rule of the core on the row's values (the aid of its first contract year), turning its DomainError into a
   * problem on the column the error names: what the functions would refuse is refused here, on its row.
   */
  rule<A, U>(run: (input: A) => U, input: A): U | undefined {
    try {
      return run(input);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const column = this.index.has(error.argument) ? error.argument : undefined;
      this.problems.push({ table: this.table, column, row: this.row, message: error.reason });
      return undefined;
    }
  }
}

/** Dates after this one are typing errors (reference years stop at 2100). */
const LATEST_DATE = "2100-12-31";

/** The key of a row: its key columns' values folded by `keyOf`, joined. */
function rowKey(entries: readonly ColumnEntry[], columns: readonly number[], values: readonly unknown[]): string {
  let key = keyOf(entries[0], values[columns[0]]);
  for (let j = 1; j < columns.length; j++) key += "\u0000" + keyOf(entries[j], values[columns[j]]);
  return key;
}

function readRows<T>(kind: TableKind, table: RawTable, log: ReadLog, build: (r: RowReader) => T | undefined): T[] {
  const problems = log.problems;
  const label = TABLE_LABELS[kind];
  const index = indexColumns(kind, table, problems);
  if (!index || !checkEmptyTable(kind, table, problems)) return [];
  // grown row by row: an array sized for a national table up front is a large object, allocated in fresh memory and
  // written into from the old generation (measured: the Contrats AM table read in 21 ms instead of 31)
  const out: T[] = [];
  // the key of each row, checked in the same pass: a later row with a key already seen is refused naming the first
  // (said after the rows' own problems)
  const duplicates: Problem[] = [];
  const keyEntries = KEYS[kind];
  const keyLabel = keyEntries.map((e) => e.code).join(", ");
  const keyColumns = keyEntries.map((c) => index.get(c.code)!);
  const first = firstRows(table.rows.length, (j) => rowKey(keyEntries, keyColumns, table.rows[j]));
  const reader = new RowReader(kind, index, label, problems, log, table.date1904);
  for (const issue of table.issues ?? []) {
    const header = issue.column === undefined ? undefined : table.headers[issue.column];
    problems.push({ table: label, column: typeof header === "string" ? header : undefined, row: issue.row, message: issue.message });
    if (issue.span && issue.row !== undefined && issue.column !== undefined)
      for (let r = 0; r < issue.span.rows; r++) for (let c = 0; c < issue.span.columns; c++) reader.covered.add(`${issue.row + r}:${issue.column + c}`);
  }
  const firstDataRow = (table.headerRow ?? 1) + 1;
  let blanks: number[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const values = table.rows[i];
    const shape = rowShape(values);
    if (shape === "blank") {
      blanks.push(firstDataRow + i);
      continue;
    }
    // blank rows between data rows are skipped, and said (trailing blank rows of a table are not)
    if (blanks.length) {
      for (const row of blanks) log.reading(label, "", row, "ligne vide entre des lignes de données, ignorée", "");
      blanks = [];
    }
    const row = firstDataRow + i;
    if (shape === "total") {
      problems.push({
        table: label,
        row,
        message:
          "ligne de total saisie à la main : le complément calcule les totaux ; supprimer cette ligne (la ligne de total d'un tableau Excel est, elle, ignorée)",
      });
      continue;
    }
    const key = text(values[keyColumns[0]]) ? rowKey(keyEntries, keyColumns, values) : "";
    if (key) {
      const f = first.seen(key, i);
      if (f >= 0) {
        const id = keyColumns.map((k) => text(values[k])).join(" / ");
        duplicates.push({ table: label, column: keyLabel, row, message: `identifiant « ${id} » déjà utilisé ligne ${firstDataRow + f}` });
      }
    }
    reader.start(values, row);
    const item = build(reader);
    if (item !== undefined) out.push(item);
  }
  problems.push(...duplicates);
  return out;
}

const COMMUNE = slotsOf("communes", ["code_commune", "departement", "population", "cpts"]);

/**
 * The Communes table, each row checked as the schema declares and its population added to its group (département and
 * CPTS). The groups come in the order of their first commune: the first commune of a group returns it, the others add
 * to it.
 */
export function readCommunes(table: RawTable, log: ReadLog): CommuneGroup[] {
  // thousands of communes name a few hundred CPTS: each id folded once
  const cptsKey = memo(idKey);
  const byDepartement = new Map<string, Map<string, CommuneGroup>>();
  return readRows("communes", table, log, (r) => {
    const codeCommune = r.read(COMMUNE.code_commune) as string;
    const departement = r.read(COMMUNE.departement) as string;
    const population = r.read(COMMUNE.population) as number;
    const cpts = (r.read(COMMUNE.cpts) as string | undefined) ?? "";
    if (r.refused) return undefined;
    if (!inDepartement(codeCommune, departement))
      return r.reject(
        "departement",
        `la commune ${codeCommune} n'est pas dans le département ${departement} (son code commence par ${departementOfCommune(codeCommune)})`,
      );
    let groups = byDepartement.get(departement);
    if (!groups) byDepartement.set(departement, (groups = new Map()));
    const group = groups.get(cpts);
    if (group) {
      group.population += population;
      group.communes++;
      if (group.rows.length < ROWS_NAMED) group.rows.push(r.row);
      return undefined;
    }
    const created: CommuneGroup = { departement, cpts, cptsKey: cpts ? cptsKey(cpts) : "", population, communes: 1, rows: [r.row] };
    groups.set(cpts, created);
    return created;
  });
}

/** The stage of a CPTS at `date`: a CPTS conventionnée after that date was still a project (stade 4) then. */
export function stadeAt(cpts: Cpts, date: string): Stade {
  return cpts.stade === "5" && cpts.dateSignature !== undefined && cpts.dateSignature > date ? "4" : cpts.stade;
}

const CPTS = slotsOf("cpts", [
  "id",
  "nom",
  "departement",
  "stade",
  "population",
  "date_signature",
  "membres",
  "sas",
  "atteinte_acces",
  "atteinte_parcours",
  "atteinte_prevention",
  "atteinte_qualite",
  "atteinte_accompagnement",
  "qualite",
  "accompagnement",
]);

export function readCpts(table: RawTable, log: ReadLog): Cpts[] {
  return readRows("cpts", table, log, (r) => {
    const id = r.read(CPTS.id) as string;
    const nom = (r.read(CPTS.nom) as string | undefined) ?? "";
    const departement = r.read(CPTS.departement) as string;
    const stade = r.read(CPTS.stade) as Stade;
    const population = r.read(CPTS.population) as number;
    const dateSignature = r.read(CPTS.date_signature) as string | undefined;
    const membres = r.read(CPTS.membres) as number;
    const sas = r.read(CPTS.sas) as boolean;
    const atteinte = {
      acces: r.read(CPTS.atteinte_acces) as number,
      parcours: r.read(CPTS.atteinte_parcours) as number,
      prevention: r.read(CPTS.atteinte_prevention) as number,
      qualite: r.read(CPTS.atteinte_qualite) as number,
      accompagnement: r.read(CPTS.atteinte_accompagnement) as number,
    };
    const qualite = r.read(CPTS.qualite) as boolean;
    const accompagnement = r.read(CPTS.accompagnement) as boolean;
    if (r.refused) return undefined;
    return { id, key: idKey(id), nom, departement, stade, population, dateSignature, membres, sas, atteinte, qualite, accompagnement };
  });
}

const DATE_FIELDS: ReadonlySet<FieldCode> = new Set<FieldCode>(["si_date", "date_adhesion", "si_avance_date"]);

/** Remuneration years after this one are typing errors (reference years stop at 2100). */
const LATEST_YEAR = 2100;

const MSP = slotsOf("msp", ["id", "nom", "departement", "aci"]);

export function readMspTable(table: RawTable, log: ReadLog): Msp[] {
  const label = TABLE_LABELS.msp;
  const fieldColumns: [FieldCode, number][] = [];
  table.headers.forEach((h, i) => {
    const code = typeof h === "string" ? fieldCode(h) : undefined;
    if (code) fieldColumns.push([code, i]);
  });
  // the field codes once, and one array of cells refilled for each row: the layout is worked out once for the table
  const codes = fieldColumns.map(([code]) => code);
  const isDate = codes.map((code) => DATE_FIELDS.has(code));
  const cells: unknown[] = codes.map(() => undefined);
  const msp = readRows("msp", table, log, (r) => {
    const row = r.row;
    const id = r.read(MSP.id) as string;
    const nom = (r.read(MSP.nom) as string | undefined) ?? "";
    const departement = r.read(MSP.departement) as string;
    const aci = r.read(MSP.aci) as boolean;
    let remuneration: MspPayment | undefined;
    let annee: number | undefined;
    let anneeAdhesion: number | undefined;
    for (let k = 0; k < fieldColumns.length; k++) {
      const value = r.values[fieldColumns[k][1]];
      cells[k] = isDate[k] ? dateCell(value, table.date1904) : value;
    }
    try {
      const input = readMspRow(codes, cells);
      // a table row gives its year: the current year (the functions' default) would fall on a year without data
      if (!isGiven(input, "annee")) fail("annee", "année de rémunération obligatoire pour chaque ligne (ex. 2022)");
      anneeAdhesion = input.adhesionDate ? yearOf(input.adhesionDate) : input.values.annee_adhesion || undefined;
      annee = input.values.annee;
      if (annee > LATEST_YEAR) fail("annee", `année ${annee} invraisemblable : vérifier la saisie`);
      mspRulesFor(annee);
      // an MSP without a contract is paid nothing: its ACI columns may be left blank
      if (aci) remuneration = mspPayment(input);
      for (const field of remuneration?.champsIgnores ?? [])
        log.reading(label, field, row, `champ de l'avenant 1 ignoré pour ${annee} (règles de l'ACI 2017, comme ACI.MSP_EUROS)`, "");
      for (const { own, national } of aci ? blankOwnRates(input) : [])
        log.reading(label, own, row, `cellule vide lue comme 0 % alors que ${national} est renseigné : pas de majoration précarité sur ce taux`, "");
      if (aci && anneeAdhesion === undefined) {
        log.reading(
          label,
          "annee_adhesion",
          row,
          "MSP sous contrat sans année de signature (annee_adhesion ou date_adhesion vide) : hors du tableau des adhésions par année, et sans la dérogation des nouvelles structures",
          "",
        );
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      log.problem({ table: label, column: error.argument, row, message: error.reason });
      annee = undefined;
    }
    if (r.refused || annee === undefined) return undefined;
    return { id, key: idKey(id), nom, departement, aci, annee, anneeAdhesion, remuneration, row };
  });
  checkPrerequisiteColumns(msp, new Set(fieldColumns.map(([code]) => code)), log);
  return msp;
}

/**
 * A prerequisite's column missing from the table (crise_plan in a table built before 2023): every MSP under contract
 * of the years that require it would be paid nothing. Refused, naming the column and the years.
 */
function checkPrerequisiteColumns(msp: readonly Msp[], columns: ReadonlySet<FieldCode>, log: ReadLog): void {
  const years = new Map<FieldCode, Set<number>>();
  for (const year of new Set(msp.filter((m) => m.aci).map((m) => m.annee))) {
    for (const field of prerequisiteFields(year)) {
      if (columns.has(field)) continue;
      if (!years.has(field)) years.set(field, new Set());
      years.get(field)!.add(year);
    }
  }
  for (const [field, set] of years) {
    const list = [...set].sort((a, b) => a - b).join(", ");
    log.problem({
      table: TABLE_LABELS.msp,
      column: field,
      message: `colonne absente : ${FIELD_LABELS[field]}, prérequis de l'ACI MSP en ${list} ; sans elle aucune MSP sous contrat de ${set.size > 1 ? "ces années" : "cette année"} ne serait rémunérée : l'ajouter (1 ou 0 pour chaque MSP)`,
    });
  }
}

const AM = slotsOf("contrats_am", [
  "id",
  "date_signature",
  "etp",
  "regime",
  "bande",
  "date_fin",
  "objectif",
  "etp_medecins",
  "pmt_depart",
  "pmt_fin",
  "fa_depart",
  "fa_fin",
]);

/**
 * `regions`: the workbook's region (that of its Communes, CPTS or MSP tables) in which CPAM codes are read; empty, the
 * single region into which every CPAM value of the table reads.
 */
export function readContratsAm(table: RawTable, log: ReadLog, regions: ReadonlySet<string> = new Set()): ContratAm[] {
  const cpamOf = cpamReader("contrats_am", table, log, regions);
  return readRows("contrats_am", table, log, (r) => {
    const row = r.row;
    const id = r.read(AM.id) as string;
    // a CPAM code is read in the workbook's region: the schema refuses the blank, the region decides the caisse
    const cpam = cpamOf(r);
    const dateSignature = r.read(AM.date_signature) as string;
    const etp = r.read(AM.etp) as number;
    const regime = r.read(AM.regime) as Regime;
    const bande = r.read(AM.bande) as Bande | undefined;
    const dateFin = r.read(AM.date_fin) as string | undefined;
    const pmt = counts(r, AM.pmt_depart, AM.pmt_fin);
    const fa = counts(r, AM.fa_depart, AM.fa_fin);
    const objectifCell = r.read(AM.objectif) as number | undefined;
    const etpMedecins = r.read(AM.etp_medecins) as number | undefined;
    if (r.refused) return undefined;
    if (dateFin && dateFin < dateSignature!) return r.reject("date_fin", "date de fin antérieure à la date de signature");
    const max = regime === "cds" ? entryAt(CDS_MAX_ETP.series, dateSignature!)?.value : undefined;
    if (max !== undefined && etp! > max) return r.reject("etp", `${frNumber(etp!)} ETP d'assistant médical : un centre de santé en finance ${max} au plus`);
    // a contract AM.AID refuses (a libéral 0,4 ETP, a centre de santé before the avenant 3) is refused for the whole
    // job, never counted in one table and left out of another
    const contrat: ContratAm = {
      id: id!,
      cpam: cpam!,
      dateSignature: dateSignature!,
      etp: etp!,
      regime: regime!,
      bande,
      dateFin,
      pmt: pmt ?? undefined,
      fa: fa ?? undefined,
      objectif: objectifCell,
      etpMedecins,
      row,
    };
    if (r.rule(firstYearLine, contrat) === undefined) return undefined;
    if ((pmt || fa) && objectifCell === undefined) {
      // the objective the contract asks for, from its band (AM.OBJECTIF), when the column is empty
      contrat.objectif = r.at(AM.objectif, () => {
        if (!bande) fail("objectif", "objectif (ou bande) nécessaire pour le suivi de l'objectif (colonnes pmt_depart, pmt_fin…)");
        return amObjective({ bande, regime: regime!, etp: etp!, dateSignature: dateSignature! });
      });
      if (contrat.objectif === undefined) return undefined;
    }
    return contrat;
  });
}

/** The table line of a contract's first year: what AM.AID refuses for it, the reader refuses. */
const firstYearLine = (c: ContratAm) => aidLine(c, 1);

/** A pair of count columns (start, end): both empty (no follow-up) or both given (the schema's requiredWhen). */
function counts(r: RowReader, start: number, end: number): Counts | undefined {
  const depart = r.read(start) as number | undefined;
  const fin = r.read(end) as number | undefined;
  return depart === undefined || fin === undefined ? undefined : { depart, fin };
}

/**
 * The CPAM cell of a row, read in the workbook's region (`regions`), else in the single region into which every CPAM
 * value of the table reads (a caisse number such as 641 or 131 tells it); the reading said in Contrôles.
 */
function cpamReader(kind: TableKind, table: RawTable, log: ReadLog, regions: ReadonlySet<string>): (r: RowReader) => string | undefined {
  const slot = SLOTS[kind].get("cpam")!;
  const column = table.headers.findIndex((h) => typeof h === "string" && normalizeCode(h) === "cpam");
  const inRegions = regions.size || column < 0 ? regions : regionOfCpams(table.rows.map((row) => row[column]));
  // a table holds a few dozen distinct CPAM cells over thousands of rows: each read once (the reading is pure)
  const readings = new Map<unknown, { read: ReturnType<typeof readCpam>; example: string; logged?: Reading }>();
  const readOnce = (v: unknown) => {
    let once = readings.get(v);
    if (!once) {
      const read = readCpam(v, inRegions);
      readings.set(v, (once = { read, example: "error" in read ? "" : `« ${describe(v)} » → ${read.caisse.code} (${read.caisse.nom})` }));
    }
    return once;
  };
  return (r) => {
    const v = r.read(slot);
    if (v === undefined) return undefined;
    const once = readOnce(v);
    const { read } = once;
    if ("error" in read) return r.invalid(slot, read.error);
    // the reading of a value is one line of « Contrôles », found once per distinct value
    if (read.reading) log.add((once.logged ??= log.entry(r.table, "cpam", read.reading, once.example)), r.row);
    return read.caisse.code;
  };
}

/**
 * A table's rows keyed by values once read (a CPAM code read in its region, a date whatever its spelling, where the
 * schema's `key` compares the cells as typed): `first(key, column, row, what)` is true for the first row with a key
 * and refuses a later one, naming the first (« … (ligne 3) »).
 */
function firstRowOf(label: string, log: ReadLog): (key: string, column: string, row: number, what: string) => boolean {
  const seen = new Map<string, number>();
  return (key, column, row, what) => {
    const first = seen.get(key);
    if (first !== undefined) {
      log.problem({ table: label, column, row, message: `${what} (ligne ${first})` });
      return false;
    }
    seen.set(key, row);
    return true;
  };
}

const ALD = slotsOf("ald_mt", ["date", "patients_ald", "patients_ald_sans_mt"]);

/**
 * The ALD_MT table: one row per CPAM and date, CPAM codes read in the table's region (the caisse numbers of the
 * extraction: `41` is the caisse 041, Alpes-de-Haute-Provence). A CPAM given twice on one date, or more patients
 * without MT than in ALD, is refused on its row.
 */
export function readAldMt(table: RawTable, log: ReadLog, regions: ReadonlySet<string> = new Set()): AldMt[] {
  const cpamOf = cpamReader("ald_mt", table, log, regions);
  const label = TABLE_LABELS.ald_mt;
  const first = firstRowOf(label, log);
  return readRows("ald_mt", table, log, (r) => {
    const row = r.row;
    const cpam = cpamOf(r);
    const date = r.read(ALD.date) as string;
    const ald = r.read(ALD.patients_ald) as number;
    const sansMt = r.read(ALD.patients_ald_sans_mt) as number;
    if (r.refused || cpam === undefined) return undefined;
    if (sansMt > ald)
      return r.reject(
        "patients_ald_sans_mt",
        `${frNumber(sansMt)} patients en ALD sans médecin traitant pour ${frNumber(ald)} patients en ALD : ce sont des patients en ALD ; vérifier la saisie (colonnes inversées ?)`,
      );
    if (!first(`${cpam}|${date}`, "cpam", row, `CPAM ${cpam} déjà donnée pour le ${frenchDate(date)}`)) return undefined;
    return { cpam, date, ald, sansMt, row };
  });
}

const MTD = slotsOf("mt_dent", ["annee", "patients_eligibles", "ebd_realises", "taux_moyen_ps"]);

/** The MT_dent table: one row per CPAM and year; more examinations than eligible patients, or a pair twice, refused. */
export function readMtDent(table: RawTable, log: ReadLog, regions: ReadonlySet<string> = new Set()): MtDent[] {
  const cpamOf = cpamReader("mt_dent", table, log, regions);
  const label = TABLE_LABELS.mt_dent;
  const first = firstRowOf(label, log);
  return readRows("mt_dent", table, log, (r) => {
    const row = r.row;
    const cpam = cpamOf(r);
    const annee = r.read(MTD.annee) as number;
    const eligibles = r.read(MTD.patients_eligibles) as number;
    const realises = r.read(MTD.ebd_realises) as number;
    const tauxMoyenPs = r.read(MTD.taux_moyen_ps) as number | undefined;
    if (r.refused || cpam === undefined) return undefined;
    if (realises > eligibles)
      return r.reject(
        "ebd_realises",
        `${frNumber(realises)} examens réalisés pour ${frNumber(eligibles)} patients éligibles : vérifier la saisie (colonnes inversées ?)`,
      );
    if (!first(`${cpam}|${annee}`, "cpam", row, `CPAM ${cpam} déjà donnée pour ${annee}`)) return undefined;
    return { cpam, annee, eligibles, realises, tauxMoyenPs, row };
  });
}

const CDS = slotsOf("cds", ["id", "nom", "departement", "type", "specialite"]);

/** The CDS table: one row per centre (its id is the key). */
export function readCdsTable(table: RawTable, log: ReadLog): Cds[] {
  return readRows("cds", table, log, (r) => {
    const id = r.read(CDS.id) as string;
    const nom = r.read(CDS.nom) as string | undefined;
    const departement = r.read(CDS.departement) as string;
    const type = r.read(CDS.type) as CdsType;
    const specialite = r.read(CDS.specialite) as string | undefined;
    if (r.refused) return undefined;
    return { id, nom, departement, type, specialite, row: r.row };
  });
}

const IMT = slotsOf("imt", ["mois", "nb_imt"]);

/** The IMT table: one row per CPAM and month; a month before the consultation existed (15/05/2023), or twice, refused. */
export function readImt(table: RawTable, log: ReadLog, regions: ReadonlySet<string> = new Set()): Imt[] {
  const cpamOf = cpamReader("imt", table, log, regions);
  const label = TABLE_LABELS.imt;
  const first = firstRowOf(label, log);
  return readRows("imt", table, log, (r) => {
    const row = r.row;
    const cpam = cpamOf(r);
    const date = r.read(IMT.mois) as string;
    const nb = r.read(IMT.nb_imt) as number;
    if (r.refused || cpam === undefined) return undefined;
    const mois = date.slice(0, 7);
    if (mois < IMT_START.slice(0, 7))
      return r.reject("mois", `mois ${mois.slice(5)}/${mois.slice(0, 4)} : la consultation IMT est facturable depuis le ${frenchDate(IMT_START)}`);
    if (!first(`${cpam}|${mois}`, "mois", row, `CPAM ${cpam} déjà donnée pour le mois ${mois.slice(5)}/${mois.slice(0, 4)}`)) return undefined;
    return { cpam, mois, nb, row };
  });
}

const DEP = slotsOf("depenses_cds", ["annee", "groupe", "prestation", "regime", "montant", "pcap_france"]);

/** The Depenses_CDS table: a prestation given twice for one régime and year is refused on its row. */
export function readDepensesCds(table: RawTable, log: ReadLog): DepenseCds[] {
  const label = TABLE_LABELS.depenses_cds;
  const first = firstRowOf(label, log);
  return readRows("depenses_cds", table, log, (r) => {
    const row = r.row;
    const annee = r.read(DEP.annee) as number;
    const groupe = r.read(DEP.groupe) as string;
    const prestation = r.read(DEP.prestation) as string;
    const regime = r.read(DEP.regime) as RegimeDepenses;
    const montant = r.read(DEP.montant) as number;
    const pcapFrance = r.read(DEP.pcap_france) as number | undefined;
    if (r.refused) return undefined;
    if (!first(`${annee}|${idKey(groupe)}|${idKey(prestation)}|${regime}`, "prestation", row, `« ${prestation} » déjà donnée pour ${regime} en ${annee}`))
      return undefined;
    return { annee, groupe, prestation, regime, montant, pcapFrance, row };
  });
}
