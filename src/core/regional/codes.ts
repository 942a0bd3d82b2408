/**
 * Territorial codes as analysts type them: a département by its code (`33`, `033`, `2a`, 1 stored as a number for
 * `01`) or by its name (`Dordogne`, `CORREZE`), a commune by its INSEE code (5 characters, leading zero restored).
 * Anything else is an error: a wrong code would silently move a population between départements.
 */
import { describe } from "../dates";
import { fail } from "../errors";
import { normalizeCode } from "../text";
import { isMissing } from "../values";
import { DEPARTEMENTS } from "./departements-data";

const NAME_BY_CODE = new Map<string, string>(DEPARTEMENTS.map(([code, nom]) => [code, nom]));
const CODE_BY_NAME = new Map<string, string>(DEPARTEMENTS.map(([code, nom]) => [normalizeCode(nom), code]));

/** The name of a département code (`24` → `Dordogne`), or "" for a code that is not one. */
export const departementName = (code: string): string => NAME_BY_CODE.get(code) ?? "";

const REGION_BY_CODE = new Map<string, string>(DEPARTEMENTS.map(([code, , region]) => [code, region]));

/** The region of a département code (« Nouvelle-Aquitaine »), or undefined. */
export const regionOfDepartement = (code: string): string | undefined => REGION_BY_CODE.get(code);

/** The region of a set of départements (« Nouvelle-Aquitaine »), or the regions joined when they span several. */
export function regionOf(departements: Iterable<string>): string {
  const regions = new Set<string>();
  for (const d of new Set(departements)) {
    const region = REGION_BY_CODE.get(d);
    if (region) regions.add(region);
  }
  return [...regions].sort().join(", ");
}

/** How a cell was read, when it was not written as the code itself: shown in the « Contrôles » sheet. */
export interface CodeReading {
  code: string;
  /** What was applied, e.g. « nom de département lu comme son code », or undefined when the cell held the code. */
  reading?: string;
}

/** Upper case, the same string when nothing changes (codes are mostly digits: no new string for each cell). */
function upper(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return text.toUpperCase();
  }
  return text;
}

function cellText(value: unknown): string {
  if (isMissing(value)) return "";
  return typeof value === "number" ? String(value) : String(value).trim();
}

/** Each official code read as itself: one frozen answer per code (national tables repeat a hundred codes). */
const AS_ITSELF = new Map<string, CodeReading>(DEPARTEMENTS.map(([code]) => [code, Object.freeze({ code })]));

// the patterns of the readers, compiled once (a pattern written in a function is a new object on every call, and these
// run on every row of a national table)
const ONE_DIGIT = /^\d$/;
const EXTRA_ZERO = /^0\d{2}$/;
const EXTRA_ZERO_CORSE = /^0[12][AB]$/;
const FOUR_DIGITS = /^\d{4}$/;
const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

/** A département: official code, a code with an extra leading zero (`033`), or the département's name. */
export function readDepartement(value: unknown, argument = "departement"): CodeReading {
  const text = cellText(value);
  if (!text) fail(argument, "valeur obligatoire manquante");
  const code = upper(text);
  const itself = AS_ITSELF.get(code);
  if (itself) return itself;
  if (ONE_DIGIT.test(code) && NAME_BY_CODE.has(`0${code}`))
    return { code: `0${code}`, reading: "code de département stocké comme nombre : zéro initial rétabli" };
  if (EXTRA_ZERO.test(code) && NAME_BY_CODE.has(code.slice(1)))
    return { code: code.slice(1), reading: "code de département à trois chiffres (033) lu sans son zéro initial" };
  if (EXTRA_ZERO_CORSE.test(code)) return { code: code.slice(1), reading: "code de département à trois caractères (02A) lu sans son zéro initial" };
  const byName = CODE_BY_NAME.get(normalizeCode(text));
  if (byName) return { code: byName, reading: "nom de département lu comme son code" };
  return fail(argument, `département inconnu « ${describe(value)} » : code officiel (33, 2A, 971) ou nom du département attendu`);
}

/** A commune code as compared: upper case, the leading zero a number lost given back (1001 → 01001). Never throws. */
export function communeKey(value: unknown): string {
  return restoreZero(upper(cellText(value)));
}

/** A code of four digits is a commune code that lost its leading zero as a number (1001 → 01001). */
const restoreZero = (text: string): string => (text.length === 4 && FOUR_DIGITS.test(text) ? `0${text}` : text);

/** A commune's INSEE code: 5 characters (`33063`, `2A004`, `97101`); a number loses its leading zero (1001 → 01001). */
export function readCommuneCode(value: unknown, argument = "code_commune"): CodeReading {
  const text = upper(cellText(value));
  if (!text) fail(argument, "valeur obligatoire manquante");
  const code = restoreZero(text);
  if (code !== text) return { code, reading: "code commune stocké comme nombre : zéro initial rétabli" };
  if (COMMUNE_CODE.test(text)) return { code: text };
  return fail(argument, `code commune INSEE attendu (5 caractères, ex. 33063, 2A004), reçu « ${describe(value)} »`);
}

/** The département a commune code belongs to (`33063` → `33`, `97101` → `971`). */
export function departementOfCommune(code: string): string {
  return code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2);
}

/** Whether a commune code belongs to a département (`departementOfCommune`, without building its code). */
export const inDepartement = (code: string, departement: string): boolean =>
  departement.length === (code.startsWith("97") ? 3 : 2) && code.startsWith(departement);

/** CPTS identifiers are compared without case, accents or surrounding spaces (`cpts-16-001` is `CPTS-16-001`). */
export const idKey = (id: string): string => normalizeCode(id);
