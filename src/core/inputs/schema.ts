/**
 * The declared input schema: one entry per column of the four regional tables and per field of the ACI MSP row, with
 * its code, French label, kind, what a blank and a 0 mean, how it is normalised and when it is required. The table
 * readers interpret these entries (`readColumn`), the help page lists them (built from this file), and a property
 * test checks each declared outcome on a built workbook: the help, the messages and the code read one declaration.
 *
 * Readings (« Reading cells »): a blank cell reaches the pane and the offline job as empty; in a function, desktop
 * Excel passes it as 0, so wherever 0 cannot be a value (codes, dates, years, flags, national rates) a 0 is a blank.
 */
import { ACI_CPTS_2019_START as ACI_CPTS_START } from "../aci-cpts";
import { readBande, readEtp, readRegime } from "../assistant-medical/codes";
import { AVENANT_7_START } from "../assistant-medical/params";
import { readStartCount } from "../assistant-medical/objectives";
import { describe } from "../dates";
import { fail } from "../errors";
import { communeKey, idKey, readCommuneCode, readDepartement, type CodeReading } from "../regional/codes";
import { normalizeCode } from "../text";
import { isMissing, readCode, readBoolean, readNumber, readNonNegative, readNonNegativeInteger, readRate } from "../values";

/** What a column or field holds; each kind has one reader and one line of help. */
export type Kind =
  | "id"
  | "text"
  | "commune"
  | "departement"
  | "cpam"
  | "population"
  | "count"
  | "quantity"
  | "etp"
  | "rate"
  | "flag"
  | "date"
  | "year"
  | "hours"
  | "level"
  | "code";

/** How the help page describes each kind (one place: the page and the messages say the same). */
export const KIND_HELP: Readonly<Record<Kind, string>> = {
  id: "identifiant (comparé sans casse, accents ni espaces)",
  text: "texte libre",
  commune: "code commune INSEE (5 caractères, zéro initial rétabli)",
  departement: "code de département (33, 2A, 971) ou son nom",
  cpam: "code de la CPAM : département (16) ou numéro de caisse (641), lu dans la région du classeur",
  population: "nombre entier d'habitants",
  count: "nombre entier",
  quantity: "nombre positif",
  etp: "nombre d'ETP strictement positif (0,5 ou 1/2)",
  rate: "taux (80 % ou 0,8)",
  flag: "1 ou 0 (VRAI/FAUX, oui/non)",
  date: "date (JJ/MM/AAAA ou date Excel)",
  year: "année sur quatre chiffres",
  hours: "nombre d'heures par jour (0 à 24)",
  level: "niveau entier",
  code: "code de la liste",
};

/** What an empty cell means: refused with a message, absent (no value), or a default, said in « Contrôles » when `said`. */
export type Blank =
  | { means: "refused"; message?: string }
  | { means: "absent"; text?: string }
  | { means: "default"; value: unknown; text: string; said?: string; when?: Condition };

/** A declared predicate on the values of a row already read (`column` read before the one it applies to). */
export interface Condition {
  column: string;
  /** The read value equals this one. */
  is?: unknown;
  /** The cell is not empty (a pair of columns given together). */
  given?: true;
  /** In words, for the help page and the messages (« stade = 5 »). */
  text: string;
  /** The refusal's message when the value is required by this condition and blank. */
  message?: string;
}

export interface ColumnEntry {
  code: string;
  label: string;
  kind: Kind;
  /** The column must be in the table (its header present). */
  required: boolean;
  blank: Blank;
  /**
   * What a 0 typed in the cell means: a value of its kind (refused by the kind where 0 is none: a code, a date), a
   * blank (a code whose list has no 0, read as AM.AID reads desktop Excel's blank cell), or refused.
   */
  zero: "value" | "blank" | "refused";
  /** The value must be given when this holds (blank refused then, naming the condition). */
  requiredWhen?: Condition;
  /** Accepted codes, for a `code` kind (help page). */
  codes?: readonly string[];
  /** Earliest date accepted, with the text that starts it (a date before is a typing error). */
  earliest?: { date: string; text: string };
  /** The value a cell holds once read: the kind's reader, or this column's own (a code table, a pair of counts). */
  read?: (value: unknown, column: string) => unknown;
  /** A line of help beyond the kind's (units, where the value comes from). */
  note?: string;
  /** Part of the row's key: no two rows of the table share the values of their key columns (compared by `keyOf`). */
  key?: true;
}

