/**
 * ACI CPTS (accord conventionnel interprofessionnel en faveur des communautés
 * professionnelles territoriales de santé) — annual amounts by taille.
 *
 * ACI 2019: arrêté du 21/08/2019, in force 25/08/2019; table of seed 003.
 * Avenant 2: financial measures in force 03/09/2022; tables of seed 001.
 */
import { SEEDS, type Series } from "../params";

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

const ACI_2019 = `${SEEDS.bilanNegociationCpts2019}, tableau « Financement des missions » (ACI CPTS 2019, art. 8)`;

/** Size thresholds, on the population covered: T1 < 40 000 ≤ T2 ≤ 80 000 < T3 ≤ 175 000 < T4 (RULES.md). */
export const TAILLE_THRESHOLDS = {
  value: { t2From: 40_000, t2To: 80_000, t3To: 175_000 },
  ref: `${SEEDS.bilanNegociationCpts2019} (tailles) ; bornes exactes : lecture de RULES.md`,
  confidence: "to-confirm",
} as const;

export const MISSIONS: Readonly<Record<MissionCode, { label: string; series: Series<Envelope> }>> = {
  acces: {
    label: "Accès aux soins (socle)",
    series: [
      { from: ACI_CPTS_2019_START, to: DAY_BEFORE_AVENANT_2, value: halfAndHalf([15_000, 17_500, 25_000, 30_000]), ref: ACI_2019, confidence: "seed" },
      {
        from: AVENANT_2_START,
        value: { fixe: [55_000, 70_000, 90_000, 110_000], variable: [25_000, 30_000, 35_000, 45_000] },
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Modifications de la mission accès aux soins » (fusion des 4 enveloppes)`,
        confidence: "seed",
      },
    ],
  },
  snp_compensation: {
    label: "Accès aux soins : volet supplémentaire SNP, compensation des PS",
    series: [
      { from: ACI_CPTS_2019_START, to: DAY_BEFORE_AVENANT_2, value: fixedOnly([10_000, 12_000, 15_000, 20_000]), ref: ACI_2019, confidence: "seed" },
      {
        from: AVENANT_2_START,
        value: fixedOnly(NONE),
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023} (fusionné dans l'enveloppe accès aux soins)`,
        confidence: "seed",
      },
    ],
  },
  regulation: {
    label: "Accès aux soins : financement spécifique de la régulation",
    series: [
      { from: ACI_CPTS_2019_START, to: DAY_BEFORE_AVENANT_2, value: fixedOnly([35_000, 45_000, 55_000, 70_000]), ref: ACI_2019, confidence: "seed" },
      {
        from: AVENANT_2_START,
        value: fixedOnly(NONE),
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023} (fusionné dans l'enveloppe accès aux soins)`,
        confidence: "seed",
      },
    ],
  },
  parcours: {
    label: "Parcours pluriprofessionnels (socle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([25_000, 35_000, 45_000, 50_000]), ref: ACI_2019, confidence: "seed" }],
  },
  prevention: {
    label: "Prévention (socle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([10_000, 15_000, 17_500, 20_000]), ref: ACI_2019, confidence: "seed" }],
  },
  qualite: {
    label: "Qualité et pertinence des soins (optionnelle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([7_500, 10_000, 15_000, 20_000]), ref: ACI_2019, confidence: "seed" }],
  },
  accompagnement: {
    label: "Accompagnement des professionnels de santé (optionnelle)",
    series: [{ from: ACI_CPTS_2019_START, value: halfAndHalf([5_000, 7_500, 10_000, 15_000]), ref: ACI_2019, confidence: "seed" }],
  },
  crise_redaction: {
    label: "Crises sanitaires graves : année 1, rédaction du plan",
    series: [
      {
        from: AVENANT_2_START,
        value: fixedOnly([25_000, 35_000, 45_000, 50_000]),
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Nouvelle mission : crise sanitaire »`,
        confidence: "seed",
      },
    ],
  },
  crise_mise_a_jour: {
    label: "Crises sanitaires graves : années suivantes, mise à jour du plan",
    series: [
      {
        from: AVENANT_2_START,
        value: fixedOnly([12_500, 17_500, 22_500, 25_000]),
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Nouvelle mission : crise sanitaire »`,
        confidence: "seed",
      },
    ],
  },
  crise_survenue: {
    label: "Crises sanitaires graves : survenue d'une crise (volet variable)",
    series: [
      {
        from: AVENANT_2_START,
        value: { fixe: NONE, variable: [37_500, 52_500, 67_500, 75_000] },
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Nouvelle mission : crise sanitaire »`,
        confidence: "seed",
      },
    ],
  },
  fonctionnement: {
    label: "Fonctionnement de la communauté",
    series: [{ from: ACI_CPTS_2019_START, value: fixedOnly([50_000, 60_000, 75_000, 90_000]), ref: ACI_2019, confidence: "seed" }],
  },
  fonctionnement_supplement: {
    label: "Augmentation de l'enveloppe de fonctionnement (+75 %, versement unique)",
    // Keyed on the contract's signature date: CPTS signed by 30/09/2022 (paid on 03/09/2022, or at signature).
    series: [
      {
        from: ACI_CPTS_2019_START,
        to: "2022-09-30",
        value: fixedOnly([37_500, 45_000, 56_250, 67_500]),
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Augmentation de l'enveloppe de fonctionnement »`,
        confidence: "seed",
      },
    ],
  },
  precoce: {
    label: "Contrat mission précoce (avant validation du projet de santé)",
    series: [
      {
        from: AVENANT_2_START,
        value: fixedOnly([15_000, 17_500, 25_000, 30_000]),
        ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Contrat mission précoce »`,
        confidence: "seed",
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
  series: [
    { from: AVENANT_2_START, value: DAY_BEFORE_AVENANT_2, ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Les 4 cas possibles »`, confidence: "seed" },
  ] as Series<string>,
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
      ref: `${SEEDS.cprCptsNouvelleAquitaine2023}, « Majoration des rémunérations pour les CPTS de taille 4 »`,
      confidence: "seed",
    },
  ] as Series<{ taille: number; membresMin: number; taux: number }>,
};
