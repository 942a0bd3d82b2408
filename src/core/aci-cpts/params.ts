/**
 * ACI CPTS (accord conventionnel interprofessionnel en faveur des communautés
 * professionnelles territoriales de santé) — annual amounts by taille.
 *
 * ACI 2019: arrêté du 21/08/2019, in force 25/08/2019; table of seed 003.
 * Avenant 2: financial measures in force 03/09/2022; tables of seed 001.
 */
import { readingReference } from "../readings";
import { fromDeck, parameter, deckSlide, TEXTS, toConfirm, type Parameter, type Series } from "../params";

/** Amounts for tailles 1, 2, 3 and 4, in euros per year. */
export type ByTaille = readonly [number, number, number, number];

export interface Envelope {
  /** Volet fixe (moyens): paid whatever the results. */
  readonly fixe: ByTaille;
  /** Volet variable (actions et résultats): amounts at 100 % achievement. */
  readonly variable: ByTaille;
}

export type MissionCode =
  | "acces"
  | "snp_compensation"
  | "regulation"
  | "parcours"
  | "prevention"
  | "qualite"
  | "accompagnement"
  | "crise_redaction"
  | "crise_mise_a_jour"
  | "crise_survenue"
  | "fonctionnement"
  | "fonctionnement_supplement"
  | "precoce";

export const ACI_CPTS_2019_START = "2019-08-25";
export const AVENANT_2_START = "2022-09-03";
const DAY_BEFORE_AVENANT_2 = "2022-09-02";

const NONE: ByTaille = [0, 0, 0, 0];
const fixedOnly = (fixe: ByTaille): Envelope => ({ fixe, variable: NONE });
const halfAndHalf = (part: ByTaille): Envelope => ({ fixe: part, variable: part });

const ACI_2019 = fromDeck(deckSlide("bilanNegociationCpts2019", "tableau « Financement des missions »"), TEXTS.aciCpts2019);
const avenant2 = (slide: string) => fromDeck(deckSlide("cprCptsNouvelleAquitaine2023", slide));

/** Size thresholds, on the population covered: T1 < 40 000 ≤ T2 ≤ 80 000 < T3 ≤ 175 000 < T4 (RULES.md). */
export const TAILLE_THRESHOLDS = parameter("cpts.taille.seuils", "Bornes des tailles de CPTS (habitants)", "count", [
  {
    from: ACI_CPTS_2019_START,
    value: { t2From: 40_000, t2To: 80_000, t3To: 175_000 },
    ...toConfirm(
      "le bilan de la négociation ACI CPTS 2019 écrit « > 80 000 » pour la taille 3 sans borne haute et ne dit pas à quelle taille appartiennent 40 000 et 80 000 ; bornes retenues par le complément",
      "reading",
      readingReference("L-09"),
      deckSlide("bilanNegociationCpts2019", "tailles"),
      {
        title: "ARS Hauts-de-France, tailles de CPTS (T3 80 000 – 175 000)",
        url: "https://www.hauts-de-france.paps.sante.fr/le-financement-de-la-cpts-laccord-conventionnel-interprofessionnel-aci?parent=11940&rubrique=11937",
      },
    ),
  },
]);

