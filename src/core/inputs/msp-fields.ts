/**
 * The fields of the ACI MSP row (the header row given to ACI.MSP_POINTS and the MSP table's field columns), as
 * declared data: kind, French label, the text that created the field (`since`), what a 0 means, and when a value is
 * required (`requiredWhen`). Read by aci-msp/fields.ts and listed by the help page.
 */

/** The text that created a field: the ACI of 2017, or its avenant 1 (remuneration years from 2022). */
export type Since = "ACI 2017" | "avenant 1";

export type MspFieldKind =
  | { kind: "year" }
  | { kind: "count" }
  | { kind: "quantity" }
  /** Hours a day: 0 to 24, a fraction of 1 (Excel's time of day, 12:00 is 0,5) refused. */
  | { kind: "hours" }
  | { kind: "flag" }
  | { kind: "level"; max: number }
  | { kind: "rate" }
  | { kind: "date" };

/**
 * When a blank (or a 0, desktop Excel's blank) cannot stand for the value: `always`, or when `field` is above 0 and
 * none of the `unless` fields is (after the fields of a later text are set aside). `why` says what a blank would
 * pay; the refusal reads « <code> : champ non renseigné (ou 0) alors que <text> (sans <unless>) : <why> (<detail>) ; le
 * renseigner », the `unless` fields named only in the years whose text has them, and `detail` rendered from the
 * parameters of the year: `{horaires.amplitudeMinimale}` is that leaf's value, `{concertation.tauxDossiers%}` as a
 * percentage.
 */
export type MspRequiredWhen = ({ always: true; field?: undefined } | { field: string; always?: undefined }) & {
  unless?: readonly string[];
  text: string;
  why: string;
  detail?: string;
};

/** The condition of a requirement in words; with `exists`, only the `unless` fields the year's text has are named. */
export function requiredWhenText(when: MspRequiredWhen, exists: (field: string) => boolean = () => true): string {
  const unless = (when.unless ?? []).filter(exists);
  return `${when.text}${unless.length ? ` (sans ${unless.join(" ni ")})` : ""}`;
}

/**
 * `zero`: « blank » when a 0 there is desktop Excel's blank cell, never a value (a national rate is never 0 %); years,
 * dates and flags are read so by their kind. Any other field left blank counts as 0 (not met).
 */
export type MspFieldEntry = MspFieldKind & { label: string; since?: Since; zero?: "blank"; requiredWhen?: MspRequiredWhen };

export const MSP_FIELDS = {
  annee: { kind: "year", label: "année de rémunération" },
  annee_adhesion: { kind: "year", label: "année de signature du contrat" },
  date_adhesion: { kind: "date", label: "date de signature du contrat (proratise l'avance, le minimum et la concertation l'année de signature)" },
  patientele: {
    kind: "count",
    label: "patientèle médecin traitant",
    requiredWhen: { always: true, text: "toujours (MSP sous contrat)", why: "les points variables de chaque indicateur lui sont proportionnels" },
  },
  nb_ps: {
    kind: "count",
    label: "professionnels de santé associés",
    requiredWhen: { field: "si_standard", text: "si_standard = 1", why: "les points du système d'information sont comptés par professionnel" },
  },
  amplitude_h: {
    kind: "hours",
    label: "amplitude d'ouverture quotidienne en semaine (heures)",
    requiredWhen: {
      field: "snp",
      unless: ["derogation_pdsa", "fermeture_longue"],
      text: "snp = 1",
      why: "sous l'amplitude minimale, le prérequis horaires n'est pas atteint et rien n'est versé",
      detail: "{horaires.amplitudeMinimale} h par jour",
    },
  },
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
  patients_ald75: {
    kind: "count",
    label: "patients MT en ALD ou de plus de 75 ans",
    requiredWhen: {
      field: "dossiers",
      text: "dossiers > 0",
      why: "l'objectif de dossiers revus se mesure sur eux",
      detail: "{concertation.tauxDossiers%} d'entre eux",
    },
  },
  missions_sp: { kind: "count", label: "missions de santé publique" },
  diversite: { kind: "level", max: 2, label: "diversité de l'offre de soins (niveau)" },
  second_recours: { kind: "level", max: 2, label: "consultations de second recours (niveau)" },
  cstm: { kind: "flag", label: "accueil de médecins CSTM" },
  satisfaction: { kind: "flag", label: "questionnaire de satisfaction des patients" },
  formation: { kind: "flag", label: "formation des jeunes professionnels" },
  coord_externe: { kind: "flag", label: "coordination externe" },
  taux_css: { kind: "rate", label: "taux de patients CSS de la MSP" },
  taux_ame: { kind: "rate", label: "taux de patients AME de la MSP" },
  taux_css_national: {
    kind: "rate",
    zero: "blank",
    label: "taux national de patients CSS",
    requiredWhen: { field: "taux_css", text: "taux_css renseigné", why: "le taux national change chaque année et n'a pas de valeur par défaut" },
  },
  taux_ame_national: {
    kind: "rate",
    zero: "blank",
    label: "taux national de patients AME",
    requiredWhen: { field: "taux_ame", text: "taux_ame renseigné", why: "le taux national change chaque année et n'a pas de valeur par défaut" },
  },
  ipa: { kind: "flag", since: "avenant 1", label: "infirmier en pratique avancée dans la MSP" },
  crise_plan: { kind: "flag", since: "avenant 1", label: "plan de préparation aux crises sanitaires" },
  crise_survenue: { kind: "flag", since: "avenant 1", label: "crise sanitaire grave survenue et plan mis en œuvre" },
  sas: { kind: "level", max: 2, since: "avenant 1", label: "participation au SAS (1 : la moitié des médecins, 2 : tous)" },
  usagers: { kind: "level", max: 2, since: "avenant 1", label: "implication des usagers (niveau)" },
  qualite: { kind: "level", max: 3, since: "avenant 1", label: "démarche qualité (niveau)" },
  cooperation: { kind: "count", since: "avenant 1", label: "protocoles nationaux de coopération" },
  parcours_ic: { kind: "flag", since: "avenant 1", label: "parcours insuffisance cardiaque" },
  parcours_obesite: { kind: "flag", since: "avenant 1", label: "parcours surpoids et obésité de l'enfant" },
  stages: { kind: "count", since: "avenant 1", label: "stagiaires accueillis dans l'année" },
  derogation_pdsa: { kind: "flag", since: "avenant 1", label: "dérogation PDSA accordée par l'ARS (minorations d'amplitude et plancher de 8 h levés)" },
  fermeture_longue: {
    kind: "flag",
    since: "avenant 1",
    label: "fermeture de plus de 3 semaines pendant les congés scolaires ou de plus d'une semaine hors congés",
  },
  si_avance_date: { kind: "date", since: "avenant 1", label: "date d'acquisition du logiciel de niveau avancé" },
  mission_sp_obesite: { kind: "flag", since: "avenant 1", label: "l'unique mission de santé publique porte sur le surpoids et l'obésité de l'enfant" },
} as const satisfies Record<string, MspFieldEntry>;
