/** Aid for one contract year of an assistant médical contract. */
import { addYears, describe, frenchDate } from "../dates";
import { fail } from "../errors";
import { roundCents } from "../money";
import { confidenceOf, entryAt, referenceText, type Confidence, type Dated, type Reference } from "../params";
import { AM_VERSION, CDS, CDS_MAX_ETP, LIBERAL, OPTION_TIERS_FERMEE, type AidTable, type Bande, type Option, type Regime } from "./params";

export type { Bande, Option, Regime } from "./params";

export interface AidInput {
  regime: Regime;
  /** Libéral: the option (1/3, 1/2 or 1 ETP). Centre de santé: number of ETP of assistants. */
  etp: number;
  anneeContrat: number;
  dateSignature: string;
  bande?: Bande;
  /** Share of the objective reached, 0 to 1; applies from contract year 3. */
  atteinte: number;
}

export interface AidAmount {
  montant: number;
  /** Amount of the table before achievement and ETP count. */
  bareme: number;
  /** The date whose table applies: the start of that contract year. */
  dateReference: string;
  version: string;
  source: string;
  confidence: Confidence;
  references: readonly Reference[];
  /** Why a value is still to confirm (avenant 3 CDS band majorations). */
  why?: string;
  /** The line of the table used: contract year, band, amount per option or ETP, ETP count, achievement applied. */
  ligne: { annee: number; bande?: Bande; multiplicateur: number; atteinteAppliquee: number };
}

const TIERS_TOLERANCE = 0.005;

/** The libéral option matching an ETP figure, accepting 0,33 or 0,333 for 1/3. */
export function liberalOption(etp: number): Option | undefined {
  if (Math.abs(etp - 1 / 3) <= TIERS_TOLERANCE) return "1/3";
  if (etp === 0.5) return "1/2";
  if (etp === 1) return "1";
  return undefined;
}

function amountFor(table: AidTable, annee: number, bande: Bande | undefined): number | null {
  if (table.sansMajorationBandes) bande = undefined;
  if (bande === "P95+") return table.p95;
  if (annee === 1) return table.annee1;
  if (annee === 2) return table.annee2;
  return bande === "P90-P95" ? table.annee3P90 : table.annee3;
}

/** Contract years past this one are typing errors (a contract year 1 000 000 would date its table in year 1 001 019). */
export const MAX_ANNEE_CONTRAT = 50;

/**
 * The line of the table an aid is read from, with every check of AM.AID: what AM.AID refuses, this refuses (the
 * Contrats AM reader checks each contract with it, without building the amount).
 */
export interface AidLine {
  entry: Dated<AidTable>;
  multiplier: number;
  dateReference: string;
  bareme: number;
}

/** What a contract's aid depends on whatever its year: a contract of the Contrats AM table has these fields. */
export type AidTerms = Pick<AidInput, "regime" | "etp" | "dateSignature" | "bande">;

export function aidLine(terms: AidTerms, anneeContrat: number): AidLine {
  const { regime, etp, dateSignature, bande } = terms;
  if (!Number.isInteger(anneeContrat) || anneeContrat < 1 || anneeContrat > MAX_ANNEE_CONTRAT)
    fail("annee_contrat", `année du contrat attendue : 1, 2, 3 ou plus (nombre entier jusqu'à ${MAX_ANNEE_CONTRAT}), reçu ${describe(anneeContrat)}`);
  const dateReference = addYears(dateSignature, anneeContrat - 1);
  let entry;
  let multiplier: number;
  if (regime === "liberal") {
    const option = liberalOption(etp);
    if (!option) fail("etp", `pour un médecin libéral, option 1/3, 0,5 ou 1 ETP attendue, reçu ${String(etp).replace(".", ",")}`);
    const fermee = entryAt(OPTION_TIERS_FERMEE.series, dateSignature);
    if (option === "1/3" && fermee?.value) {
      fail("etp", `l'option 1/3 ETP est fermée aux contrats signés depuis le ${frenchDate(fermee.from)} (règlement arbitral) ; choisir 0,5 ou 1 ETP`);
    }
    const first = AM_VERSION.liberal.series[0].from;
    if (dateSignature < first) fail("date_signature", `l'aide à l'emploi d'un assistant médical existe depuis le ${frenchDate(first)} (avenant 7)`);
    entry = entryAt(LIBERAL[option], dateReference);
    multiplier = 1;
  } else {
    const first = AM_VERSION.cds.series[0].from;
    if (dateSignature < first) {
      fail("date_signature", `l'aide à l'emploi d'un assistant médical en centre de santé existe depuis le ${frenchDate(first)} (avenant 3)`);
    }
    const max = entryAt(CDS_MAX_ETP.series, dateSignature)!.value;
    if (!(etp > 0) || etp > max)
      fail("etp", `pour un centre de santé, nombre d'ETP d'assistant médical entre 0 et ${max} attendu, reçu ${String(etp).replace(".", ",")}`);
    // each avenant created its own contract: the table of the signature date applies to every contract year
    entry = entryAt(CDS, dateSignature);
    multiplier = etp;
  }
  if (!entry) return fail("date_signature", `aucun barème en vigueur au ${frenchDate(dateReference)}`);
  const bareme = amountFor(entry.value, anneeContrat, bande);
  if (bareme === null) return fail("annee_contrat", "l'option 1/3 ETP n'a plus de première année depuis sa fermeture");
  return { entry, multiplier, dateReference, bareme };
}

/** The achievement an aid is paid at: from contract year 3, capped at 100 %; 100 % before. */
const achievementApplied = (anneeContrat: number, atteinte: number): number => (anneeContrat >= 3 ? Math.min(1, atteinte) : 1);

/** The amount of a table line: its amount times its ETP (centres de santé), at the achievement applied. */
export const lineAmount = (line: AidLine, anneeContrat: number, atteinte: number): number =>
  roundCents(line.bareme * line.multiplier * achievementApplied(anneeContrat, atteinte));

/** The aid of a contract year (AM.AID): its table line, at the achievement from year 3. */
export function amAid(input: AidInput): AidAmount {
  const { regime, anneeContrat, dateSignature, bande, atteinte } = input;
  const line = aidLine(input, anneeContrat);
  const { entry, multiplier, dateReference, bareme } = line;
  const rate = achievementApplied(anneeContrat, atteinte);
  return {
    montant: lineAmount(line, anneeContrat, atteinte),
    bareme,
    dateReference: regime === "cds" ? dateSignature : dateReference,
    version: entryAt(regime === "cds" ? AM_VERSION.cds.series : AM_VERSION.liberal.series, regime === "cds" ? dateSignature : dateReference)!.value,
    source: referenceText(entry),
    confidence: confidenceOf(entry),
    references: entry.references,
    why: entry.why,
    ligne: { annee: anneeContrat, bande: entry.value.sansMajorationBandes ? undefined : bande, multiplicateur: multiplier, atteinteAppliquee: rate },
  };
}
