/**
 * The MSP's fields: one code per column of the analyst's table (the header row
 * given to ACI.MSP_POINTS, and the MSP table of the task pane). Codes are
 * matched without case or accents; a missing field means 0 / not met. Each
 * field says once which text created it (`since`).
 */
import { parseDate, describe, frenchTime } from "../dates";
import { fail } from "../errors";
import { frNumber, frPercent } from "../format";
import { roundCents } from "../money";
import { MSP_FIELDS, requiredWhenText, type MspFieldEntry, type MspFieldKind, type Since } from "../inputs/msp-fields";
import { isLaterText, MSP_TEXTS, type YearRules } from "./params";
import { memo } from "../memo";
import { normalizeCode } from "../text";
import { isBlank, isMissing, readBoolean, readNonNegative, readNonNegativeInteger, readNumber, readRate } from "../values";

type Kind = MspFieldKind;
type Field = MspFieldEntry;
const FIELDS = MSP_FIELDS;
export type { Since };

export type FieldCode = keyof typeof FIELDS;
export const FIELD_CODES = Object.keys(FIELDS) as FieldCode[];
export const FIELD_LABELS: Readonly<Record<FieldCode, string>> = Object.fromEntries(FIELD_CODES.map((c) => [c, FIELDS[c].label])) as Record<FieldCode, string>;
/** By text of the ACI MSP, the fields later texts created: given for a year under that text, they are ignored and said. */
export const LATER_FIELDS: ReadonlyMap<string, readonly FieldCode[]> = new Map(
  MSP_TEXTS.map((version) => [version, FIELD_CODES.filter((c) => isLaterText((FIELDS[c] as Field).since, version))]),
);

export type DateField = "si_date" | "date_adhesion" | "si_avance_date";
export type NumberField = Exclude<FieldCode, DateField>;
const NUMBER_FIELDS = FIELD_CODES.filter((c): c is NumberField => FIELDS[c].kind !== "date");

/** The numbers of one MSP by field code (0 when not given); the dates are apart, as ISO dates. */
export type FieldValues = Readonly<Record<NumberField, number>>;

/** Numbers for every field (0 when missing), ISO dates for the date fields, and which fields were given. */
export interface MspInput {
  readonly values: FieldValues;
  readonly siDate?: string;
  readonly siAvanceDate?: string;
  readonly adhesionDate?: string;
  /** The fields given a value (a blank, or desktop Excel's 0 for a blank where 0 means nothing, is not given). */
  readonly given: { has(code: FieldCode): boolean };
}

export const isGiven = (input: MspInput, code: FieldCode): boolean => input.given.has(code);

/** Every number field at 0, copied for each row read (not frozen: V8 copies a frozen object property by property). */
const ZERO_VALUES = Object.fromEntries(NUMBER_FIELDS.map((c) => [c, 0])) as Record<NumberField, number>;

/** The declared requirements (`requiredWhen`), by field index. */
export const REQUIRED = NUMBER_FIELDS.flatMap((code) => {
  const when = (FIELDS[code] as Field).requiredWhen;
  return when ? [{ code, field: when.field as NumberField | undefined, unless: (when.unless ?? []) as readonly NumberField[], when }] : [];
});

/**
 * The schema's requirements on the values the rules read (the fields of a later text already set aside): a field
 * that a blank cannot stand for, left blank (or 0, desktop Excel's blank cell), is refused naming it and saying what a
 * blank would pay. Rules compute; they do not check their inputs.
 */
export function checkRequired(v: FieldValues, rules: YearRules, version: Since): void {
  for (const r of REQUIRED) {
    if (v[r.code] !== 0 || (r.field !== undefined && !(v[r.field] > 0)) || r.unless.some((u) => v[u] > 0)) continue;
    // the `unless` fields of a later text than the year's are not named
    const condition = requiredWhenText(r.when, (f) => !isLaterText((FIELDS[f as FieldCode] as Field).since, version));
    const detail = r.when.detail ? ` (${parameterText(r.when.detail, rules)})` : "";
    fail(r.code, `champ non renseigné (ou 0)${r.when.always ? "" : ` alors que ${condition}`} : ${r.when.why}${detail} ; le renseigner`);
  }
}

