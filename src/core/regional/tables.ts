/**
 * The analyst's four source tables, as the task pane and the offline job read
 * them: a header row and data rows. Headers are matched without case or
 * accents; every problem names the table, the column and the row (row 1 is the
 * header, so data rows start at 2, as the analyst sees them in Excel).
 */
import type { Bande, Regime } from "../assistant-medical";
import { readBande, readEtp, readRegime } from "../assistant-medical/codes";
import { computeMsp, fieldCode, readMspFields, type FieldCode, type MspResult } from "../aci-msp";
import { describe, parseDate } from "../dates";
import { DomainError } from "../errors";
import { normalizeCode } from "../text";
import { isMissing, readBoolean, readNonNegative, readNonNegativeInteger, readRate } from "../values";

export type TableKind = "communes" | "cpts" | "msp" | "contrats_am";

const KIND_BY_NAME: Readonly<Record<string, TableKind>> = {
  communes: "communes",
  cpts: "cpts",
  msp: "msp",
  contrats_am: "contrats_am",
  contratsam: "contrats_am",
  contrats_assistants_medicaux: "contrats_am",
};

/** The source table an Excel table or sheet name stands for (`Contrats_AM`, `contrats am`…). */
export const tableKindOf = (name: string): TableKind | undefined => KIND_BY_NAME[normalizeCode(name)];

export const TABLE_LABELS: Readonly<Record<TableKind, string>> = {
  communes: "Communes",
  cpts: "CPTS",
  msp: "MSP",
  contrats_am: "Contrats AM",
};

/** A table as read from a workbook: header cells, then data rows. */
export interface RawTable {
  /** Where it was found: table name or sheet name, for messages. */
  source: string;
  headers: unknown[];
  rows: unknown[][];
}

export interface Problem {
  table: string;
  column?: string;
  /** Row as numbered in the sheet's table: 1 = header row. */
  row?: number;
  message: string;
}

export function problemText(p: Problem): string {
  const where = [`tableau ${p.table}`, p.column ? `colonne « ${p.column} »` : "", p.row ? `ligne ${p.row}` : ""].filter(Boolean).join(", ");
  return `${where} : ${p.message}`;
}

export type Stade = "1" | "2" | "2bis" | "3" | "4" | "5";
export const STADES: readonly Stade[] = ["1", "2", "2bis", "3", "4", "5"];
export const STADE_LABELS: Readonly<Record<Stade, string>> = {
  "1": "Émergence",
  "2": "Élaboration de la lettre d'intention",
  "2bis": "Contrat pour mission précoce",
  "3": "Élaboration du projet de santé",
  "4": "Co-construction de l'ACI",
  "5": "CPTS conventionnée",
};

export interface Commune {
  code: string;
  departement: string;
  population: number;
  cpts: string;
}

export interface Cpts {
  id: string;
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
  nom: string;
  departement: string;
  aci: boolean;
  annee: number;
  remuneration: MspResult;
}

export interface ContratAm {
  id: string;
  cpam: string;
  dateSignature: string;
  etp: number;
  regime: Regime;
  bande?: Bande;
  dateFin?: string;
}

export interface RegionalTables {
  communes: Commune[];
  cpts: Cpts[];
  msp: Msp[];
  contratsAm: ContratAm[];
}

type Cell = unknown;

interface ColumnSpec {
  required: boolean;
}

const COLUMNS: Readonly<Record<TableKind, Readonly<Record<string, ColumnSpec>>>> = {
  communes: { code_commune: { required: true }, departement: { required: true }, population: { required: true }, cpts: { required: true } },
  cpts: {
    id: { required: true },
    nom: { required: true },
    departement: { required: true },
    stade: { required: true },
    population: { required: true },
    date_signature: { required: true },
    membres: { required: true },
    sas: { required: true },
    atteinte_acces: { required: false },
    atteinte_parcours: { required: false },
    atteinte_prevention: { required: false },
    atteinte_qualite: { required: false },
    atteinte_accompagnement: { required: false },
    qualite: { required: false },
    accompagnement: { required: false },
  },
  msp: { id: { required: true }, nom: { required: true }, departement: { required: true }, aci: { required: true }, annee: { required: true } },
  contrats_am: {
    id: { required: true },
    cpam: { required: true },
    date_signature: { required: true },
    etp: { required: true },
    regime: { required: true },
    bande: { required: true },
    date_fin: { required: false },
  },
};

