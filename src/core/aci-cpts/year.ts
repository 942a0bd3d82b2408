/**
 * What a CPTS is due for one calendar year, as the regional sheets count it (lecture L-04): fonctionnement in full in
 * the year of signature then each year, each mission's yearly envelope prorated by days from the signature the first
 * contract year, 2022 split at the avenant 2; the rules of CPTS.MISSION, one CPTS at a time.
 */
import { daysInYear, daysToYearEnd, yearOf } from "../dates";
import { roundCents } from "../money";
import { CPTS_RULE_CHANGES, cptsMission, cptsTaille, MISSIONS, SUPPLEMENT_VERSE_LE, type MissionCode, type Taille } from "./index";

/** The fields of a CPTS these rules read (a row of the CPTS table has them). */
export interface CptsContract {
  /** « 5 »: conventionnée (contrat ACI signé). */
  stade: string;
  dateSignature?: string;
  population: number;
  membres: number;
  sas: boolean;
  atteinte: Record<"acces" | "parcours" | "prevention" | "qualite" | "accompagnement", number>;
  qualite: boolean;
  accompagnement: boolean;
}

export type MissionGroup =
  "Fonctionnement" | "Accès aux soins" | "Parcours" | "Prévention" | "Qualité et pertinence" | "Accompagnement des PS" | "Crises sanitaires";
export const MISSION_GROUPS: readonly MissionGroup[] = [
  "Fonctionnement",
  "Accès aux soins",
  "Parcours",
  "Prévention",
  "Qualité et pertinence",
  "Accompagnement des PS",
  "Crises sanitaires",
];

export interface CptsYear<C extends CptsContract = CptsContract> {
  cpts: C;
  taille: Taille;
  missions: Record<MissionGroup, number>;
  total: number;
}

/** A part of the year under one set of rules: its first day (which picks the rules) and its number of days. */
interface Segment {
  start: string;
  days: number;
}

/**
 * The days of `annee` a contract signed on `signature` was in force, split on every day a value of the family changes
 * (`CPTS_RULE_CHANGES`: the avenant 2 on 03/09/2022): the first contract year runs from the signature; in 2022, the
 * 2019 tables until 02/09 and avenant 2 from 03/09.
 */
export function segmentsOf(signature: string, annee: number): Segment[] {
  const yearStart = `${annee}-01-01`;
  const yearEnd = `${annee}-12-31`;
  if (signature > yearEnd) return [];
  const start = signature > yearStart ? signature : yearStart;
  const cuts = [start, ...CPTS_RULE_CHANGES.filter((d) => d > start && d <= yearEnd)];
  return cuts.map((from, i) => ({ start: from, days: i + 1 < cuts.length ? daysBetween(from, cuts[i + 1]) : daysToYearEnd(from) }));
}

const daysBetween = (from: string, to: string) => daysToYearEnd(from) - daysToYearEnd(to);

/**
 * Amounts due for `annee` to a CPTS conventionnée during that year (lecture L-04):
 * fonctionnement in full in the year of signature, then each year; each mission's yearly envelope prorated by days
 * from the signature in the first contract year, and in 2022 split at 03/09/2022 between the 2019 tables and the
 * avenant 2 ones; the crisis plan drafted in the first avenant-2 year then updated (no crisis declared); the +75 %
 * fonctionnement supplement in the year it is paid.
 */
export function cptsYear<C extends CptsContract>(cpts: C, annee: number, asOf = `${annee}-12-31`): CptsYear<C> | undefined {
  // conventionnée at the reference date (31/12 of the year unless the analyst gives another day of it)
  if (cpts.stade !== "5" || !cpts.dateSignature || cpts.dateSignature > asOf) return undefined;
  const date = `${annee}-12-31`;
  const taille = cptsTaille(cpts.population);
  const pay = (mission: MissionCode, atteinte = 1, dateSignature = date) =>
    cptsMission({ taille, mission, volet: "total", atteinte, dateSignature, membres: cpts.membres, sas: cpts.sas }).montant;
  const yearDays = daysInYear(annee);
  const segments = segmentsOf(cpts.dateSignature, annee);
  const due = (mission: MissionCode, atteinte = 1) => segments.reduce((sum, s) => sum + (pay(mission, atteinte, s.start) * s.days) / yearDays, 0);
  const signature = cpts.dateSignature;
  // the year of a day for this contract: that day, or its signature when later
  const yearFrom = (day: string) => yearOf(signature > day ? signature : day);
  const supplement = yearFrom(SUPPLEMENT_VERSE_LE) === annee ? pay("fonctionnement_supplement", 1, signature) : 0;
  const missions: Record<MissionGroup, number> = {
    Fonctionnement: pay("fonctionnement") + supplement,
    // the accès total includes the 2019 SNP compensation volet where the 2019 table applies (CPTS.MISSION does it)
    "Accès aux soins": due("acces", cpts.atteinte.acces),
    Parcours: due("parcours", cpts.atteinte.parcours),
    Prévention: due("prevention", cpts.atteinte.prevention),
    "Qualité et pertinence": cpts.qualite ? due("qualite", cpts.atteinte.qualite) : 0,
    "Accompagnement des PS": cpts.accompagnement ? due("accompagnement", cpts.atteinte.accompagnement) : 0,
    // the crisis plan is drafted the first year the mission exists for the contract, then updated
    "Crises sanitaires": due(annee === yearFrom(MISSIONS.crise_redaction.series[0].from) ? "crise_redaction" : "crise_mise_a_jour"),
  };
  for (const g of MISSION_GROUPS) missions[g] = roundCents(missions[g]);
  const total = roundCents(MISSION_GROUPS.reduce((s, g) => s + missions[g], 0));
  return { cpts, taille, missions, total };
}
