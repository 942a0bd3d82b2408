/**
 * The declared arguments of the cell functions: for each, what a blank and a 0 mean. Excel on the web passes an empty
 * referenced cell (or an omitted optional argument) as `null`, desktop Excel an empty referenced cell as `0`: where 0
 * is no value of the argument (a code, a date, a population), a 0 is that blank; where it is one (an achievement
 * rate), the help says to omit the argument. The adapters read every argument through `readArgument`, and the help
 * page shows the declared blank beside each argument.
 */
import { SAS_PICKS_FROM, MISSIONS, sasPicksTable, type MissionCode, type Taille, type Volet } from "../aci-cpts";
import { PSY_DISPOSITIFS, SNP_PROTOCOLES, type PsyDispositif, type SnpProtocole } from "../aides/params";
import { readBande, readEtp, readRegime } from "../assistant-medical/codes";
import { readEndCount, readStartCount } from "../assistant-medical/objectives";
import { frenchDate, parseDate, todayParisIso } from "../dates";
import { fail } from "../errors";
import { isMissing, readBoolean, readCode, readNonNegativeInteger, readNumber, readRate } from "../values";

/** What an argument's blank means: a default (said in the help), or refused with a message. */
export type ArgumentBlank<T> = { means: "default"; value: () => T; text: string } | { means: "refused"; message?: string };

export interface ArgumentEntry<T> {
  code: string;
  /**
   * What a 0 means: a value (read as such; the help says to omit the argument rather than point at a blank cell), a
   * blank (desktop Excel's blank cell), or refused where `refusedWhen` holds (a 0 that cannot be read right there).
   */
  zero: "value" | "blank";
  blank: ArgumentBlank<T>;
  /** A cell holding a value, read (or refused naming the argument). */
  read: (value: unknown) => T;
}

const entry = <T>(code: string, zero: "value" | "blank", blank: ArgumentBlank<T>, read: (value: unknown) => T): ArgumentEntry<T> => ({
  code,
  zero,
  blank,
  read,
});

/** Reads one argument as its entry declares (`value` already the cell's plain value). */
export function readArgument<T>(e: ArgumentEntry<T>, value: unknown): T {
  if (isMissing(value) || (value === 0 && e.zero === "blank")) {
    if (e.blank.means === "default") return e.blank.value();
    return fail(e.code, e.blank.message ?? "argument obligatoire non renseigné (ou 0, cellule vide d'Excel bureau) : le renseigner");
  }
  return e.read(value);
}

/** What a blank means, in words, for the help page. */
export function argumentBlankText(e: ArgumentEntry<unknown>): string {
  const empty = e.zero === "blank" ? "vide ou 0" : "vide";
  return e.blank.means === "default" ? `${empty} : ${e.blank.text}` : `${empty} : refusé (#VALEUR!)`;
}

function readTaille(value: unknown): Taille {
  const n = readNumber(value, "taille");
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  return fail("taille", `1, 2, 3 ou 4 attendu (CPTS.TAILLE(population) la donne), reçu ${String(n).replace(".", ",")}`);
}

/** The mission codes are the keys of the core's MISSIONS table (already lower case, without accents). */
const MISSION_CODES = Object.fromEntries(Object.keys(MISSIONS).map((code) => [code, code])) as Readonly<Record<string, MissionCode>>;
const VOLETS: Readonly<Record<string, Volet>> = { fixe: "fixe", variable: "variable", total: "total" };

const SNP_CODES = Object.fromEntries(SNP_PROTOCOLES.map((c) => [c, c])) as Readonly<Record<string, SnpProtocole>>;
const PSY_CODES = Object.fromEntries(PSY_DISPOSITIFS.map((c) => [c, c])) as Readonly<Record<string, PsyDispositif>>;

const date = (code: string) =>
  entry<string>(code, "blank", { means: "default", value: todayParisIso, text: "la date du jour en France" }, (v) => parseDate(v, code));

// a start of 0 is refused by its reader (« strictement positif »): the increase is measured against it
const startCount = (code: string) => entry<number>(code, "value", { means: "refused" }, (v) => readStartCount(v, code));
const endCount = (code: string) =>
  entry<number>(
    code,
    "blank",
    { means: "refused", message: "effectif de fin de période non renseigné (ou 0, cellule vide d'Excel bureau) : le renseigner" },
    (v) => readEndCount(v, code),
  );

