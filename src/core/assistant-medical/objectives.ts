/**
 * Assistant médical objectives (seeds 002 and 004): the patientèle increase a contract asks for, the achievement
 * measured from year 3 (the rate AM.AID takes), and the most ETP of assistants a centre may be funded for.
 * Readings: ../shared/RULES.md, « Assistant médical: choices ».
 */
import { describe, frenchDate } from "../dates";
import { fail, NotAvailableError } from "../errors";
import { frNumber, frPercent } from "../format";
import { entryAt } from "../params";
import { readNonNegative, readNumber } from "../values";
import { liberalOption } from "./index";
import {
  CDS_ETP_PAR_MEDECIN,
  CDS_MAX_ETP,
  CDS_SANS_PLAFOND_ZONE_SOUS_DENSE,
  CDS_START,
  OBJECTIFS_CDS,
  OBJECTIFS_LIBERAL,
  type Bande,
  type Regime,
} from "./params";

export interface ObjectiveInput {
  bande: Bande;
  regime: Regime;
  /** Libéral: the option (1/3, 1/2, 1 ETP). */
  etp?: number;
  dateSignature: string;
  /** Centres de santé: the file-active band, when it differs from the PMT band. */
  bandeFa?: Bande;
}

const TYPE_IT = "saisir l'objectif écrit dans le contrat";

/** The increase asked (0 = maintien). A cell no source gives is `#N/A` with what to type instead. */
export function amObjective(input: ObjectiveInput): number {
  const { bande, regime, dateSignature, bandeFa } = input;
  if (regime === "cds") {
    const grid = entryAt(OBJECTIFS_CDS.series, dateSignature);
    if (!grid) {
      throw new NotAvailableError(
        "date_signature",
        `objectifs des contrats de centre de santé signés avant le ${frenchDate(CDS_START)} (avenant 3) absents des sources : ${TYPE_IT}`,
      );
    }
    const pmt = grid.value[bande]!;
    // the band more favourable to the centre (the lower increase) applies to both indicators (seed 004's example)
    return bandeFa ? Math.min(pmt, grid.value[bandeFa]!) : pmt;
  }
  if (bandeFa) fail("bande_fa", "la bande de file active ne sert qu'aux centres de santé (regime cds)");
  if (input.etp === undefined) fail("etp", "option du contrat attendue pour un médecin libéral : 1/3, 0,5 ou 1 ETP");
  const option = liberalOption(input.etp);
  if (!option) fail("etp", `pour un médecin libéral, option 1/3, 0,5 ou 1 ETP attendue, reçu ${frNumber(input.etp)}`);
  const grid = entryAt(OBJECTIFS_LIBERAL[option].series, dateSignature);
  if (!grid) {
    throw new NotAvailableError(
      "date_signature",
      `grille d'objectifs des contrats signés le ${frenchDate(dateSignature)} non publiée (convention médicale 2024) : ${TYPE_IT}`,
    );
  }
  const value = grid.value[bande];
  if (value === null) throw new NotAvailableError("bande", `objectif de l'option ${option} ETP en ${bande} absent des sources : ${TYPE_IT}`);
  return value;
}

/** One indicator's counts at the start and at the end of the year followed. */
export interface Counts {
  depart: number;
  fin: number;
}

export interface AchievementInput {
  /** Increase asked, 0 for maintien. */
  objectif: number;
  pmt?: Counts;
  fa?: Counts;
  /** `cds`: the centres' rule of seed 004 (an objective reached while the other indicator falls pays nothing). */
  regime: Regime | "specialiste";
}

export type Settlement = "atteint" | "partiel" | "non atteint";

export interface Achievement {
  /** Between 0 and 1: the rate to give AM.AID. */
  taux: number;
  settlement: Settlement;
  /** What decided it, in French (one sentence). */
  motif: string;
}

const gain = (c: Counts) => (c.fin - c.depart) / c.depart;

/** A count at the start of the period followed: strictly positive, since the increase is measured against it. */
export function readStartCount(value: unknown, argument: string): number {
  const n = readNumber(value, argument);
  if (!(n > 0)) fail(argument, `effectif de départ strictement positif attendu, reçu ${describe(value)}`);
  return n;
}

/**
 * A count at the end of the period, given to a cell function. Its blank (or 0, desktop Excel's blank cell) is refused
 * by the argument's declaration (arguments.ts), as the web's blank is: read as 0 patients it made the increase −100 %.
 */
export function readEndCount(value: unknown, argument: string): number {
  return readNonNegative(value, argument);
}

/**
 * Seed 004's follow-up: one indicator reaching the objective without the other falling → 1; one reaching it while the
 * other falls → 0 for a centre de santé; both rising without reaching it → prorated on the one that rose most (its
 * increase / objective). Maintien: 1 if not below the start. A specialist's contract uses the file active alone.
 */
export function amAchievement(input: AchievementInput): Achievement {
  const { objectif, regime } = input;
  const indicators: [string, Counts][] = [];
  if (regime !== "specialiste" && input.pmt) indicators.push(["patientèle médecin traitant", input.pmt]);
  if (input.fa) indicators.push(["file active", input.fa]);
  if (!indicators.length) fail(regime === "specialiste" ? "fa_depart" : "pmt_depart", "effectifs de départ et de fin attendus");
  const gains = indicators.map(([name, c]) => ({ name, g: gain(c) }));
  const reached = gains.filter((x) => x.g >= objectif - 1e-12);
  const falling = gains.filter((x) => x.g < 0);
  const target = objectif === 0 ? "maintien" : `+${frPercent(objectif)}`;
  if (reached.length) {
    if (regime === "cds" && falling.length) {
      return {
        taux: 0,
        settlement: "non atteint",
        motif: `${reached[0].name} atteint l'objectif (${target}) mais ${falling[0].name} diminue : pas d'aide (centre de santé)`,
      };
    }
    return { taux: 1, settlement: "atteint", motif: `${reached[0].name} atteint l'objectif (${target}, ${frPercent(reached[0].g)})` };
  }
  const best = gains.reduce((a, b) => (b.g > a.g ? b : a));
  if (objectif === 0 || best.g <= 0 || (regime === "cds" && falling.length)) {
    return { taux: 0, settlement: "non atteint", motif: `objectif non atteint (${target}) : ${gains.map((x) => `${x.name} ${frPercent(x.g)}`).join(", ")}` };
  }
  const taux = Math.min(1, best.g / objectif);
  return { taux, settlement: "partiel", motif: `prorata sur ${best.name}, la plus en hausse : ${frPercent(best.g)} pour ${target}` };
}

/** The most ETP of assistants a centre may be funded for: 0,5 per ETP of doctor, at most 4 (seed 004: 4,8 → 2,4). */
export function amEtpMax(etpMedecins: number, date: string, zoneSousDense = false): number {
  if (!(etpMedecins > 0)) fail("etp_medecins", `nombre d'ETP de médecins strictement positif attendu, reçu ${frNumber(etpMedecins)}`);
  const perDoctor = entryAt(CDS_ETP_PAR_MEDECIN.series, date);
  const max = entryAt(CDS_MAX_ETP.series, date);
  if (!perDoctor || !max) fail("date", `pas de contrat d'assistant médical en centre de santé au ${frenchDate(date)}`);
  const quota = Math.round(perDoctor.value * etpMedecins * 1e6) / 1e6;
  // in a zone sous-dense, no ceiling per centre where the text in force says so
  if (zoneSousDense && entryAt(CDS_SANS_PLAFOND_ZONE_SOUS_DENSE.series, date)?.value) return quota;
  return Math.min(quota, max.value);
}