export function requiredColumns(kind: TableKind): string[] {
  return Object.entries(COLUMNS[kind])
    .filter(([, c]) => c.required)
    .map(([name]) => name);
}

/** Maps each known column to its index; reports missing and duplicated columns (other columns are the analyst's own). */
function indexColumns(kind: TableKind, table: RawTable, problems: Problem[]): Map<string, number> | undefined {
  const label = TABLE_LABELS[kind];
  const index = new Map<string, number>();
  const before = problems.length;
  table.headers.forEach((header, i) => {
    if (isMissing(header)) return;
    if (typeof header !== "string") {
      problems.push({ table: label, row: 1, column: describe(header), message: `en-tête non textuel en colonne ${i + 1}` });
      return;
    }
    const code = normalizeCode(header);
    const known = code in COLUMNS[kind] || (kind === "msp" && fieldCode(header) !== undefined);
    if (!known) return; // extra columns are the analyst's own: ignored
    const name = kind === "msp" && fieldCode(header) ? fieldCode(header)! : code;
    if (index.has(name)) problems.push({ table: label, column: header, row: 1, message: "colonne présente deux fois" });
    else index.set(name, i);
  });
  for (const name of requiredColumns(kind)) {
    if (!index.has(name)) problems.push({ table: label, column: name, message: "colonne obligatoire absente" });
  }
  return problems.length === before ? index : undefined;
}

/**
 * Territorial codes lose their leading zeros when Excel stores them as numbers
 * (1 for « 01 », 1001 for « 01001 »): give them back their width.
 */
function code(value: Cell, width: number): string {
  const t = text(value);
  return /^\d+$/.test(t) && t.length < width ? t.padStart(width, "0") : t;
}
const departementCode = (v: Cell) => code(v, 2);

function text(value: Cell): string {
  if (isMissing(value)) return "";
  if (typeof value === "number") return String(value);
  return String(value).trim();
}

const isBlankRow = (row: unknown[]) => row.every(isMissing);

function checkEmptyTable(kind: TableKind, table: RawTable, problems: Problem[]): boolean {
  if (table.rows.every(isBlankRow)) {
    problems.push({ table: TABLE_LABELS[kind], message: "le tableau ne contient aucune ligne de données" });
    return false;
  }
  return true;
}

function checkDuplicates(label: string, ids: { id: string; row: number }[], problems: Problem[], key = "id"): void {
  const seen = new Map<string, number>();
  for (const { id, row } of ids) {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ table: label, column: key, row, message: `identifiant « ${id} » déjà utilisé ligne ${first}` });
    else seen.set(id, row);
  }
}

/** Columns whose values must be unique across the table (duplicates are checked on every row, valid or not). */
const KEYS: Readonly<Record<TableKind, readonly string[]>> = {
  communes: ["code_commune"],
  cpts: ["id"],
  msp: ["id", "annee"],
  contrats_am: ["id"],
};

/**
 * Reads the cells of the current row; one reader serves a whole table (tables
 * run to tens of thousands of rows: no closure per row or per cell).
 */
class RowReader {
  values: unknown[] = [];
  row = 0;
  constructor(
    private index: ReadonlyMap<string, number>,
    private table: string,
    private problems: Problem[],
  ) {}
  get(column: string): Cell {
    const i = this.index.get(column);
    return i === undefined ? undefined : this.values[i];
  }
  /** Runs `read` on one cell, turning its DomainError into a problem on that cell. */
  at<U>(column: string, read: (v: Cell) => U): U | undefined {
    try {
      return read(this.get(column));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.problems.push({ table: this.table, column, row: this.row, message: error.message.replace(/^[^:]+ : /, "") });
      return undefined;
    }
  }
}

