/**
 * MSP field codes the tests, the bench and the sample share, in the order of their rows' values: the header of an
 * MSP row (ACI.MSP_* `champs`, the columns of the task pane's MSP table after `tableColumns("msp")`).
 */

/** The contract and the three historical prerequisites (opening hours, coordination, information system). */
export const PREREQUISITE_FIELDS = ["annee_adhesion", "patientele", "nb_ps", "amplitude_h", "samedi_matin", "snp", "coordination", "si_standard"];

/** Seed 002's example row: the year, the prerequisites, the protocols and the concertation. */
export const SEED_002_FIELDS = ["annee", ...PREREQUISITE_FIELDS, "protocoles", "reunions", "dossiers", "patients_ald75"];