/** A text with `{parameter.field}` (or `{parameter.field%}`) replaced by that leaf's value in the year's rules. */
function parameterText(text: string, rules: YearRules): string {
  return text.replace(/\{(\w+)\.(\w+)(%?)\}/g, (_, parameter: string, field: string, percent: string) => {
    const value = (rules[parameter as keyof YearRules] as { value: Record<string, number> } | undefined)?.value[field];
    if (typeof value !== "number") throw new Error(`paramètre ${parameter}.${field} absent pour ${rules.annee}`);
    return percent ? frPercent(value) : frNumber(value);
  });
}

const BY_NORMALIZED: ReadonlyMap<string, FieldCode> = new Map(FIELD_CODES.map((c) => [normalizeCode(c), c]));

/** The field code of a header cell, or `undefined` when it is not one (remembered: the same header row is read again at every recalculation). */
export const fieldCode = memo((header: string): FieldCode | undefined => BY_NORMALIZED.get(normalizeCode(header)));

/**
 * How one field is read: its kind, whether a 0 there is a desktop blank cell (a year, a date, a flag given as a number,
 * a national rate), and the plain numbers its kind takes as they are (the common case, checked first).
 */
export interface FieldReading {
  code: FieldCode;
  /** Its position in FIELD_CODES. */
  index: number;
  spec: Kind;
  zeroIsBlank: boolean;
  min: number;
  max: number;
  integer: boolean;
}

function plainBounds(spec: Kind): { min: number; max: number; integer: boolean } {
  switch (spec.kind) {
    case "year":
      return { min: 1900, max: 9999, integer: true };
    case "count":
      return { min: 0, max: Infinity, integer: true };
    case "quantity":
      return { min: 0, max: Infinity, integer: false };
    case "hours":
      return { min: 1, max: 24, integer: false }; // 0 is read by readField, and the rule that needs the hours refuses it
    case "flag":
      return { min: 0, max: 1, integer: true };
    case "level":
      return { min: 0, max: spec.max, integer: true };
    case "rate":
      return { min: 0, max: 1, integer: false };
    case "date":
      return { min: 1, max: 0, integer: false }; // none: a date is read by parseDate
  }
}

const READING: Readonly<Record<FieldCode, FieldReading>> = Object.fromEntries(
  FIELD_CODES.map((code, index) => {
    const spec: Kind = FIELDS[code];
    const zeroIsBlank = spec.kind === "year" || spec.kind === "date" || spec.kind === "flag" || (FIELDS[code] as Field).zero === "blank";
    return [code, { code, index, spec, zeroIsBlank, ...plainBounds(spec) }];
  }),
) as Record<FieldCode, FieldReading>;

/** A field's value from a cell that is not a plain number within its kind's bounds: read, or refused naming the field. */
function readField({ code, spec }: FieldReading, raw: unknown): number {
  switch (spec.kind) {
    case "year": {
      const n = readNumber(raw, code);
      if (!Number.isInteger(n) || n < 1900 || n > 9999) fail(code, `année sur quatre chiffres attendue, reçu ${describe(raw)}`);
      return n;
    }
    case "count":
      return readNonNegativeInteger(raw, code);
    case "quantity":
      return readNonNegative(raw, code);
    case "hours": {
      const n = readNonNegative(raw, code);
      // Excel keeps a time as a fraction of a day: 12:00 typed in the cell is 0,5
      if (n > 0 && n < 1)
        fail(
          code,
          `${describe(raw)} : une heure au format horaire (${frenchTime(n)}) ? saisir le nombre d'heures par jour (ex. ${frNumber(roundCents(n * 24))})`,
        );
      if (n > 24) fail(code, `valeur entre 0 et 24 attendue, reçu ${describe(raw)}`);
      return n;
    }
    case "flag":
      if (raw === 1 || raw === true) return 1;
      if (raw === 0 || raw === false) return 0;
      try {
        return readBoolean(raw, code) ? 1 : 0;
      } catch {
        return fail(code, `1 (oui) ou 0 (non) attendu, reçu « ${describe(raw)} »`);
      }
    case "level": {
      const n = readNumber(raw, code);
      if (!Number.isInteger(n) || n < 0 || n > spec.max) fail(code, `niveau entier de 0 à ${spec.max} attendu, reçu ${describe(raw)}`);
      return n;
    }
    case "rate":
      return readRate(raw, code, false);
    case "date":
      return 0;
  }
}

/**
 * How each position of a header row is read (`undefined` for an empty header cell, whose value must be empty too),
 * checked once: unknown or repeated codes are errors naming the code.
 */
