/**
 * Dated parameters, in the spirit of OpenFisca: every value carries the date
 * from which it applies (and the date it stops), the text it comes from and
 * how sure we are of it.
 */

/** How a value is known: a customer deck, a published text, or a value still to confirm. */
export type Confidence = "seed" | "official" | "to-confirm";

export interface Source {
  /** Where the value comes from: seed file and slide, or the public text. */
  readonly ref: string;
  readonly confidence: Confidence;
}

export interface Dated<T> extends Source {
  /** First day the value applies, ISO `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day the value applies (inclusive), ISO `YYYY-MM-DD`; open-ended when absent. */
  readonly to?: string;
  readonly value: T;
}

/** A parameter's history, oldest first or in any order. */
export type Series<T> = readonly Dated<T>[];

/** The entry of `series` in force on `date` (ISO), or `undefined` when none is. */
export function entryAt<T>(series: Series<T>, date: string): Dated<T> | undefined {
  let best: Dated<T> | undefined;
  for (const entry of series) {
    if (entry.from <= date && (entry.to === undefined || date <= entry.to)) {
      if (best === undefined || entry.from > best.from) best = entry;
    }
  }
  return best;
}

/** Seed deck names, so that sources are spelled once. */
export const SEEDS = {
  cprMspBretagne2021: "seed 000 (CPR ACI MSP Bretagne 2021)",
  cprCptsNouvelleAquitaine2023: "seed 001 (CPR ACI CPTS Nouvelle-Aquitaine, 19/01/2023)",
  journeeMspNormandie2022: "seed 002 (journée projet MSP Normandie, 18/05/2022)",
  bilanNegociationCpts2019: "seed 003 (bilan de la négociation ACI CPTS 2019)",
  journeeCdsPaca2024: "seed 004 (journée régionale des centres de santé PACA, 16/04/2024)",
} as const;
