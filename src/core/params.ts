/**
 * Dated parameters, in the spirit of OpenFisca: every parameter of the three rule families (ACI MSP, ACI CPTS,
 * assistant médical) is a leaf with an id, a unit and a dated series; each period carries its value, the references
 * it comes from (a title, and a URL where one exists: ../shared/notes/domain-rules.md lists them), the kind of source
 * and, separately, whether the value is confirmed or still to confirm (and why).
 */
import { memoByObject } from "./memo";
import { frenchDate } from "./dates";

/** A text a value comes from: title (seed deck and slide, official text, CNAM guide…) and its address if public. */
export interface Reference {
  readonly title: string;
  readonly url?: string;
}

/** What kind of text it is. */
export type SourceKind = "deck" | "legal-text" | "cnam-guide" | "ameli" | "secondary" | "reading";

/** How sure the value is, independently of the kind of source. */
export type Status = "confirmed" | "to-confirm";

/** The confidence flag of the outputs (RULES.md): a seed value, an official one, or one still to confirm. */
export type Confidence = "deck" | "official" | "to-confirm";

export interface Source {
  readonly references: readonly Reference[];
  readonly kind: SourceKind;
  readonly status: Status;
  /** Why a value is still to confirm. */
  readonly why?: string;
}

export interface Dated<T> extends Source {
  /** First day the value applies, ISO `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day the value applies (inclusive), ISO `YYYY-MM-DD`; open-ended when absent. */
  readonly to?: string;
  readonly value: T;
}

/** A parameter's history. */
export type Series<T> = readonly Dated<T>[];

export type Unit = "points" | "euros" | "rate" | "count" | "hours" | "patients" | "years" | "date" | "ETP" | "table" | "code";

/** A leaf of the parameter tree. */
export interface Parameter<T = unknown> {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly series: Series<T>;
}

export const parameter = <T>(id: string, label: string, unit: Unit, series: Series<T>): Parameter<T> => ({ id, label, unit, series });

/** « du 25/08/2019 au 02/09/2022 », or « depuis le 03/09/2022 » for a value still in force. */
export function periodText(entry: Pick<Dated<unknown>, "from" | "to">): string {
  return entry.to ? `du ${frenchDate(entry.from)} au ${frenchDate(entry.to)}` : `depuis le ${frenchDate(entry.from)}`;
}

/** The entry of `series` in force on `date` (ISO), or `undefined` when none is. */
export function entryAt<T>(series: Series<T>, date: string): Dated<T> | undefined {
  for (const entry of series) {
    if (entry.from <= date && (entry.to === undefined || date <= entry.to)) return entry;
  }
  return undefined;
}

/** « title (url) ; title » — the references of a value, as the outputs show them (built once per value). */
export const referenceText: (s: Source) => string = memoByObject((s: Source) =>
  s.references.map((r) => (r.url ? `${r.title} (${r.url})` : r.title)).join(" ; "),
);

export const confidenceOf = (s: Source): Confidence => (s.status === "to-confirm" ? "to-confirm" : s.kind === "deck" ? "deck" : "official");

/** Source builders: a seed slide, an official text (or the CNAM guide, ameli), a value still to confirm and why. */
export const fromDeck = (...references: Reference[]): Source => ({ references, kind: "deck", status: "confirmed" });
export const fromText = (kind: Exclude<SourceKind, "deck">, ...references: Reference[]): Source => ({ references, kind, status: "confirmed" });
export const toConfirm = (why: string, kind: SourceKind, ...references: Reference[]): Source => ({ references, kind, status: "to-confirm", why });

/** The customer's decks (../shared/seeds), spelled once. */
export const DECKS = {
  cprMspBretagne2021: "présentation « CPR ACI MSP Bretagne 2021 »",
  cprCptsNouvelleAquitaine2023: "présentation « CPR ACI CPTS Nouvelle-Aquitaine » du 19/01/2023",
  journeeMspNormandie2022: "présentation « Journée projet MSP Normandie » du 18/05/2022",
  bilanNegociationCpts2019: "présentation « Bilan de la négociation ACI CPTS 2019 »",
  journeeCdsPaca2024: "présentation « Journée régionale des centres de santé PACA » du 16/04/2024",
} as const;