export type Layout = readonly (FieldReading | undefined)[];

function layoutOf(headers: readonly unknown[]): Layout {
  const seen = new Set<FieldCode>();
  return headers.map((header, i) => {
    if (isBlank(header)) return undefined;
    if (typeof header !== "string") fail("champs", `code de champ attendu en position ${i + 1}, reçu « ${describe(header)} »`);
    const code = fieldCode(header);
    if (!code) fail("champs", `champ inconnu « ${header} » ; voir la liste des codes (annee, patientele, nb_ps, amplitude_h…) dans l'aide`);
    if (seen.has(code)) fail("champs", `le champ « ${code} » apparaît deux fois`);
    seen.add(code);
    return READING[code];
  });
}

/** The last header row read, compared cell by cell: a sheet of MSP rows repeats the same header row in every formula. */
let lastHeaders: readonly unknown[] = [];
let lastLayout: Layout = [];

export function cachedLayout(headers: readonly unknown[]): Layout {
  if (headers.length !== lastHeaders.length || headers.some((h, i) => h !== lastHeaders[i])) {
    lastLayout = layoutOf(headers);
    lastHeaders = headers.slice();
  }
  return lastLayout;
}

/**
 * How a caller turns a cell that holds an object into its plain value (ACI.MSP_*: a data type, formatted number or
 * entity, read by what the cell shows). Done as each value is read, so a row is not scanned twice.
 */
export type PlainValue = (cell: object) => unknown;

/**
 * One cell of a row read for the field of its position: `undefined` when it gives nothing (blank, or a 0 that stands
 * for a blank), the ISO date of a date field, else the number; refused naming the field.
 */
export function readCell(field: FieldReading | undefined, raw: unknown, position: number, plain?: PlainValue): number | string | undefined {
  if (typeof raw === "object" && raw !== null && plain) raw = plain(raw);
  if (!field) {
    if (isBlank(raw)) return undefined;
    fail("champs", `en-tête vide en position ${position + 1} alors que la valeur « ${describe(raw)} » est renseignée`);
  }
  if (typeof raw === "number" ? raw === 0 && field.zeroIsBlank : isMissing(raw)) return undefined;
  if (field.spec.kind === "date") return parseDate(raw, field.code);
  // the common case first: a plain number within its kind's bounds, taken as it is
  if (typeof raw === "number" && raw >= field.min && raw <= field.max && (!field.integer || Number.isInteger(raw))) return raw;
  return readField(field, raw);
}

/**
 * The fields a row gives, in the order read: a row gives a few dozen at most, and a Set per row cost about 1 KB of
 * memory (2,5 MB for a national MSP table).
 */
class GivenFields {
  readonly codes: FieldCode[] = [];
  add(code: FieldCode): void {
    this.codes.push(code);
  }
  has(code: FieldCode): boolean {
    return this.codes.includes(code);
  }
}

/** Reads the values of one row against its layout: every field the row does not give is 0. */
function readValues(layout: Layout, cells: readonly unknown[], plain?: PlainValue): MspInput {
  const values: Record<NumberField, number> = { ...ZERO_VALUES };
  const given = new GivenFields();
  const dates: Partial<Record<DateField, string>> = {};
  for (let i = 0; i < layout.length; i++) {
    const value = readCell(layout[i], cells[i], i, plain);
    if (value === undefined) continue;
    const code = layout[i]!.code;
    given.add(code);
    if (typeof value === "string") dates[code as DateField] = value;
    else values[code as NumberField] = value;
  }
  return { values, given, siDate: dates.si_date, siAvanceDate: dates.si_avance_date, adhesionDate: dates.date_adhesion };
}

/**
 * Reads pairs of (field code, value). Unknown or repeated codes are errors
 * naming the code; empty header cells are skipped only when their value is empty too.
 */
export function readMspFields(pairs: Iterable<readonly [unknown, unknown]>): MspInput {
  const headers: unknown[] = [];
  const cells: unknown[] = [];
  for (const [h, v] of pairs) {
    headers.push(h);
    cells.push(v);
  }
  return readValues(layoutOf(headers), cells);
}

/** A header row and a value row of the same length (ACI.MSP_* read their ranges flattened into these); `plain` reads a value cell that holds an object. */
export const readMspRow = (headers: readonly unknown[], cells: readonly unknown[], plain?: PlainValue): MspInput =>
  readValues(cachedLayout(headers), cells, plain);
