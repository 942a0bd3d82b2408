/**
 * The MSP's fields: one code per column of the analyst's table (the header row
 * given to ACI.MSP_POINTS, and the MSP table of the task pane). Codes are
 * matched without case or accents; a missing field means 0 / not met.
 */
import { parseDate, describe } from "../dates";
import { fail } from "../errors";
import { normalizeCode } from "../text";
import { isBlank, isMissing, readBoolean, readNonNegative, readNonNegativeInteger, readNumber, readRate } from "../values";

type Kind =
  | { kind: "year" }
  | { kind: "count" }
  | { kind: "quantity"; max?: number }
  | { kind: "flag" }
  | { kind: "level"; max: number }
  | { kind: "rate" }
  | { kind: "date" };

const FIELDS = {
  annee: { kind: "year", label: "année de rémunération" },
  annee_adhesion: { kind: "year", label: "année de signature du contrat" },
  date_adhesion: { kind: "date", label: "date de signature du contrat (proratise l'avance et le minimum l'année de signature)" },
  patientele: { kind: "quantity", label: "patientèle médecin traitant" },
  nb_ps: { kind: "count", label: "professionnels de santé associés" },
  amplitude_h: { kind: "quantity", max: 24, label: "amplitude d'ouverture quotidienne en semaine (heures)" },
  samedi_matin: { kind: "flag", label: "ouverture le samedi matin" },
  fermeture_conges: { kind: "flag", label: "fermeture jusqu'à 3 semaines pendant les congés scolaires" },
  snp: { kind: "flag", label: "organisation des soins non programmés" },
  coordination: { kind: "flag", label: "fonction de coordination" },
  si_standard: { kind: "flag", label: "système d'information labellisé niveau standard" },
  si_date: { kind: "date", label: "date d'acquisition du logiciel" },
  si_avance: { kind: "flag", label: "système d'information niveau avancé" },
  protocoles: { kind: "count", label: "protocoles pluriprofessionnels" },
  reunions: { kind: "count", label: "réunions de concertation dans l'année" },
  dossiers: { kind: "count", label: "dossiers patients revus" },
  patients_ald75: { kind: "count", label: "patients MT en ALD ou de plus de 75 ans" },
  missions_sp: { kind: "count", label: "missions de santé publique" },
  diversite: { kind: "level", max: 2, label: "diversité de l'offre de soins (niveau)" },
  second_recours: { kind: "level", max: 2, label: "consultations de second recours (niveau)" },
  cstm: { kind: "flag", label: "accueil de médecins CSTM" },
  satisfaction: { kind: "flag", label: "questionnaire de satisfaction des patients" },
  formation: { kind: "flag", label: "formation des jeunes professionnels" },
  coord_externe: { kind: "flag", label: "coordination externe" },
  taux_css: { kind: "rate", label: "taux de patients CSS de la MSP" },
  taux_ame: { kind: "rate", label: "taux de patients AME de la MSP" },
  taux_css_national: { kind: "rate", label: "taux national de patients CSS" },
  taux_ame_national: { kind: "rate", label: "taux national de patients AME" },
  // avenant 1
  ipa: { kind: "flag", label: "infirmier en pratique avancée dans la MSP" },
  crise_plan: { kind: "flag", label: "plan de préparation aux crises sanitaires" },
  crise_survenue: { kind: "flag", label: "crise sanitaire grave survenue et plan mis en œuvre" },
  sas: { kind: "level", max: 2, label: "participation au SAS (1 : la moitié des médecins, 2 : tous)" },
  usagers: { kind: "level", max: 2, label: "implication des usagers (niveau)" },
  qualite: { kind: "level", max: 3, label: "démarche qualité (niveau)" },
  cooperation: { kind: "count", label: "protocoles nationaux de coopération" },
  parcours_ic: { kind: "flag", label: "parcours insuffisance cardiaque" },
  parcours_obesite: { kind: "flag", label: "parcours surpoids et obésité de l'enfant" },
  stages: { kind: "count", label: "stagiaires accueillis dans l'année" },
} as const satisfies Record<string, Kind & { label: string }>;