/** A slide of a seed deck. */
export const deckSlide = (deck: keyof typeof DECKS, slide: string): Reference => ({ title: `${DECKS[deck]}, ${slide}` });

/** Public texts (../shared/notes/domain-rules.md, sources S1–S62, and notes/cnam-guide-aci-msp.md). */
export const TEXTS = {
  guideCnamAciMsp: {
    title:
      "Guide des indicateurs ACI pour la rémunération des structures pluri-professionnelles, avenant 1 (Cnam/DDGOS/DPROF, octobre 2022, mis à jour le 22/08/2023 ; copie publique : fichier guide-indicateurs-aci-remuneration-structures-pluripro-1.pdf)",
    url: "https://github.com/aspart-am/PartnerCompensation",
  },
  ameliMsp: {
    title: "ameli, « Rémunération des maisons de santé pluriprofessionnelles » (09/10/2020)",
    url: "https://www.ameli.fr/exercice-coordonne/exercice-professionnel/remunerations-forfaitaires-organisations-exercice-coordonne/remuneration-des-maisons-de-sante-pluriprofessionnelles",
  },
  cnamMinimum2018: {
    title: "communiqué CNAM du 04/06/2018 : rémunération minimale de 20 000 € pour une nouvelle structure (année pleine), avance 12 000 €",
    url: "https://www.assurance-maladie.ameli.fr/presse/2018-06-04-cp-remuneration-maisons-pluri-professionnelles",
  },
  precariteFormule: {
    title: "formule de la majoration de précarité : écarts CSS (ex-CMU-C) et AME au national additionnés, plafond 25 %",
    url: "https://123dok.net/article/c-fonctionnement-du-calcul-des-r%C3%A9mun%C3%A9rations.myjjojpy",
  },
  aciCpts2019: {
    title: "ACI CPTS, arrêté du 21/08/2019 (JORF n° 196 du 24/08/2019), en vigueur le 25/08/2019",
    url: "https://juriblio.fr/arretes/arrete-du-21-aout-2019/173172467/annexe/307390210",
  },
  avenant7: {
    title: "avenant 7 à la convention médicale 2016 (arrêté du 14/08/2019, JO du 20/08/2019), art. 9-5-2-2",
    url: "https://123dok.net/article/annexe-extrait-l-approbation-l-avenant.4yr6lmoy",
  },
  ameliAm2024: {
    title: "ameli, « Aide à l'emploi d'un assistant médical : ce qui change dès juin 2024 » (convention médicale 2024, en vigueur le 22/06/2024)",
    url: "https://www.ameli.fr/medecin/actualites/aide-l-emploi-d-un-assistant-medical-ce-qui-change-des-juin-2024",
  },
  reglementArbitral2023: {
    title: "règlement arbitral médecins (JO 30/04/2023), en vigueur le 01/05/2023",
    url: "https://www.ameli.fr/medecin/actualites/reglement-arbitral-les-mesures-en-vigueur-des-le-mois-de-mai-2023",
  },
  cdsAvenant3: {
    title: "avenant 3 à l'accord national des centres de santé (signé le 04/02/2020, JO du 03/09/2020) : assistants médicaux",
    url: "https://static3.lequotidiendumedecin.fr/actus-medicales/politique-de-sante/cest-signe-les-centres-de-sante-pourront-recruter-des-assistants-medicaux",
  },
  cdsAvenant5: {
    title: "avenant 5 à l'accord national des centres de santé (JORF du 15/03/2024)",
    url: "https://juriblio.fr/docs/avis-divers/183501793/annexe",
  },
} as const satisfies Record<string, Reference>;
