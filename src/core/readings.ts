/**
 * The readings the product takes where the texts leave a choice: each with a stable id (never renumbered: a new
 * reading takes the next id), what it reads, the choice and why. Every sheet note, remark or parameter source that
 * applies a reading cites its id (« lecture L-04 »); the help page lists them all (aide.html, « Lectures retenues »).
 * Adding one: a new entry here, cited where it applies; tests/core/readings.test.ts checks both ways.
 */
import type { Reference } from "./params";

export interface Reading {
  id: string;
  /** What is read, in a few words. */
  title: string;
  /** The choice the product makes. */
  choice: string;
  /** Why: the text's silence or ambiguity, and what supports the choice. */
  why: string;
}

export const READINGS = [
  {
    id: "L-01",
    title: "date de référence",
    choice: "le 31/12 de l'année de référence par défaut, ou la date indiquée : stades et contrats pris à ce jour, rémunérations dues au titre de son année",
    why: "les commissions présentent la situation au 31/12, les tableaux de suivi des centres de santé des situations datées",
  },
  {
    id: "L-02",
    title: "CPTS conventionnée après la date de référence",
    choice: "comptée au stade 4 (projet, zone grise) dans toutes les feuilles",
    why: "à cette date, son contrat n'est pas signé",
  },
  {
    id: "L-03",
    title: "taux de couverture",
    choice: "pondérés par la population, pour chaque département et pour la région (la région n'est pas la moyenne des départements)",
    why: "les présentations donnent la part de la population couverte",
  },
  {
    id: "L-04",
    title: "rémunération d'une CPTS pour une année civile",
    choice:
      "fonctionnement en entier l'année de la signature puis chaque année ; missions proratisées par jours depuis la signature la première année ; en 2022, barèmes 2019 jusqu'au 02/09 puis avenant 2",
    why: "l'accord fixe des montants annuels par année de contrat ; la commission présente une année civile",
  },
  {
    id: "L-05",
    title: "évolution des rémunérations MSP d'une année sur l'autre",
    choice: "calculée sur les MSP rémunérées les deux années",
    why: "une MSP entrée ou sortie fausserait la moyenne",
  },
  {
    id: "L-06",
    title: "fin d'un contrat d'assistant médical en cours d'année de contrat",
    choice: "date_fin est le premier jour sans contrat ; une année de contrat coupée est proratisée à ses jours en vigueur (à confirmer)",
    why: "les textes ne disent rien d'une fin en cours d'année",
  },
  {
    id: "L-07",
    title: "code CPAM",
    choice: "lu dans la région du classeur : code de département d'une caisse unique (16 et 016 sont une CPAM) ou numéro de caisse (641, 041 saisi 41)",
    why: "les extractions écrivent tantôt le département, tantôt le numéro de caisse",
  },
  {
    id: "L-08",
    title: "majoration de précarité de l'ACI MSP",
    choice: "appliquée aux points variables liés à la patientèle",
    why: "ameli dit que le total des points « peut être majoré » sans préciser l'assiette",
  },
  {
    id: "L-09",
    title: "bornes des tailles de CPTS",
    choice: "taille 1 : moins de 40 000 habitants ; taille 2 : de 40 000 à 80 000 ; taille 3 : de 80 001 à 175 000 ; taille 4 : plus de 175 000",
    why: "le bilan de la négociation 2019 ne dit pas à quelle taille appartiennent 40 000 et 80 000",
  },
  {
    id: "L-10",
    title: "dérogation nouvelle structure de l'ACI MSP",
    choice:
      "les deux premières années civiles, tous les prérequis sauf un suffisent (2 sur 3 jusqu'en 2022, 3 sur 4 depuis le prérequis crise sanitaire) ; le manquant est dit dans la remarque",
    why: "la dérogation a été écrite quand il y avait trois prérequis ; l'avenant 1 en ajoute un quatrième sans la réécrire",
  },
  {
    id: "L-11",
    title: "tableaux de suivi des centres de santé",
    choice:
      "ligne Région : somme des CPAM ; taux de patients en ALD avec médecin traitant = 1 − sans MT / en ALD ; évolutions (PCAP) sur l'année précédente du tableau, −100 % pour un montant disparu ; taux moyens tels que le tableau les donne",
    why: "la présentation de la journée des centres de santé PACA (16/04/2024) donne ces tableaux sans leurs formules",
  },
] as const satisfies readonly Reading[];

export type ReadingId = (typeof READINGS)[number]["id"];

const BY_ID = new Map<string, Reading>(READINGS.map((r) => [r.id, r]));

/** « lecture L-04 », as a note or a remark cites it. */
export const cite = (id: ReadingId): string => `lecture ${id}`;

/** A reading as a parameter's reference: « lecture L-08 du complément : majoration de précarité de l'ACI MSP ». */
export const readingReference = (id: ReadingId): Reference => ({ title: `lecture ${id} du complément : ${BY_ID.get(id)!.title}` });