export type TableKind = "communes" | "cpts" | "msp" | "contrats_am" | "ald_mt" | "mt_dent" | "cds" | "imt" | "depenses_cds";

/** The régimes of the expenses tables. */
export const REGIMES_DEPENSES = ["general", "msa", "autres"] as const;
export type RegimeDepenses = (typeof REGIMES_DEPENSES)[number];
const REGIME_DEPENSES_CODES: Readonly<Record<string, RegimeDepenses>> = {
  general: "general",
  regime_general: "general",
  rg: "general",
  msa: "msa",
  autres: "autres",
  autre: "autres",
  autres_regimes: "autres",
};

/** A change on the previous year (−7,5 % or −0,075; +300 % is 3): from −100 % up. */
function readChange(value: unknown, column: string): number {
  const n = readNumber(value, column);
  if (n < -1) fail(column, `évolution d'au moins −100 % attendue (ex. −7,5 % ou −0,075), reçu ${describe(n)}`);
  if (n >= 10) fail(column, `évolution saisie ${describe(n)} : saisir ${describe(n)} % ou ${describe(n / 100)}`);
  return n;
}

/** The types of centre de santé, as the région counts them. */
export const CDS_TYPES = ["dentaire", "medical", "polyvalent", "infirmier"] as const;
export type CdsType = (typeof CDS_TYPES)[number];
const CDS_TYPE_CODES: Readonly<Record<string, CdsType>> = {
  ...Object.fromEntries(
    CDS_TYPES.flatMap((t) => [
      [t, t],
      [`${t}s`, t],
      [`centre_${t}`, t],
    ]),
  ),
  medicaux: "medical",
  infirmiers: "infirmier",
};

/** Kinds of which 0 is no value (a code, a date): a 0 typed there is refused. */
export const NO_ZERO: ReadonlySet<Kind> = new Set<Kind>(["commune", "departement", "cpam", "date", "year", "code"]);

const col = (code: string, label: string, kind: Kind, rest: Partial<ColumnEntry> = {}): ColumnEntry => ({
  code,
  label,
  kind,
  required: true,
  blank: { means: "refused" },
  zero: NO_ZERO.has(kind) ? "refused" : "value",
  ...rest,
});

/** A year on four digits (2023), for a table whose rows are years. */
function readYear(value: unknown, column: string): number {
  const n = readNonNegativeInteger(value, column);
  if (n < 2000 || n > 2100) fail(column, `année sur quatre chiffres attendue (ex. 2023), reçu ${describe(value)}`);
  return n;
}

/** The stages of a CPTS project (5: CPTS conventionnée). */
export const STADE_CODES = ["1", "2", "2bis", "3", "4", "5"] as const;

/** A CPTS stage: `4`, `stade 4`, `Stade 2 bis`, `2BIS`. */
function readStade(value: unknown, column: string): string {
  const code = normalizeCode(typeof value === "number" ? String(value) : String(value).trim())
    .replace(/^stade_?/, "")
    .replace(/_/g, "");
  if (!(STADE_CODES as readonly string[]).includes(code)) fail(column, `stade inconnu « ${describe(value)} » ; stades acceptés : ${STADE_CODES.join(", ")}`);
  return code;
}
const optional = { required: false } as const;