function readRows<T>(kind: TableKind, table: RawTable, problems: Problem[], build: (r: RowReader) => T | undefined): T[] {
  const label = TABLE_LABELS[kind];
  const index = indexColumns(kind, table, problems);
  if (!index || !checkEmptyTable(kind, table, problems)) return [];
  const out: T[] = [];
  const keys: { id: string; row: number }[] = [];
  const keyColumns = KEYS[kind].map((c) => index.get(c)!);
  const reader = new RowReader(index, label, problems);
  for (let i = 0; i < table.rows.length; i++) {
    const values = table.rows[i];
    if (isBlankRow(values)) continue;
    reader.values = values;
    reader.row = i + 2;
    // commune codes are compared once their leading zeros are back (1001 and 01001 are the same commune)
    const keyText = (k: number) => (kind === "communes" ? code(values[k], 5) : text(values[k]));
    const id = keyColumns.length === 1 ? keyText(keyColumns[0]) : keyColumns.map(keyText).join(" / ");
    if (text(values[keyColumns[0]])) keys.push({ id, row: reader.row });
    const item = build(reader);
    if (item !== undefined) out.push(item);
  }
  checkDuplicates(label, keys, problems, KEYS[kind].join(", "));
  return out;
}

const requiredText = (column: string) => (v: Cell) => {
  const t = text(v);
  if (!t) throw new DomainError(column, "valeur obligatoire manquante");
  return t;
};

export function readCommunes(table: RawTable, problems: Problem[]): Commune[] {
  return readRows("communes", table, problems, (r) => {
    const codeCommune = r.at("code_commune", (v) => code(requiredText("code_commune")(v), 5));
    const departement = r.at("departement", (v) => departementCode(requiredText("departement")(v)));
    const population = r.at("population", (v) => readNonNegative(v, "population"));
    if (codeCommune === undefined || departement === undefined || population === undefined) return undefined;
    return { code: codeCommune, departement, population, cpts: text(r.get("cpts")) };
  });
}

const STADE_CODES: Readonly<Record<string, Stade>> = Object.fromEntries(STADES.map((s) => [s, s]));

function readStade(v: Cell): Stade {
  const code = normalizeCode(text(v))
    .replace(/^stade_?/, "")
    .replace(/_/g, "");
  const stade = STADE_CODES[code];
  if (!stade) throw new DomainError("stade", `stade inconnu « ${describe(v)} » ; stades acceptés : 1, 2, 2bis, 3, 4, 5`);
  return stade;
}

const optionalRate = (column: string) => (v: Cell) => (isMissing(v) ? 1 : readRate(v, column, true));
const optionalFlag = (column: string) => (v: Cell) => (isMissing(v) ? false : readBoolean(v, column));

