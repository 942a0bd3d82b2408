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

const INDEX: ReadonlyMap<FieldCode, number> = new Map(FIELD_CODES.map((c, i) => [c, i]));
/**
 * Per field index: its kind, and whether a 0 there is a desktop blank cell (a year, a date, a flag given as a number, a
 * national rate).
 */
const KIND_AT: readonly Kind["kind"][] = FIELD_CODES.map((c) => FIELDS[c].kind);
const ZERO_IS_BLANK_AT: readonly boolean[] = FIELD_CODES.map((c, i) => {
  const k = KIND_AT[i];
  return k === "year" || k === "date" || k === "flag" || (FIELDS[c] as Field).zero === "blank";
});

/**
 * An array of `n` zeros that holds any number without changing its storage: built from a fraction, V8 stores it
 * unboxed, and writing a fraction into an array of small integers would copy it (in every evaluated row). Slow to
 * build: make one as a template, then copy it (`slice`) for each use.
 */
export function doubles(n: number): number[] {
  return Array.from({ length: n }, () => 0.5).fill(0);
}

/**
 * The numbers of one MSP, one slot per field index (dates stay 0 there), read by name: `v.snp`, `v.patientele`. The
 * accessors are defined once per field on the prototype, so the rules read plain names while a row is read into an
 * array by index, with no keyed store (ACI.MSP_POINTS reads a row in every MSP line of a sheet). A spread (`{ ...v }`)
 * would copy the array, not the fields: copy `at` instead.
 */
class FieldArray {
  constructor(readonly at: number[]) {}
}
FIELD_CODES.forEach((code, i) => {
  if (FIELDS[code].kind === "date") return;
  Object.defineProperty(FieldArray.prototype, code, {
    get(this: FieldArray) {
      return this.at[i];
    },
    set(this: FieldArray, x: number) {
      this.at[i] = x;
    },
  });
});

export type FieldValues = FieldArray & Record<NumberField, number>;

/** The fields of an array by field index (read and written by name through the accessors above). */
const fieldValues = (at: number[]): FieldValues => new FieldArray(at) as FieldValues;

/** Numbers for every field (0 when missing), ISO dates for the date fields, and which fields were given. */
export interface MspInput {
  values: FieldValues;
  siDate?: string;
  siAvanceDate?: string;
  adhesionDate?: string;
  /** Which fields were given a value: bit i of `given[i >> 5]`, i the field's index in FIELD_CODES. */
  given: [number, number];
  /** The header layout last read into this input: outside its positions, every value is 0. */
  filledBy?: Layout;
}

/** The index of a field in FIELD_CODES (the bit of `given`). */
export const fieldIndex = (code: FieldCode): number => INDEX.get(code)!;

export const givenAt = (input: MspInput, i: number): boolean => ((input.given[i >> 5] >>> (i & 31)) & 1) === 1;

export const isGiven = (input: MspInput, code: FieldCode): boolean => givenAt(input, INDEX.get(code)!);

/** The bits of a set of fields, to test them all at once. */
export function givenMask(codes: readonly FieldCode[]): [number, number] {
  const mask: [number, number] = [0, 0];
  for (const c of codes) {
    const i = INDEX.get(c)!;
    mask[i >> 5] |= 1 << (i & 31);
  }
  return mask;
}

export const anyGiven = (input: MspInput, mask: readonly [number, number]): boolean => (input.given[0] & mask[0]) !== 0 || (input.given[1] & mask[1]) !== 0;

/** The declared requirements (`requiredWhen`), by field index. */
const REQUIRED = FIELD_CODES.flatMap((code, at) => {
  const when = (FIELDS[code] as Field).requiredWhen;
  if (!when) return [];
  return [{ code, at, field: when.field ? INDEX.get(when.field as FieldCode)! : -1, unless: (when.unless ?? []).map((f) => INDEX.get(f as FieldCode)!), when }];
});

/**
 * The schema's requirements on the values the rules read (the fields of a later text already set aside): a field
 * that a blank cannot stand for, left blank (or 0, desktop Excel's blank cell), is refused naming it and saying what a
 * blank would pay. Rules compute; they do not check their inputs.
 */