/** The columns of each regional table, in the order the help lists them (the header row is matched without case or accents). */
export const TABLE_SCHEMA: Readonly<Record<TableKind, readonly ColumnEntry[]>> = {
  communes: [
    col("code_commune", "code INSEE de la commune", "commune", { key: true }),
    col("departement", "département de la commune", "departement"),
    col("population", "population municipale", "population"),
    col("cpts", "identifiant de la CPTS qui couvre la commune", "id", {
      blank: { means: "absent", text: "commune hors de toute CPTS (zone blanche)" },
    }),
  ],
  cpts: [
    col("id", "identifiant de la CPTS", "id", { key: true }),
    col("nom", "nom de la CPTS", "text", { blank: { means: "absent" } }),
    col("departement", "département du siège", "departement"),
    col("stade", "stade du projet", "code", { codes: STADE_CODES, read: readStade, note: "5 : CPTS conventionnée, ACI signé" }),
    col("population", "population couverte", "population"),
    col("date_signature", "date de signature de l'ACI CPTS", "date", {
      blank: { means: "absent", text: "CPTS sans contrat signé" },
      requiredWhen: {
        column: "stade",
        is: "5",
        text: "stade = 5 (CPTS conventionnée)",
        message: "date de signature obligatoire pour une CPTS conventionnée (stade 5)",
      },
      earliest: { date: ACI_CPTS_START, text: "l'entrée en vigueur de l'ACI CPTS" },
    }),
    col("membres", "nombre de membres", "count", {
      blank: {
        means: "default",
        value: 0,
        text: "0 membre",
        said: "cellule vide lue comme 0 membre : pas de majoration des CPTS de taille 4",
        when: { column: "stade", is: "5", text: "stade = 5" },
      },
    }),
    col("sas", "territoire doté d'un service d'accès aux soins (SAS)", "flag", {
      blank: {
        means: "default",
        value: true,
        text: "VRAI (valeur par défaut de CPTS.MISSION)",
        said: "cellule vide lue comme VRAI (territoire avec SAS, valeur par défaut de CPTS.MISSION)",
        when: { column: "stade", is: "5", text: "stade = 5" },
      },
    }),
    ...(["acces", "parcours", "prevention", "qualite", "accompagnement"] as const).map((m) =>
      col(`atteinte_${m}`, `taux d'atteinte des objectifs de la mission ${m}`, "rate", {
        ...optional,
        blank: { means: "default", value: 1, text: "100 % (part variable entière)" },
        read: (v, c) => readRate(v, c, true),
        note: "au-delà de 100 % : plafonné à 100 %",
      }),
    ),
    col("qualite", "mission optionnelle qualité et pertinence engagée", "flag", { ...optional, blank: { means: "default", value: false, text: "FAUX" } }),
    col("accompagnement", "mission optionnelle d'accompagnement des professionnels engagée", "flag", {
      ...optional,
      blank: { means: "default", value: false, text: "FAUX" },
    }),
  ],
  msp: [
    col("id", "identifiant de la MSP (le même d'une année à l'autre)", "id", { key: true }),
    col("nom", "nom de la MSP", "text", { blank: { means: "absent" } }),
    col("departement", "département de la MSP", "departement"),
    col("aci", "MSP sous contrat ACI cette année", "flag", {
      blank: {
        means: "default",
        value: false,
        text: "0 : MSP sans contrat, comptée mais non rémunérée",
        said: "cellule vide lue comme 0 : MSP sans contrat ACI, comptée mais non rémunérée",
      },
    }),
    col("annee", "année de rémunération", "year", {
      key: true,
      note: "puis les champs de l'ACI MSP, mêmes codes qu'ACI.MSP_POINTS",
    }),
  ],
  contrats_am: [
    col("id", "identifiant du contrat", "id", { key: true }),
    col("cpam", "CPAM du contrat", "cpam"),
    col("date_signature", "date de signature du contrat", "date", {
      earliest: { date: AVENANT_7_START, text: "l'avenant 7 qui crée l'aide à l'emploi d'un assistant médical" },
    }),
    col("etp", "ETP d'assistant médical", "etp", { zero: "refused", read: (v, c) => readEtp(v, c) }),
    col("regime", "régime : liberal ou cds (centre de santé)", "code", {
      codes: ["liberal", "cds"],
      zero: "blank",
      blank: {
        means: "default",
        value: "liberal",
        text: "liberal (valeur par défaut d'AM.AID)",
        said: "cellule vide lue comme liberal (valeur par défaut d'AM.AID)",
      },
      read: (v, c) => readRegime(v, c),
    }),
    col("bande", "bande de patientèle (P30-P50 … P95+)", "code", {
      codes: ["P30-P50", "P50-P70", "P70-P90", "P90-P95", "P95+"],
      zero: "blank",
      blank: {
        means: "default",
        value: undefined,
        text: "aucune bande",
        said: "cellule vide : aucune bande de patientèle, aide sans les montants des bandes P90-P95 et P95+ (comme AM.AID sans bande)",
        when: { column: "regime", is: "liberal", text: "regime = liberal" },
      },
      read: (v, c) => readBande(v, c),
    }),
    col("date_fin", "premier jour sans contrat (date d'effet de la fin)", "date", {
      ...optional,
      blank: { means: "absent", text: "contrat en cours" },
      earliest: { date: AVENANT_7_START, text: "l'avenant 7 qui crée l'aide à l'emploi d'un assistant médical" },
    }),
    ...followUp("pmt", "patients médecin traitant"),
    ...followUp("fa", "file active"),
    col("objectif", "hausse de patientèle demandée", "rate", {
      ...optional,
      blank: { means: "absent", text: "déduite de la bande (AM.OBJECTIF) quand le suivi est renseigné" },
    }),
    col("etp_medecins", "ETP de médecins du centre de santé", "quantity", {
      ...optional,
      blank: { means: "absent", text: "quota d'ETP non vérifié" },
      zero: "refused",
      read: (v, c) => readPositive(v, c),
    }),
  ],
  // the follow-up of the action « Zéro patient en ALD sans médecin traitant », by CPAM and date of extraction
  ald_mt: [
    col("cpam", "CPAM : département ou numéro de caisse (41 pour la caisse 041)", "cpam"),
    col("date", "date de l'extraction", "date"),
    col("patients_ald", "bénéficiaires en ALD", "count"),
    col("patients_ald_sans_mt", "bénéficiaires en ALD sans médecin traitant déclaré", "count"),
  ],
  // the dispositif M'T dent, by CPAM and year: the examinations (EBD) done among the eligible patients
  mt_dent: [
    col("cpam", "CPAM : département ou numéro de caisse", "cpam"),
    col("annee", "année du dispositif", "year", { read: (v, c) => readYear(v, c) }),
    col("patients_eligibles", "patients éligibles à l'examen bucco-dentaire (EBD)", "count"),
    col("ebd_realises", "examens bucco-dentaires réalisés", "count"),
    col("taux_moyen_ps", "taux moyen des chirurgiens-dentistes ayant 12 mois d'activité sur la période", "rate", {
      ...optional,
      blank: { means: "absent", text: "non donné" },
    }),
  ],
  // the centres de santé of the région, one row each
  cds: [
    col("id", "identifiant du centre (FINESS)", "id", { key: true }),
    col("nom", "nom du centre", "text", { blank: { means: "absent" } }),
    col("departement", "département du centre", "departement"),
    col("type", "type : dentaire, medical, polyvalent ou infirmier", "code", {
      codes: CDS_TYPES,
      read: (v, c) => readCode(v, c, CDS_TYPE_CODES),
    }),
    col("specialite", "spécialité d'un centre médical (ophtalmologie…)", "text", { ...optional, blank: { means: "absent", text: "aucune" } }),
  ],
  // the consultations IMT billed by the centres de santé, by CPAM and month
  imt: [
    col("cpam", "CPAM : département ou numéro de caisse", "cpam"),
    col("mois", "mois (une date du mois : 01/06/2023)", "date"),
    col("nb_imt", "consultations IMT facturées dans le mois", "count"),
  ],
  // the expenses of the centres de santé (base de remboursement), by year, prestation and régime
  depenses_cds: [
    col("annee", "année des dépenses", "year", { read: (v, c) => readYear(v, c) }),
    col("groupe", "groupe de prestations (Actes médicaux, Actes dentaires…)", "text"),
    col("prestation", "prestation (Consultations et visites…)", "text"),
    col("regime", "régime : general, msa ou autres", "code", { codes: REGIMES_DEPENSES, read: (v, c) => readCode(v, c, REGIME_DEPENSES_CODES) }),
    col("montant", "montant en base de remboursement (euros)", "quantity"),
    col("pcap_france", "évolution France sur la période comparable de l'année précédente (PCAP)", "rate", {
      ...optional,
      blank: { means: "absent", text: "non donnée" },
      read: (v, c) => readChange(v, c),
    }),
  ],
};

