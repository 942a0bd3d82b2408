/** ACI CPTS: taille of a CPTS and the annual amount of one mission. */
import { frenchDate } from "../dates";
import { fail } from "../errors";
import { roundCents } from "../money";
import { confidenceOf, entryAt, referenceText, type Confidence, type Dated, type Reference } from "../params";
import {
  ACCES_SANS_SAS,
  ACCES_TOTAL_INCLUT,
  ACI_CPTS_2019_START,
  CPTS_RULE_CHANGES,
  CPTS_VERSION,
  MAJORATION_TAILLE_4,
  MISSIONS,
  SUPPLEMENT_VERSE_LE,
  TAILLE_THRESHOLDS,
  type CptsVersion,
  type Envelope,
  type MissionCode,
} from "./params";

export { MISSIONS, type MissionCode } from "./params";

export type Taille = 1 | 2 | 3 | 4;
export type Volet = "fixe" | "variable" | "total";

export function cptsTaille(population: number): Taille {
  if (!Number.isFinite(population) || population < 0) fail("population", "nombre d'habitants positif attendu");
  const { t2From, t2To, t3To } = TAILLE_THRESHOLDS.series[0].value;
  if (population < t2From) return 1;
  if (population <= t2To) return 2;
  if (population <= t3To) return 3;
  return 4;
}

export interface MissionInput {
  taille: Taille;
  mission: MissionCode;
  volet: Volet;
  /** Achievement rate of the variable part, 0 to 1 (capped by the caller's parser). */
  atteinte: number;
  /** Contract signature date (ISO): it picks the rules in force. */
  dateSignature: string;
  membres: number;
  sas: boolean;
}

export interface MissionAmount {
  fixe: number;
  variable: number;
  total: number;
  /** The amount for the volet asked. */
  montant: number;
  majorationTaux: number;
  version: CptsVersion;
  /** False when the mission does not exist under the rules in force (amount 0). */
  enVigueur: boolean;
  source: string;
  confidence: Confidence | "none";
  /** The table line used: the date it was read on, and the volets added to the total (ACI 2019 accès: SNP). */
  luLe: string;
  inclus: { mission: MissionCode; fixe: number; variable: number }[];
  references: readonly Reference[];
}

/** Whether the territory's SAS picks the table of this mission at this date: the accès-aux-soins missions from avenant 2. */
export const sasPicksTable = (mission: MissionCode, date: string): boolean =>
  ACCES_SANS_SAS.missions.includes(mission) && entryAt(ACCES_SANS_SAS.series, date) !== undefined;

/** The first day the territory's SAS picks the accès-aux-soins table (avenant 2). */
export const SAS_PICKS_FROM = ACCES_SANS_SAS.series[0].from;

/** The text of the ACI CPTS in force on `date` (its version leaf). */
export function cptsVersion(date: string): CptsVersion {
  return entryAt(CPTS_VERSION.series, date)?.value ?? CPTS_VERSION.series[0].value;
}

const NOTHING_INCLUDED: MissionAmount["inclus"] = [];

export function cptsMission(input: MissionInput): MissionAmount {
  const { taille, mission, atteinte, dateSignature: date, membres, sas } = input;
  if (date < ACI_CPTS_2019_START) {
    fail("date_signature", `l'ACI CPTS est en vigueur depuis le ${frenchDate(ACI_CPTS_2019_START)} ; date reçue ${frenchDate(date)}`);
  }
  let readOn = date;
  if (!sas && ACCES_SANS_SAS.missions.includes(mission)) {
    readOn = entryAt(ACCES_SANS_SAS.series, date)?.value ?? date;
  }
  const entry = entryAt(MISSIONS[mission].series, readOn);
  const majoration = entryAt(MAJORATION_TAILLE_4.series, date);
  const majorationTaux =
    majoration && MAJORATION_TAILLE_4.missions.includes(mission) && taille === majoration.value.taille && membres >= majoration.value.membresMin
      ? majoration.value.taux
      : 0;
  const grow = 1 + majorationTaux;
  const volets = (e: Dated<Envelope> | undefined) => ({
    fixe: roundCents((e ? e.value.fixe[taille - 1] : 0) * grow),
    variable: roundCents((e ? e.value.variable[taille - 1] : 0) * atteinte * grow),
  });
  const own = volets(entry);
  // ACI 2019: the accès-aux-soins total includes the SNP compensation volet (seed 003's « Total » line)
  const inclus =
    mission === "acces"
      ? (entryAt(ACCES_TOTAL_INCLUT.series, readOn)?.value ?? []).map((m) => ({ mission: m, ...volets(entryAt(MISSIONS[m].series, readOn)) }))
      : NOTHING_INCLUDED;
  const fixe = own.fixe;
  const variable = own.variable;
  const total = roundCents(fixe + variable + inclus.reduce((sum, x) => sum + x.fixe + x.variable, 0));
  const montant = input.volet === "fixe" ? fixe : input.volet === "variable" ? variable : total;
  return {
    fixe,
    variable,
    total,
    montant,
    majorationTaux,
    version: cptsVersion(date),
    enVigueur: entry !== undefined,
    source: entry ? referenceText(entry) : "mission non prévue par les règles en vigueur à cette date",
    confidence: entry ? confidenceOf(entry) : "none",
    luLe: readOn,
    inclus,
    references: entry?.references ?? [],
  };
}

export { ACI_CPTS_2019_START, CPTS_RULE_CHANGES, CPTS_VERSION, SUPPLEMENT_VERSE_LE, type CptsVersion };