export type FieldCode = keyof typeof FIELDS;
export const FIELD_CODES = Object.keys(FIELDS) as FieldCode[];
export const FIELD_LABELS: Readonly<Record<FieldCode, string>> = Object.fromEntries(FIELD_CODES.map((c) => [c, FIELDS[c].label])) as Record<FieldCode, string>;

type DateField = "si_date" | "date_adhesion";
const isDateField = (code: FieldCode): code is DateField => FIELDS[code].kind === "date";

/** Numbers for every field (0 when missing), ISO dates for the date fields, and which fields were given. */
export interface MspInput {
  values: Record<Exclude<FieldCode, DateField>, number>;
  siDate?: string;
  adhesionDate?: string;
  given: ReadonlySet<FieldCode>;
}

const BY_NORMALIZED: ReadonlyMap<string, FieldCode> = new Map(FIELD_CODES.map((c) => [normalizeCode(c), c]));

/** Headers already seen: the same header row is read again at every recalculation. */
const HEADER_CACHE = new Map<string, FieldCode | undefined>();
const HEADER_CACHE_MAX = 10_000;

/** The field code of a header cell, or `undefined` when it is not one. */
export function fieldCode(header: string): FieldCode | undefined {
  if (HEADER_CACHE.has(header)) return HEADER_CACHE.get(header);
  const code = BY_NORMALIZED.get(normalizeCode(header));
  if (HEADER_CACHE.size >= HEADER_CACHE_MAX) HEADER_CACHE.clear();
  HEADER_CACHE.set(header, code);
  return code;
}

function readField(code: FieldCode, raw: unknown): number {
  const spec: Kind = FIELDS[code];
  switch (spec.kind) {
    case "year": {
      const n = readNumber(raw, code);
      if (!Number.isInteger(n) || n < 1900 || n > 9999) fail(code, `année sur quatre chiffres attendue, reçu ${describe(raw)}`);
      return n;
    }
    case "count":
      return readNonNegativeInteger(raw, code);
    case "quantity": {
      const n = readNonNegative(raw, code);
      if (spec.max !== undefined && n > spec.max) fail(code, `valeur entre 0 et ${spec.max} attendue, reçu ${describe(raw)}`);
      return n;
    }
    case "flag":
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
 * Reads pairs of (field code, value). Unknown or repeated codes are errors
 * naming the code; empty header cells are skipped only when their value is empty too.
 */
const ZERO_VALUES = Object.fromEntries(FIELD_CODES.filter((c) => !isDateField(c)).map((c) => [c, 0])) as MspInput["values"];

/** Kinds of field where 0 means nothing (a year, a date, a flag given as a number): a desktop blank cell. */
const ZERO_IS_BLANK: ReadonlySet<Kind["kind"]> = new Set(["year", "date", "flag"]);

export function readMspFields(pairs: Iterable<readonly [unknown, unknown]>): MspInput {
  const values = { ...ZERO_VALUES };
  const seen = new Set<FieldCode>();
  const given = new Set<FieldCode>();
  const dates: Partial<Record<DateField, string>> = {};
  let position = 0;
  for (const [header, raw] of pairs) {
    position++;
    // desktop Excel hands an empty cell over as 0: a 0 header is an empty header, and its 0 value an empty cell
    if (isBlank(header)) {
      if (isBlank(raw)) continue;
      fail("champs", `en-tête vide en position ${position} alors que la valeur « ${describe(raw)} » est renseignée`);
    }
    if (typeof header !== "string") fail("champs", `code de champ attendu en position ${position}, reçu « ${describe(header)} »`);
    const code = fieldCode(header);
    if (!code) fail("champs", `champ inconnu « ${header} » ; voir la liste des codes (annee, patientele, nb_ps, amplitude_h…) dans l'aide`);
    if (seen.has(code)) fail("champs", `le champ « ${code} » apparaît deux fois`);
    seen.add(code);
    if (isMissing(raw) || (raw === 0 && ZERO_IS_BLANK.has(FIELDS[code].kind))) continue;
    given.add(code);
    if (isDateField(code)) dates[code] = parseDate(raw, code);
    else values[code] = readField(code, raw);
  }
  return { values, siDate: dates.si_date, adhesionDate: dates.date_adhesion, given };
}