/** Every argument of every function, by the name the function's help gives it. */
export const ARGUMENTS = {
  population: entry<number>("population", "blank", { means: "refused", message: "population du territoire non renseignée (ou 0) : la renseigner" }, (v) =>
    readNonNegativeInteger(v, "population"),
  ),
  taille: entry<Taille>("taille", "value", { means: "refused" }, readTaille),
  mission: entry<MissionCode>("mission", "blank", { means: "refused", message: `mission obligatoire ; codes : ${Object.keys(MISSIONS).join(", ")}` }, (v) =>
    readCode(v, "mission", MISSION_CODES),
  ),
  volet: entry<Volet>("volet", "blank", { means: "default", value: () => "total", text: "total" }, (v) => readCode(v, "volet", VOLETS)),
  // an achievement rate: 0 is a real rate (nothing achieved), so only a missing argument takes the default
  atteinte: entry<number>("atteinte", "value", { means: "default", value: () => 1, text: "100 % (0 est un taux : omettre l'argument)" }, (v) =>
    readRate(v, "atteinte", true),
  ),
  date_signature: date("date_signature"),
  membres: entry<number>("membres", "value", { means: "default", value: () => 0, text: "0 membre" }, (v) => readNonNegativeInteger(v, "membres")),
  etp: entry<number>("etp", "value", { means: "refused" }, (v) => readEtp(v)),
  annee_contrat: entry<number>("annee_contrat", "value", { means: "refused" }, (v) => readNumber(v, "annee_contrat")),
  bande: entry("bande", "blank", { means: "default", value: () => undefined, text: "aucune bande" }, (v) => readBande(v)),
  bande_fa: entry("bande_fa", "blank", { means: "default", value: () => undefined, text: "aucune bande" }, (v) => readBande(v, "bande_fa")),
  regime: entry("regime", "blank", { means: "default", value: () => "liberal" as const, text: "liberal" }, (v) => readRegime(v)),
  objectif: entry<number>("objectif", "value", { means: "refused" }, (v) => readRate(v, "objectif", false)),
  pmt_depart: startCount("pmt_depart"),
  pmt_fin: endCount("pmt_fin"),
  fa_depart: startCount("fa_depart"),
  fa_fin: endCount("fa_fin"),
  etp_medecins: entry<number>("etp_medecins", "value", { means: "refused" }, (v) => readNumber(v, "etp_medecins")),
  zone_sous_dense: entry<boolean>("zone_sous_dense", "value", { means: "default", value: () => false, text: "FAUX" }, (v) => readBoolean(v, "zone_sous_dense")),
  drom: entry<boolean>("drom", "value", { means: "default", value: () => false, text: "FAUX (métropole)" }, (v) => readBoolean(v, "drom")),
  date: date("date"),
  protocole: entry<SnpProtocole>("protocole", "blank", { means: "refused", message: `protocole obligatoire ; codes : ${SNP_PROTOCOLES.join(", ")}` }, (v) =>
    readCode(v, "protocole", SNP_CODES),
  ),
  patients: entry<number>("patients", "value", { means: "refused" }, (v) => readNonNegativeInteger(v, "patients")),
  secondes_consultations: entry<number>("secondes_consultations", "value", { means: "default", value: () => 0, text: "0" }, (v) =>
    readNonNegativeInteger(v, "secondes_consultations"),
  ),
  dispositif: entry<PsyDispositif>(
    "dispositif",
    "blank",
    { means: "refused", message: `dispositif obligatoire ; codes : ${PSY_DISPOSITIFS.join(", ")}` },
    (v) => readCode(v, "dispositif", PSY_CODES),
  ),
  seances: entry<number>(
    "seances",
    "blank",
    { means: "refused", message: "nombre de séances non renseigné (ou 0) : au moins 1, l'entretien initial compris" },
    (v) => {
      const n = readNonNegativeInteger(v, "seances");
      return n === 0 ? fail("seances", "au moins 1 séance attendue, l'entretien initial compris") : n;
    },
  ),
} as const;

/**
 * Arguments a function declares its own way: AM.OBJECTIF's option is optional (a centre de santé has none), so a
 * blank there is « no option », where AM.AID refuses it. By function, then argument name.
 */
export const FUNCTION_ARGUMENTS = {
  "AM.OBJECTIF": {
    etp: entry<number | undefined>("etp", "blank", { means: "default", value: () => undefined, text: "aucune option (centre de santé)" }, (v) => readEtp(v)),
  },
} as const;

/** A pair of counts of AM.ATTEINTE (start and end of the period followed), its two arguments. */
export const COUNT_PAIRS = {
  pmt: [ARGUMENTS.pmt_depart, ARGUMENTS.pmt_fin],
  fa: [ARGUMENTS.fa_depart, ARGUMENTS.fa_fin],
} as const;

/** What an optional pair left blank means, for the help page. */
export const OPTIONAL_PAIR_TEXT = "les deux vides (ou 0) : indicateur non suivi ; l'un sans l'autre : refusé (#VALEUR!)";

/**
 * Reads a pair of counts: an optional pair left out whole (both blank, or 0, desktop Excel's blank cell) is not given;
 * otherwise each is read as its entry declares (a start of 0 refused, an end left blank refused).
 */
export function readCountPair(
  pair: (typeof COUNT_PAIRS)[keyof typeof COUNT_PAIRS],
  depart: unknown,
  fin: unknown,
  required: boolean,
): { depart: number; fin: number } | undefined {
  if (!required && [depart, fin].every((v) => isMissing(v) || v === 0)) return undefined;
  return { depart: readArgument(pair[0], depart), fin: readArgument(pair[1], fin) };
}

/**
 * Whether the territory has a SAS: VRAI when the argument is omitted (or a blank cell on the web). A 0 is refused where
 * the SAS picks the table: desktop Excel passes a blank cell as 0, and an analyst's 1/0 column means « no SAS » by it,
 * so 0 cannot be read right (as VRAI it paid a T4 CPTS 170 500 € where the 2019 table gives 88 000 €). Elsewhere the
 * SAS changes nothing and a 0 is accepted.
 */
export const SAS = {
  code: "sas",
  blankText: `vide : VRAI ; 0 refusé pour la mission accès aux soins à partir du ${frenchDate(SAS_PICKS_FROM)} (le SAS y choisit le barème)`,
  read(value: unknown, mission: MissionCode, date: string): boolean {
    if (value === 0) {
      if (!sasPicksTable(mission, date)) return true;
      fail(
        "sas",
        "0 ne dit pas s'il y a un SAS (Excel bureau transmet aussi une cellule vide comme 0), et le SAS choisit ici le barème de l'accès aux soins : saisir VRAI ou FAUX (oui/non), ou omettre l'argument (VRAI par défaut)",
      );
    }
    return isMissing(value) ? true : readBoolean(value, "sas");
  },
};