/**
 * The follow-up of an AM contract's objective: a count at the start of the year followed (strictly positive: the
 * increase is measured against it) and at its end, given together or not at all.
 */
function followUp(prefix: "pmt" | "fa", what: string): ColumnEntry[] {
  const start = `${prefix}_depart`;
  const end = `${prefix}_fin`;
  const none = { means: "absent", text: "pas de suivi de l'objectif" } as const;
  return [
    col(start, `${what} au début de l'année suivie`, "quantity", {
      ...optional,
      blank: none,
      requiredWhen: { column: end, given: true, text: `${end} renseigné` },
      zero: "refused",
      read: (v, c) => readStartCount(v, c),
    }),
    col(end, `${what} à la fin de l'année suivie`, "quantity", {
      ...optional,
      blank: none,
      requiredWhen: { column: start, given: true, text: `${start} renseigné` },
    }),
  ];
}

function readPositive(v: unknown, column: string): number {
  const n = readNonNegative(v, column);
  if (n <= 0) fail(column, `nombre strictement positif attendu, reçu ${describe(v)}`);
  return n;
}

/**
 * The key a cell is compared, grouped and joined by, from its column's kind: a commune code with its leading zero
 * restored, any other value folded as ids are (case, accents, every kind of space: `normalizeCode`).
 */
