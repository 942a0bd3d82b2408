/**
 * CPAM codes as analysts write them. Every département has one caisse primaire, except the Nord (four) and the
 * Pyrénées-Atlantiques (Bayonne 641, Pau 642). A CPAM is written either as the département code of a single-caisse
 * département (`16`, `016`, `2A`, `971`) or as its caisse number, département + rank (`641`, `131`, `831`; `041`
 * for the Alpes-de-Haute-Provence, which Excel stores as the number `41`). `41` is thus the caisse 041 in a
 * Provence-Alpes-Côte d'Azur workbook and the département 41 in a Centre-Val de Loire one: a value is read in the
 * workbook's region, and one that reads into it both ways, or neither, is refused.
 */
import { cite } from "../readings";
import { DEPARTEMENTS } from "../regional/departements-data";

export interface Caisse {
  /** The key every count groups by: the département code of a single-caisse département, else the caisse number. */
  code: string;
  /** Caisse number: département + rank (`161`, `041`, `641`, `2A1`, `9711`). */
  numero: string;
  departement: string;
  region: string;
  nom: string;
}

/**
 * Départements with several caisses. The Nord's four caisse numbers are the organisms' codes as the network uses them
 * (Flandres 594, Lille-Douai 595, Roubaix-Tourcoing 597, Hainaut 599): to be confirmed against the CNAM's list.
 */
const SEVERAL: Readonly<Record<string, readonly (readonly [numero: string, nom: string])[]>> = {
  "59": [
    ["594", "CPAM des Flandres"],
    ["595", "CPAM de Lille-Douai"],
    ["597", "CPAM de Roubaix-Tourcoing"],
    ["599", "CPAM du Hainaut"],
  ],
  "64": [
    ["641", "CPAM de Bayonne"],
    ["642", "CPAM de Pau"],
  ],
};

export const CAISSES: readonly Caisse[] = DEPARTEMENTS.flatMap(([departement, nom, region]) =>
  (SEVERAL[departement] ?? [[`${departement}1`, `CPAM ${nom}`]]).map(([numero, n]) => ({
    code: SEVERAL[departement] ? numero : departement,
    numero,
    departement,
    region,
    nom: n,
  })),
);

const BY_DEPARTEMENT = new Map<string, Caisse[]>();
const BY_NUMERO = new Map<string, Caisse>();
const BY_CODE = new Map<string, Caisse>();
for (const c of CAISSES) {
  BY_DEPARTEMENT.set(c.departement, [...(BY_DEPARTEMENT.get(c.departement) ?? []), c]);
  BY_NUMERO.set(c.numero, c);
  BY_CODE.set(c.code, c);
}

/** The caisse of a grouping key (`16`, `641`), for its name. */
export const caisseOf = (code: string): Caisse | undefined => BY_CODE.get(code);

/** A CPAM as the sheets' « Caisses : » note names it: « 04 = CPAM Alpes-de-Haute-Provence (caisse 041) ». */
export function caisseLabel(code: string): string {
  const caisse = caisseOf(code);
  if (!caisse) return code;
  return `${code} = ${caisse.nom}${caisse.numero !== code ? ` (caisse ${caisse.numero})` : ""}`;
}

/**
 * The département codes of a single-caisse département a text may be: `16`, `016` (extra zero), `1` (lost zero). A
 * text that is a caisse number as written (`011`, the Ain) is that caisse, never a département with an extra zero:
 * it is what the refusal of an ambiguous `11` asks the analyst to type.
 */
function asDepartement(text: string): string | undefined {
  if (/^\d$/.test(text)) return `0${text}`;
  if (/^0\d{2}$/.test(text) && !BY_NUMERO.has(text) && BY_DEPARTEMENT.has(text.slice(1))) return text.slice(1);
  return BY_DEPARTEMENT.has(text) ? text : undefined;
}

/** The caisse numbers a text may be: `641`, `131`, `41` (041 stored as a number), `2A1`, `9711`. */
function asNumero(text: string): string | undefined {
  if (BY_NUMERO.has(text)) return text;
  if (/^\d{2}$/.test(text) && BY_NUMERO.has(`0${text}`)) return `0${text}`;
  return undefined;
}

/** Every caisse a cell may name, whatever the region (one or two candidates; none for a code that is no CPAM). */
export function cpamCandidates(value: unknown): { text: string; candidates: Caisse[]; several?: Caisse[] } {
  const text = (typeof value === "number" ? String(value) : typeof value === "string" ? value : "")
    .replace(/[\s\u00a0\u202f\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/^CPAM/i, "")
    .toUpperCase();
  const found = new Map<string, Caisse>();
  let several: Caisse[] | undefined;
  const d = asDepartement(text);
  if (d) {
    const list = BY_DEPARTEMENT.get(d) ?? [];
    if (list.length === 1) found.set(list[0].code, list[0]);
    else several = list;
  }
  const n = asNumero(text);
  if (n) found.set(BY_NUMERO.get(n)!.code, BY_NUMERO.get(n)!);
  return { text, candidates: [...found.values()], several };
}

export type CpamReading = { caisse: Caisse; reading?: string } | { error: string };

/** Reads one CPAM cell in the region(s) `regions` (names as in DEPARTEMENTS); an empty set accepts every region. */
export function readCpam(value: unknown, regions: ReadonlySet<string>): CpamReading {
  const { candidates, several } = cpamCandidates(value);
  const text = typeof value === "string" ? value.trim() : String(value);
  const inRegion = regions.size ? candidates.filter((c) => regions.has(c.region)) : candidates;
  const regionText = [...regions].join(", ");
  if (inRegion.length === 1) {
    const caisse = inRegion[0];
    const reading = text === caisse.code ? undefined : `code CPAM lu dans la région du classeur (numéro de caisse ou code de département ; ${cite("L-07")})`;
    return { caisse, reading };
  }
  if (inRegion.length > 1) {
    return {
      error: `code CPAM ambigu « ${text} » : ${inRegion.map((c) => `${c.nom} (${c.numero === text || `0${text}` === c.numero ? "numéro de caisse" : "département"})`).join(" ou ")} ; saisir le numéro de caisse à trois chiffres (ex. ${inRegion.map((c) => c.numero).join(", ")})`,
    };
  }
  if (several?.length && (!regions.size || several.some((c) => regions.has(c.region)))) {
    return {
      error: `le département ${several[0].departement} compte ${several.length} caisses : saisir le numéro de la caisse (${several.map((c) => `${c.numero} ${c.nom}`).join(", ")})`,
    };
  }
  if (candidates.length) {
    return {
      error: `code CPAM « ${text} » hors de la région du classeur (${regionText}) : ${candidates.map((c) => `${c.nom}, ${c.region}`).join(" ou ")}`,
    };
  }
  return { error: `code CPAM inconnu « ${text} » : code du département (ex. 33, 2A) ou numéro de caisse (ex. 641, 131) attendu` };
}

/**
 * The region a workbook's CPAM column reads into when no other table gives it: the one region shared by a candidate
 * of every value, or none (each value is then read on its own, and an ambiguous one refused).
 */
export function regionOfCpams(values: readonly unknown[]): Set<string> {
  let common: Set<string> | undefined;
  // an intersection: each distinct cell once (a national table repeats a few dozen over thousands of rows)
  for (const v of new Set(values)) {
    const { candidates } = cpamCandidates(v);
    if (!candidates.length) continue;
    const regions = new Set(candidates.map((c) => c.region));
    common = common ? new Set([...common].filter((r) => regions.has(r))) : regions;
  }
  return common && common.size === 1 ? common : new Set();
}