export function checkRequired(values: FieldValues, rules: YearRules, version: Since): void {
  const v = values.at;
  for (const r of REQUIRED) {
    if (v[r.at] !== 0 || (r.field >= 0 && !(v[r.field] > 0)) || r.unless.some((u) => v[u] > 0)) continue;
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

/** Every field at 0: copied (`slice`) for each row read. */
const ZEROS: readonly number[] = doubles(FIELD_CODES.length);

const BY_NORMALIZED: ReadonlyMap<string, FieldCode> = new Map(FIELD_CODES.map((c) => [normalizeCode(c), c]));

/** The field code of a header cell, or `undefined` when it is not one (remembered: the same header row is read again at every recalculation). */
export const fieldCode = memo((header: string): FieldCode | undefined => BY_NORMALIZED.get(normalizeCode(header)));

const SPEC_AT: readonly Kind[] = FIELD_CODES.map((c) => FIELDS[c]);

/** Per field index, the plain numbers its kind takes as they are (the common case, checked first): bounds and integrality. */
const PLAIN = SPEC_AT.map((spec) => {
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
});
const PLAIN_MIN = PLAIN.map((p) => p.min);
const PLAIN_MAX = PLAIN.map((p) => p.max);
const PLAIN_INTEGER = PLAIN.map((p) => p.integer);

/** A field's value from a cell that is not a plain number within its kind's bounds: read, or refused naming the field. */
function readField(index: number, raw: unknown): number {
  const code = FIELD_CODES[index];
  const spec = SPEC_AT[index];
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
 * The field index of each position of a header row (-1 for an empty header cell, whose value must be empty too),
 * checked once: unknown or repeated codes are errors naming the code.
 */
type Layout = readonly number[];

function layoutOf(headers: readonly unknown[]): Layout {
  const seen = new Set<FieldCode>();
  return headers.map((header, i) => {
    if (isBlank(header)) return -1;
    if (typeof header !== "string") fail("champs", `code de champ attendu en position ${i + 1}, reçu « ${describe(header)} »`);
    const code = fieldCode(header);
    if (!code) fail("champs", `champ inconnu « ${header} » ; voir la liste des codes (annee, patientele, nb_ps, amplitude_h…) dans l'aide`);
    if (seen.has(code)) fail("champs", `le champ « ${code} » apparaît deux fois`);
    seen.add(code);
    return INDEX.get(code)!;
  });
}

/** The last header rows read, compared cell by cell: a sheet of MSP rows repeats the same header row in every formula. */
let lastHeaders: readonly unknown[] = [];
let lastLayout: Layout = [];

function cachedLayout(headers: readonly unknown[]): Layout {
  if (headers.length === lastHeaders.length) {
    let same = true;
    for (let i = 0; i < headers.length; i++) {
      if (headers[i] !== lastHeaders[i]) {
        same = false;
        break;
      }
    }
    if (same) return lastLayout;
  }
  const layout = layoutOf(headers);
  lastHeaders = headers.slice();
  lastLayout = layout;
  return layout;
}

/** An input with every field at 0 and none given. */
export const newMspInput = (): MspInput => ({
  values: fieldValues(ZEROS.slice()),
  siDate: undefined,
  siAvanceDate: undefined,
  adhesionDate: undefined,
  given: [0, 0],
});

/**
 * How a caller turns a cell that holds an object into its plain value (ACI.MSP_*: a data type, formatted number or
 * entity, read by what the cell shows). Done as each value is read, so a row is not scanned twice.
 */
export type PlainValue = (cell: object) => unknown;

/** Reads the values of one row against its layout, into `input`: every field the row does not give is 0. */
function readValues(layout: Layout, values: readonly unknown[], input: MspInput, plain?: PlainValue): MspInput {
  const v = input.values.at;
  // an input read again with the same headers (ACI.MSP_POINTS, row after row) only needs its blank cells set to 0
  if (input.filledBy !== layout) {
    for (let i = 0; i < v.length; i++) v[i] = 0;
    input.filledBy = layout;
  }
  input.siDate = input.siAvanceDate = input.adhesionDate = undefined;
  let given0 = 0;
  let given1 = 0;
  for (let i = 0; i < layout.length; i++) {
    const index = layout[i];
    let raw = values[i];
    if (typeof raw === "object" && raw !== null && plain) raw = plain(raw);
    if (index < 0) {
      if (isBlank(raw)) continue;
      fail("champs", `en-tête vide en position ${i + 1} alors que la valeur « ${describe(raw)} » est renseignée`);
    }
    if (typeof raw === "number" ? raw === 0 && ZERO_IS_BLANK_AT[index] : isMissing(raw)) {
      v[index] = 0;
      continue;
    }
    if (index < 32) given0 |= 1 << index;
    else given1 |= 1 << (index - 32);
    // the common case first: a plain number within its kind's bounds, taken as it is
    if (typeof raw === "number" && raw >= PLAIN_MIN[index] && raw <= PLAIN_MAX[index] && (!PLAIN_INTEGER[index] || Number.isInteger(raw))) v[index] = raw;
    else if (KIND_AT[index] === "date") {
      const code = FIELD_CODES[index];
      const iso = parseDate(raw, code);
      if (code === "si_date") input.siDate = iso;
      else if (code === "si_avance_date") input.siAvanceDate = iso;
      else input.adhesionDate = iso;
    } else v[index] = readField(index, raw);
  }
  input.given[0] = given0;
  input.given[1] = given1;
  return input;
}

/**
 * Reads pairs of (field code, value). Unknown or repeated codes are errors
 * naming the code; empty header cells are skipped only when their value is empty too.
 */
export function readMspFields(pairs: Iterable<readonly [unknown, unknown]>): MspInput {
  const headers: unknown[] = [];
  const values: unknown[] = [];
  for (const [h, v] of pairs) {
    headers.push(h);
    values.push(v);
  }
  return readValues(layoutOf(headers), values, newMspInput());
}

/**
 * A header row and a value row of the same length (ACI.MSP_* read their ranges flattened into these), read into
 * `into` (a new input by default; ACI.MSP_POINTS reuses one); `plain` reads a value cell that holds an object.
 */
export function readMspRow(headers: readonly unknown[], values: readonly unknown[], into: MspInput = newMspInput(), plain?: PlainValue): MspInput {
  return readValues(cachedLayout(headers), values, into, plain);
}