export function readCpts(table: RawTable, problems: Problem[]): Cpts[] {
  return readRows("cpts", table, problems, (r) => {
    const row = r.row;
    const id = r.at("id", requiredText("id"));
    const stade = r.at("stade", readStade);
    const population = r.at("population", (v) => readNonNegative(v, "population"));
    const dateSignature = r.at("date_signature", (v) => (isMissing(v) ? undefined : parseDate(v, "date_signature")));
    if (stade === "5" && isMissing(r.get("date_signature"))) {
      problems.push({
        table: TABLE_LABELS.cpts,
        column: "date_signature",
        row,
        message: "date de signature obligatoire pour une CPTS conventionnée (stade 5)",
      });
    }
    const membres = r.at("membres", (v) => (isMissing(v) ? 0 : readNonNegativeInteger(v, "membres")));
    const sas = r.at("sas", (v) => (isMissing(v) ? true : readBoolean(v, "sas")));
    const atteinte = {
      acces: r.at("atteinte_acces", optionalRate("atteinte_acces")),
      parcours: r.at("atteinte_parcours", optionalRate("atteinte_parcours")),
      prevention: r.at("atteinte_prevention", optionalRate("atteinte_prevention")),
      qualite: r.at("atteinte_qualite", optionalRate("atteinte_qualite")),
      accompagnement: r.at("atteinte_accompagnement", optionalRate("atteinte_accompagnement")),
    };
    const qualite = r.at("qualite", optionalFlag("qualite"));
    const accompagnement = r.at("accompagnement", optionalFlag("accompagnement"));
    if ([id, stade, population, membres, sas, qualite, accompagnement, ...Object.values(atteinte)].some((x) => x === undefined)) return undefined;
    return {
      id: id!,
      nom: text(r.get("nom")),
      departement: departementCode(r.get("departement")),
      stade: stade!,
      population: population!,
      dateSignature,
      membres: membres!,
      sas: sas!,
      atteinte: atteinte as Cpts["atteinte"],
      qualite: qualite!,
      accompagnement: accompagnement!,
    };
  });
}

export function readMspTable(table: RawTable, problems: Problem[]): Msp[] {
  const label = TABLE_LABELS.msp;
  const fieldColumns: [FieldCode, number][] = [];
  table.headers.forEach((h, i) => {
    const code = typeof h === "string" ? fieldCode(h) : undefined;
    if (code) fieldColumns.push([code, i]);
  });
  const pairs: [FieldCode, unknown][] = fieldColumns.map(([code]) => [code, undefined]);
  return readRows("msp", table, problems, (r) => {
    const row = r.row;
    const id = r.at("id", requiredText("id"));
    const aci = r.at("aci", (v) => (isMissing(v) ? false : readBoolean(v, "aci")));
    let remuneration: MspResult | undefined;
    // one array of (code, value) pairs, refilled for each row
    for (let k = 0; k < fieldColumns.length; k++) pairs[k][1] = r.values[fieldColumns[k][1]];
    try {
      remuneration = computeMsp(readMspFields(pairs), false);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ table: label, column: error.argument, row, message: error.message.replace(/^[^:]+ : /, "") });
    }
    if (id === undefined || aci === undefined || !remuneration) return undefined;
    return { id, nom: text(r.get("nom")), departement: departementCode(r.get("departement")), aci, annee: remuneration.annee, remuneration };
  });
}

export function readContratsAm(table: RawTable, problems: Problem[]): ContratAm[] {
  return readRows("contrats_am", table, problems, (r) => {
    const row = r.row;
    const id = r.at("id", requiredText("id"));
    const cpam = r.at("cpam", (v) => {
      const cpam = departementCode(requiredText("cpam")(v));
      // a département code, with the CPAM's rank where a département has several (641, 642; 131, 831…)
      if (!/^(\d{2,3}|2[AB]\d?|97\d{1,2})$/i.test(cpam))
        throw new DomainError("cpam", `code CPAM inconnu « ${cpam} » : code du département attendu (ex. 33, 2A, 641)`);
      return cpam.toUpperCase();
    });
    const dateSignature = r.at("date_signature", (v) => parseDate(v, "date_signature"));
    const etp = r.at("etp", (v) => readEtp(v));
    const regime = r.at("regime", (v) => readRegime(v));
    const bande = r.at("bande", (v) => readBande(v));
    const dateFin = r.at("date_fin", (v) => (isMissing(v) ? undefined : parseDate(v, "date_fin")));
    if ([id, cpam, dateSignature, etp, regime].some((x) => x === undefined)) return undefined;
    if (dateFin && dateFin < dateSignature!) {
      problems.push({ table: TABLE_LABELS.contrats_am, column: "date_fin", row, message: "date de fin antérieure à la date de signature" });
      return undefined;
    }
    return { id: id!, cpam: cpam!, dateSignature: dateSignature!, etp: etp!, regime: regime!, bande, dateFin };
  });
}
