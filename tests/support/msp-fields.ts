/**
 * MSP field codes the tests, the bench and the sample share, in the order of their rows' values: the header of an
 * MSP row (ACI.MSP_* `champs`, the columns of the task pane's MSP table after `tableColumns("msp")`).
 */
import { computeMsp, readMspFields, type MspResult } from "../../src/core/aci-msp";

/** The contract and the three historical prerequisites (opening hours, coordination, information system). */
export const PREREQUISITE_FIELDS = ["annee_adhesion", "patientele", "nb_ps", "amplitude_h", "samedi_matin", "snp", "coordination", "si_standard"];

/** Seed 002's example row: the year, the prerequisites, the protocols and the concertation. */
export const SEED_002_FIELDS = ["annee", ...PREREQUISITE_FIELDS, "protocoles", "reunions", "dossiers", "patients_ald75"];

/**
 * The values of seed 002's example in the order of SEED_002_FIELDS (the README's example row): a 2020 MSP open 11 h,
 * closed on Saturday morning, 4 000 patients, 13 PS, 4 protocols, 5 meetings → 6 170 points, 43 190 €.
 */
export const SEED_002_VALUES = [2020, 2017, 4_000, 13, 11, 0, 1, 1, 1, 4, 5, 40, 1_000];

/** Field values by code, as an analyst's row gives them. */
export type Fields = Record<string, unknown>;

/** The full result of an MSP row. */
export const msp = (fields: Fields): MspResult => computeMsp(readMspFields(Object.entries(fields)));

/** The points of one indicator of a result. */
export const points = (r: MspResult, code: string): number => r.indicateurs.find((i) => i.code === code)!.points;

/** An MSP signed long ago (2017) meeting the three historical prerequisites, at 4 000 patients, 13 PS (seed 002's base). */
export const PREREQUISITES_MET: Fields = {
  annee_adhesion: 2017,
  patientele: 4_000,
  nb_ps: 13,
  amplitude_h: 12,
  samedi_matin: 1,
  snp: 1,
  coordination: 1,
  si_standard: 1,
};