export const MISSIONS: Readonly<Record<MissionCode, { label: string; series: Series<Envelope> }>> = {
  acces: {
    label: "Accès aux soins (socle)",
    series: [
      { from: ACI_CPTS_2019_START, to: DAY_BEFORE_AVENANT_2, value: halfAndHalf([15_000, 17_500, 25_000, 30_000]), ...ACI_2019 },
      {
        from: AVENANT_2_START,
        value: { fixe: [55_000, 70_000, 90_000, 110_000], variable: [25_000, 30_000, 35_000, 45_000] },
        ...avenant2("« Modifications de la mission accès aux soins » (fusion des 4 enveloppes)"),
      },
    ],
  },
  snp_compensation: {
    label: "Accès aux soins : volet supplémentaire SNP, compensation des PS",
    series: [
      { from: ACI_CPTS_2019_START, to: DAY_BEFORE_AVENANT_2, value: fixedOnly([10_000, 12_000, 15_000, 20_000]), ...ACI_2019 },
      {
        from: AVENANT_2_START,
        value: fixedOnly(NONE),
        ...avenant2("fusionné dans l'enveloppe accès aux soins"),
      },
    ],
  },
  regulation: {
    label: "Accès aux soins : financement spécifique de la régulation",
    series: [
      { from: ACI_CPTS_2019_START, to: DAY_BEFORE_AVENANT_2, value: fixedOnly([35_000, 45_000, 55_000, 70_000]), ...ACI_2019 },
      {
        from: AVENANT_2_START,
        value: fixedOnly(NONE),
        ...avenant2("fusionné dans l'enveloppe accès aux soins"),
      },
    ],
  },
  parcours: {
    label: "Parcours pluriprofessionnels (socle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([25_000, 35_000, 45_000, 50_000]), ...ACI_2019 }],
  },
  prevention: {
    label: "Prévention (socle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([10_000, 15_000, 17_500, 20_000]), ...ACI_2019 }],
  },
  qualite: {
    label: "Qualité et pertinence des soins (optionnelle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([7_500, 10_000, 15_000, 20_000]), ...ACI_2019 }],
  },
  accompagnement: {
    label: "Accompagnement des professionnels de santé (optionnelle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([5_000, 7_500, 10_000, 15_000]), ...ACI_2019 }],
  },
  crise_redaction: {
    label: "Crises sanitaires graves : année 1, rédaction du plan",
    series: [
      {
        from: AVENANT_2_START,
        value: fixedOnly([25_000, 35_000, 45_000, 50_000]),
        ...avenant2("« Nouvelle mission : crise sanitaire »"),
      },
    ],
  },
  crise_mise_a_jour: {
    label: "Crises sanitaires graves : années suivantes, mise à jour du plan",
    series: [
      {
        from: AVENANT_2_START,
        value: fixedOnly([12_500, 17_500, 22_500, 25_000]),
        ...avenant2("« Nouvelle mission : crise sanitaire »"),
      },
    ],
  },
  crise_survenue: {
    label: "Crises sanitaires graves : survenue d'une crise (volet variable)",
    series: [
      {
        from: AVENANT_2_START,
        value: { fixe: NONE, variable: [37_500, 52_500, 67_500, 75_000] },
        ...avenant2("« Nouvelle mission : crise sanitaire »"),
      },
    ],
  },
  fonctionnement: {
    label: "Fonctionnement de la communauté",
    series: [{ from: ACI_CPTS_2019_START, value: fixedOnly([50_000, 60_000, 75_000, 90_000]), ...ACI_2019 }],
  },
  fonctionnement_supplement: {
    label: "Augmentation de l'enveloppe de fonctionnement (+75 %, versement unique)",
    // Keyed on the contract's signature date: CPTS signed by 30/09/2022 (paid on 03/09/2022, or at signature).
    series: [
      {
        from: ACI_CPTS_2019_START,
        to: "2022-09-30",
        value: fixedOnly([37_500, 45_000, 56_250, 67_500]),
        ...avenant2("« Augmentation de l'enveloppe de fonctionnement »"),
      },
    ],
  },
  precoce: {
    label: "Contrat mission précoce (avant validation du projet de santé)",
    series: [
      {
        from: AVENANT_2_START,
        value: fixedOnly([15_000, 17_500, 25_000, 30_000]),
        ...avenant2("« Contrat mission précoce »"),
      },
    ],
  },
};

/**
 * Territory without a SAS: the accès-aux-soins mission keeps the ACI 2019
 * provisions (the « 4 cas possibles » of seed 001), so its envelopes are read
 * on the last day of the 2019 table.
 */
export const ACCES_SANS_SAS = {
  missions: ["acces", "snp_compensation", "regulation"] as readonly MissionCode[],
  series: [{ from: AVENANT_2_START, value: DAY_BEFORE_AVENANT_2, ...avenant2("« Les 4 cas possibles »") }] as Series<string>,
};