export function keyOf(entry: ColumnEntry, value: unknown): string {
  const text = isMissing(value) ? "" : typeof value === "number" ? String(value) : String(value).trim();
  return entry.kind === "commune" ? communeKey(text) : idKey(text);
}

/** A column's entry, by code (`undefined` for a column the table does not declare: the analyst's own). */
export function columnEntry(kind: TableKind, code: string): ColumnEntry | undefined {
  return TABLE_SCHEMA[kind].find((c) => c.code === code);
}

/** The reader of a kind, for a non-blank cell. Codes of a list have their own reader (`read`). */
function readKind(entry: ColumnEntry, value: unknown, column: string): unknown {
  switch (entry.kind) {
    case "id":
    case "text":
      return typeof value === "number" ? String(value) : String(value).trim();
    case "commune":
      return readCommuneCode(value, column);
    case "departement":
      return readDepartement(value, column);
    case "population":
    case "count":
      return readNonNegativeInteger(value, column);
    case "quantity":
    case "hours":
      return readNonNegative(value, column);
    case "rate":
      return readRate(value, column, false);
    case "flag":
      return readBoolean(value, column);
    default:
      // dates, years, CPAM and list codes need their context (date system, region, earliest date): read by the table
      return value;
  }
}

/**
 * What reading a cell said beyond its value, filled by `readColumn` (one per table reader, reused for every cell:
 * tables run to tens of thousands of rows): whether the cell was blank (the declared default, or absence, applies) and
 * the default's text for « Contrôles » when the declaration says it and its condition holds.
 */
export interface CellNote {
  blank: boolean;
  said: string | undefined;
}

/** Whether a condition of the schema holds on the row read so far. */
const holds = (c: Condition | undefined, read: (column: string) => unknown, given: (column: string) => boolean) =>
  c !== undefined && (c.given ? given(c.column) : read(c.column) === c.is);

/**
 * Reads one cell as its entry declares, throwing a DomainError naming the column for a refused value, and says in
 * `note` whether it was blank and what default it took. `read` gives a value of the row already read (for `when` and
 * `requiredWhen`, consulted on blank cells only), `given` whether a cell of the row is not empty. Territorial codes
 * come back as their CodeReading; dates, years and CPAM codes as typed, for the table reader, which knows the date
 * system and the region.
 */
export function readColumn(entry: ColumnEntry, value: unknown, read: (column: string) => unknown, given: (column: string) => boolean, note: CellNote): unknown {
  note.said = undefined;
  if (isMissing(value) || (value === 0 && entry.zero === "blank")) {
    note.blank = true;
    const blank = entry.blank;
    if (blank.means === "refused") return fail(entry.code, blank.message ?? "valeur obligatoire manquante");
    if (holds(entry.requiredWhen, read, given)) {
      const when = entry.requiredWhen!;
      return fail(entry.code, when.message ?? `valeur obligatoire manquante pour ${when.text}`);
    }
    if (blank.means === "absent") return undefined;
    if (blank.said && (!blank.when || holds(blank.when, read, given))) note.said = blank.said;
    return blank.value;
  }
  note.blank = false;
  if (value === 0 && entry.zero === "refused") {
    // the kind's own reader words the refusal (« effectif de départ strictement positif attendu »)
    if (entry.read) entry.read(value, entry.code);
    return fail(entry.code, `0 refusé : ${KIND_HELP[entry.kind]} attendu`);
  }
  return entry.read ? entry.read(value, entry.code) : readKind(entry, value, entry.code);
}

export type { CodeReading };
