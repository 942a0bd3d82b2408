/**
 * Readers for the values a spreadsheet hands over: numbers, text holding a
 * number (« 12,5 »), booleans, empty cells. Each names the argument it reads
 * in its French error, and never lets NaN or Infinity through.
 */
import { describe } from "./dates";
import { fail } from "./errors";
import { normalizeCode } from "./text";

export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * An empty referenced cell, as either Excel hands it over: `null` on the web, `0` in desktop Excel (Windows, Mac).
 * Only for arguments where 0 means nothing (codes, dates, years, flags given as numbers, field headers): there a 0
 * is read as empty, so that desktop and web agree (RULES.md, « Reading cells »).
 */
export function isBlank(value: unknown): boolean {
  return value === 0 || isMissing(value);
}

// compiled once: a pattern written in the function would be a new object for every cell read
const SPACES = /[\s\u00a0\u202f\u200b-\u200d\u2060\ufeff]/g;
const DOT_THOUSANDS = /^[-+]?\d{1,3}(\.\d{3})+%?$/;
const COMMA_THOUSANDS = /^[-+]?[1-9]\d{0,2}(,\d{3})+%?$/;
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A finite number, from a number or a numeric text: French form (`120 000`, `0,5`, `70 %`), or a dot decimal
 * (`0.5`). A logical value is not a number (VRAI is not 1 inhabitant), and a text such as `120.000`, where the dot may
 * group thousands or mark decimals, is refused rather than guessed.
 */
export function readNumber(value: unknown, argument: string): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    return fail(argument, `nombre attendu, reçu « ${describe(value)} »`);
  }
  if (typeof value === "boolean") return fail(argument, `nombre attendu, reçu la valeur logique ${describe(value)}`);
  if (typeof value === "string") {
    const text = value.trim().replace(SPACES, "");
    if (DOT_THOUSANDS.test(text)) {
      return fail(
        argument,
        `nombre ambigu « ${describe(value)} » : le point sépare-t-il les milliers ou les décimales ? saisir ${text.replace(/\./g, " ")} ou ${text.replace(".", ",")}`,
      );
    }
    // a comma before exactly three digits: English thousands (10,000 = dix mille) or a French decimal (10,000 = dix)
    if (COMMA_THOUSANDS.test(text)) {
      const digits = text.replace(/,/g, " ");
      return fail(
        argument,
        `nombre ambigu « ${describe(value)} » : la virgule sépare-t-elle les milliers (à l'anglaise) ou les décimales ? saisir ${digits} pour des milliers, ou un nombre (pas un texte) pour une décimale`,
      );
    }
    const percent = text.endsWith("%");
    const body = (percent ? text.slice(0, -1) : text).replace(",", ".");
    if (NUMBER_TEXT.test(body)) {
      const n = Number(body) / (percent ? 100 : 1);
      if (Number.isFinite(n)) return n;
    }
  }
  return fail(argument, `nombre attendu, reçu « ${describe(value)} »`);
}

export function readOptionalNumber(value: unknown, argument: string, fallback: number): number {
  return isMissing(value) ? fallback : readNumber(value, argument);
}

export function readNonNegative(value: unknown, argument: string): number {
  const n = readNumber(value, argument);
  if (n < 0) fail(argument, `valeur positive ou nulle attendue, reçu ${describe(n)}`);
  return n;
}

export function readNonNegativeInteger(value: unknown, argument: string): number {
  const n = readNonNegative(value, argument);
  if (!Number.isInteger(n)) fail(argument, `nombre entier attendu, reçu ${describe(n)}`);
  return n;
}

/**
 * A rate between 0 and 1 (0 % to 100 %); `capAt1` caps values above 100 % (an achievement of 1,2) instead of
 * rejecting them. A plain number of 2 or more is a percentage typed without its sign (70 for 70 %): it is refused
 * with the two ways to type it, never capped.
 */
export function readRate(value: unknown, argument: string, capAt1: boolean): number {
  const n = readNumber(value, argument);
  if (n < 0) fail(argument, `taux positif attendu (ex. 80 % ou 0,8), reçu ${describe(n)}`);
  if (n >= 2) fail(argument, `taux saisi ${describe(n)} : saisir ${describe(n)} % ou ${describe(n / 100)}`);
  if (n > 1) {
    if (capAt1) return 1;
    fail(argument, `proportion entre 0 et 1 attendue (ex. 12 % ou 0,12), reçu ${describe(n)}`);
  }
  return n;
}

const TRUE_WORDS = new Set(["vrai", "true", "oui", "o", "yes", "1", "x"]);
const FALSE_WORDS = new Set(["faux", "false", "non", "n", "no", "0"]);

export function readBoolean(value: unknown, argument: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value === "string") {
    const word = normalizeCode(value);
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return fail(argument, `VRAI ou FAUX attendu (ou 1/0, oui/non), reçu « ${describe(value)} »`);
}

/** Picks one code from `accepted` (keys already normalised), listing them all in the error. */
export function readCode<T extends string>(value: unknown, argument: string, accepted: Readonly<Record<string, T>>): T {
  if (typeof value === "string") {
    // own keys only: « constructor » or « __proto__ » typed in a cell are unknown codes, not Object's members
    const hit = ownValue(accepted, normalizeCode(value));
    if (hit !== undefined) return hit;
  }
  // Excel shows about 255 characters: a short wording, so that every code is listed
  const list = [...new Set(Object.values(accepted))].join(", ");
  const shown = typeof value === "string" && value.length > 20 ? `${value.slice(0, 20)}…` : describe(value);
  return fail(argument, `code inconnu « ${shown} » ; codes : ${list}`);
}

/** The value of an own key of a code table (never an inherited member such as « constructor »). */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