/**
 * Majoration taille 4: +10 % on every socle and optional mission of a T4 CPTS
 * with at least 100 members, never on fonctionnement (nor its supplement), nor
 * on the mission précoce contract, which precedes the ACI. Not retroactive.
 * Crise sanitaire included (RULES.md); the 2019 accès add-ons kept without SAS
 * are part of the accès-aux-soins mission, so they are included too.
 */
export const MAJORATION_TAILLE_4 = {
  missions: [
    "acces",
    "snp_compensation",
    "regulation",
    "parcours",
    "prevention",
    "qualite",
    "accompagnement",
    "crise_redaction",
    "crise_mise_a_jour",
    "crise_survenue",
  ] as readonly MissionCode[],
  series: [
    {
      from: AVENANT_2_START,
      value: { taille: 4, membresMin: 100, taux: 0.1 },
      ...avenant2("« Majoration des rémunérations pour les CPTS de taille 4 »"),
    },
  ] as Series<{ taille: number; membresMin: number; taux: number }>,
};

/**
 * ACI 2019: the accès-aux-soins mission's total is its fixe and variable volets plus the « volet supplémentaire SNP »
 * (compensation des professionnels de santé, fixed), as seed 003 prints it: 40 000 / 47 000 / 65 000 / 80 000 € at
 * 100 %. The régulation financing stays outside (its own code). Avenant 2 merges the four envelopes into one.
 */
export const ACCES_TOTAL_INCLUT = parameter<readonly MissionCode[]>(
  "cpts.acces.total_inclut",
  "Volets inclus dans le total de la mission accès aux soins",
  "code",
  [
    {
      from: ACI_CPTS_2019_START,
      to: DAY_BEFORE_AVENANT_2,
      value: ["snp_compensation"],
      ...fromDeck(
        deckSlide(
          "bilanNegociationCpts2019",
          "tableau « Financement des missions », ligne « Total » de l'accès aux soins (40 000 / 47 000 / 65 000 / 80 000 €)",
        ),
      ),
    },
  ],
);

/** The +75 % fonctionnement supplement is paid on the avenant 2's first day, or at the signature when later. */
export const SUPPLEMENT_VERSE_LE = AVENANT_2_START;

/**
 * The texts of the ACI CPTS, in order: the family's version leaf (each holds until the next `from`). A new avenant is
 * a new entry here and its dated values in the series above.
 */
export type CptsVersion = "ACI 2019" | "avenant 2";
export const CPTS_VERSION = parameter<CptsVersion>("cpts.version", "Texte en vigueur", "code", [
  { from: ACI_CPTS_2019_START, to: DAY_BEFORE_AVENANT_2, value: "ACI 2019", ...ACI_2019 },
  { from: AVENANT_2_START, value: "avenant 2", ...avenant2("« Avenant 2 - calendrier : opposition, approbation, entrée en vigueur »") },
]);

/** Every parameter of the ACI CPTS family (ids for the parameter-model invariants and the detail outputs). */
export const CPTS_PARAMETERS: readonly Parameter[] = [
  CPTS_VERSION,
  TAILLE_THRESHOLDS,
  ...(Object.entries(MISSIONS) as [MissionCode, { label: string; series: Series<Envelope> }][]).map(([code, m]) =>
    parameter(`cpts.mission.${code}`, m.label, "euros", m.series),
  ),
  parameter("cpts.acces.sans_sas", "Sans SAS : date de lecture du barème 2019 de l'accès aux soins", "date", ACCES_SANS_SAS.series),
  parameter("cpts.majoration_taille_4", "Majoration des CPTS de taille 4 (100 membres au moins)", "rate", MAJORATION_TAILLE_4.series),
  ACCES_TOTAL_INCLUT,
];

/**
 * The days on which some value of the family changes after its first text (a value holds until the next `from`): the
 * cuts of a calendar year, each part under its own rules. Derived, not named: an avenant's date is its values' `from`.
 */
export const CPTS_RULE_CHANGES: readonly string[] = [
  ...new Set(CPTS_PARAMETERS.flatMap((p) => p.series.map((e) => e.from)).filter((d) => d > ACI_CPTS_2019_START)),
].sort();
