/**
 * What an assistant médical contract pays for a calendar year, as the regional sheets count it: the contract year that
 * starts in that year (one anniversary a year), in force on its first day; cut by `date_fin` (the first day without
 * contract), prorated to its days in force (lecture L-06, to confirm); from year 3, at the achievement the follow-up
 * gives (AM.ATTEINTE's rules), else 100 %. The rules of AM.AID, one contract at a time.
 */
import { addYears, utcAfterYears, utcFromIso, yearOf } from "../dates";
import { roundCents as roundEuros } from "../money";
import { aidLine, lineAmount } from "./index";
import { amAchievement, type Counts, type Settlement } from "./objectives";
import type { Bande, Regime } from "./params";

/** The fields of a contract these rules read (a row of the Contrats AM table has them). */
export interface AmContract {
  dateSignature: string;
  /** First day without contract. */
  dateFin?: string;
  regime: Regime;
  etp: number;
  bande?: Bande;
  objectif?: number;
  pmt?: Counts;
  fa?: Counts;
}

/** A contract runs at `date` when signed by then and not ended before. */
export function activeAt(c: AmContract, date: string): boolean {
  return c.dateSignature <= date && (!c.dateFin || c.dateFin > date);
}

/**
 * The contract year that starts in `year` (one anniversary per year), if the contract is still in force on its first
 * day: `date_fin` is the first day without contract, so a year starting on it is not due.
 */
export function contractYearIn(c: AmContract, year: number): number | undefined {
  const k = year - yearOf(c.dateSignature) + 1;
  if (k < 1) return undefined;
  return c.dateFin && c.dateFin <= addYears(c.dateSignature, k - 1) ? undefined : k;
}

const DAY_MS = 86_400_000;

/**
 * The share of contract year `k` in force when `date_fin` cuts it: its days before `date_fin` over the year's days
 * (a reading to confirm: the texts say nothing of a contract ended mid-year); 1 for a year `date_fin` does not cut.
 */
export function yearInForce(c: AmContract, k: number): { share: number; days: number; of: number } {
  const start = utcAfterYears(c.dateSignature, k - 1);
  const end = utcAfterYears(c.dateSignature, k);
  const of = Math.round((end - start) / DAY_MS);
  if (!c.dateFin || utcFromIso(c.dateFin) >= end) return { share: 1, days: of, of };
  const days = Math.round((utcFromIso(c.dateFin) - start) / DAY_MS);
  return { share: days / of, days, of };
}

/** The objective's follow-up of a contract year 3 or later, when the table gives the counts (AM.ATTEINTE's rules). */
export function followUp(c: AmContract, k: number): { taux: number; settlement: Settlement } | undefined {
  if (k < 3 || c.objectif === undefined || (!c.pmt && !c.fa)) return undefined;
  return amAchievement({ objectif: c.objectif, pmt: c.pmt, fa: c.fa, regime: c.regime });
}

/** An amount for the share of its contract year in force (1: the whole year). */
const prorated = (amount: number, share: number): number => (share === 1 ? amount : roundEuros(amount * share));

/** What a contract pays for a calendar year: its amount, the amount at 100 %, the follow-up's settlement, its days. */
export interface YearAid {
  /** Due: at the achievement from year 3 when followed, prorated to the days in force. */
  montant: number;
  /** At 100 % achievement, prorated the same way. */
  full: number;
  settlement?: Settlement;
  /** Days in force of the contract year (fewer than `of` when `date_fin` cuts it). */
  days: number;
  of: number;
  /** The contract year that starts in the calendar year (`contractYearIn`). */
  anneeContrat: number;
}

/**
 * The aid of the contract year that starts in `year`: at the computed achievement from year 3 when followed, else
 * 100 %; prorated to its days in force when `date_fin` cuts it (`days` < `of`). A record of its own rather than a copy
 * of the aid's: spreading the aid into a wider object cost 4 µs a contract, most of the AM sheet at national scale.
 */
export function aidOfYear(c: AmContract, year: number): YearAid | undefined {
  const k = contractYearIn(c, year);
  if (k === undefined) return undefined;
  const { share, days, of } = yearInForce(c, k);
  const line = aidLine(c, k);
  const f = followUp(c, k);
  const full = lineAmount(line, k, 1);
  const montant = f ? lineAmount(line, k, f.taux) : full;
  return { montant: prorated(montant, share), full: prorated(full, share), settlement: f?.settlement, days, of, anneeContrat: k };
}
