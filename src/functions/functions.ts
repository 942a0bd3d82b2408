/**
 * The custom functions analysts type in cells. Each one only reads its
 * arguments, calls the rules core and hands back a number (or a spilled
 * table); the metadata (functions.json) is generated from these comments.
 */
import { cptsMission, cptsTaille, type MissionInput } from "../core/aci-cpts";
import { fastMspEuros, fastMspPoints } from "../core/aci-msp/fast";
import { mspDetailOfRow } from "../core/aci-msp/detail";
import { cptsDetailRows } from "../core/aci-cpts/detail";
import { amDetailRows } from "../core/assistant-medical/detail";
import { ipaTrainingAid, psyCourse, snpProtocolPay } from "../core/aides";
import { amAchievement, amEtpMax, amObjective } from "../core/assistant-medical/objectives";
import { fail } from "../core/errors";
import { normalizeCode } from "../core/text";
import { amAid, type AidInput } from "../core/assistant-medical";
import { ARGUMENTS, COUNT_PAIRS, FUNCTION_ARGUMENTS, readArgument, readCountPair, SAS } from "../core/inputs/arguments";
import { cellValue, readFieldRows } from "./arguments";
import { excelCall, finiteNumber, toExcelError } from "./excel";

const A = ARGUMENTS;

/** The arguments of CPTS.MISSION (and CPTS.DETAIL), read once for both, each as the input schema declares it. */
function missionInput(taille: unknown, mission: unknown, volet: unknown, atteinte: unknown, date: unknown, membres: unknown, sas: unknown): MissionInput {
  // read in the order of the arguments: the first wrong one is the one named
  const t = readArgument(A.taille, cellValue(taille));
  const code = readArgument(A.mission, cellValue(mission));
  const v = readArgument(A.volet, cellValue(volet));
  const a = readArgument(A.atteinte, cellValue(atteinte));
  const dateSignature = readArgument(A.date_signature, cellValue(date));
  const n = readArgument(A.membres, cellValue(membres));
  return { taille: t, mission: code, volet: v, atteinte: a, dateSignature, membres: n, sas: SAS.read(cellValue(sas), code, dateSignature) };
}

/** The arguments of AM.AID (and AM.DETAIL). */
function aidInput(etp: unknown, anneeContrat: unknown, date: unknown, bande: unknown, atteinte: unknown, regime: unknown): AidInput {
  return {
    regime: readArgument(A.regime, cellValue(regime)),
    etp: readArgument(A.etp, cellValue(etp)),
    anneeContrat: readArgument(A.annee_contrat, cellValue(anneeContrat)),
    dateSignature: readArgument(A.date_signature, cellValue(date)),
    bande: readArgument(A.bande, cellValue(bande)),
    atteinte: readArgument(A.atteinte, cellValue(atteinte)),
  };
}

/**
 * Taille de la CPTS (1 à 4) selon la population couverte : T1 moins de 40 000 habitants, T2 de 40 000 à 80 000, T3 de 80 001 à 175 000, T4 plus de 175 000.
 * @customfunction CPTS.TAILLE
 * @param population Nombre d'habitants du territoire couvert par la CPTS.
 * @returns Taille de la CPTS : 1, 2, 3 ou 4.
 */
export function cptsTailleFunction(population: any): number {
  // desktop Excel passes a blank cell as 0, which gave taille 1 where the web refused the blank: the schema refuses both
  return excelCall(() => cptsTaille(readArgument(A.population, cellValue(population))));
}

/**
 * Financement annuel d'une mission de CPTS (ACI CPTS 2019 et avenant 2), en euros.
 * @customfunction CPTS.MISSION
 * @param taille Taille de la CPTS, de 1 à 4.
 * @param mission Code de la mission : acces, parcours, prevention, qualite, accompagnement, crise_redaction, crise_mise_a_jour, crise_survenue, fonctionnement, fonctionnement_supplement, precoce, regulation, snp_compensation.
 * @param [volet] fixe, variable ou total (par défaut total).
 * @param [atteinte] Taux d'atteinte de la part variable : 80 % ou 0,8 (par défaut 100 %, plafonné à 100 %). Omettre l'argument plutôt que viser une cellule vide (Excel bureau la lit 0).
 * @param [date_signature] Date de signature du contrat : elle choisit les règles en vigueur (par défaut la date du jour en France ; la formule garde alors les règles du jour de son dernier calcul).
 * @param [membres] Nombre de membres de la CPTS (majoration de 10 % en taille 4 à partir de 100 membres).
 * @param [sas] VRAI si le territoire dispose d'un SAS (par défaut VRAI) ; sans SAS, saisir FAUX : la mission accès aux soins garde le barème 2019. Pour cette mission, 0 (ou une cellule vide d'Excel bureau) est refusé.
 * @returns Montant annuel en euros.
 */
export function cptsMissionFunction(taille: any, mission: any, volet?: any, atteinte?: any, date_signature?: any, membres?: any, sas?: any): number {
  return excelCall(() => cptsMission(missionInput(taille, mission, volet, atteinte, date_signature, membres, sas)).montant);
}

/**
 * Détail du financement d'une mission de CPTS : montant, ligne du barème utilisée, version, majoration et référence (mêmes arguments que CPTS.MISSION).
 * @customfunction CPTS.DETAIL
 * @param taille Taille de la CPTS, de 1 à 4.
 * @param mission Code de la mission (voir CPTS.MISSION).
 * @param [volet] fixe, variable ou total (par défaut total).
 * @param [atteinte] Taux d'atteinte de la part variable : 80 % ou 0,8 (par défaut 100 %). Omettre l'argument plutôt que viser une cellule vide.
 * @param [date_signature] Date de signature du contrat (par défaut la date du jour en France).
 * @param [membres] Nombre de membres de la CPTS.
 * @param [sas] VRAI si le territoire dispose d'un SAS (par défaut VRAI) ; sans SAS, saisir FAUX.
 * @returns Tableau de 12 lignes sur 2 colonnes.
 */
export function cptsDetailFunction(taille: any, mission: any, volet?: any, atteinte?: any, date_signature?: any, membres?: any, sas?: any): any[][] {
  return excelCall(() => {
    const input = missionInput(taille, mission, volet, atteinte, date_signature, membres, sas);
    return cptsDetailRows(input, cptsMission(input));
  });
}

/**
 * Aide à l'emploi d'un assistant médical pour une année du contrat, en euros (médecin libéral ou centre de santé).
 * @customfunction AM.AID
 * @param etp Libéral : option 1/3, 0,5 ou 1 ETP. Centre de santé : nombre d'ETP d'assistant médical (4 au plus).
 * @param annee_contrat Année du contrat : 1, 2, 3 ou plus.
 * @param [date_signature] Date de signature du contrat (par défaut la date du jour en France, règles du jour du dernier calcul) : le barème est celui en vigueur au début de l'année de contrat.
 * @param [bande] Patientèle de départ : P30-P50, P50-P70, P70-P90, P90-P95 ou P95+.
 * @param [atteinte] Part de l'objectif atteinte (80 % ou 0,8), prise en compte à partir de la 3e année (par défaut 100 %). Omettre l'argument plutôt que viser une cellule vide.
 * @param [regime] liberal (par défaut) ou cds (centre de santé).
 * @returns Montant de l'aide en euros pour cette année du contrat.
 */
export function amAidFunction(etp: any, annee_contrat: any, date_signature?: any, bande?: any, atteinte?: any, regime?: any): number {
  return excelCall(() => amAid(aidInput(etp, annee_contrat, date_signature, bande, atteinte, regime)).montant);
}

/**
 * Détail de l'aide à l'emploi d'un assistant médical : montant, ligne du barème, version et référence (mêmes arguments que AM.AID).
 * @customfunction AM.DETAIL
 * @param etp Libéral : option 1/3, 0,5 ou 1 ETP. Centre de santé : nombre d'ETP d'assistant médical.
 * @param annee_contrat Année du contrat : 1, 2, 3 ou plus.
 * @param [date_signature] Date de signature du contrat (par défaut la date du jour en France).
 * @param [bande] Patientèle de départ : P30-P50, P50-P70, P70-P90, P90-P95 ou P95+.
 * @param [atteinte] Part de l'objectif atteinte (80 % ou 0,8), à partir de la 3e année (par défaut 100 %).
 * @param [regime] liberal (par défaut) ou cds (centre de santé).
 * @returns Tableau de 11 lignes sur 2 colonnes.
 */
export function amDetailFunction(etp: any, annee_contrat: any, date_signature?: any, bande?: any, atteinte?: any, regime?: any): any[][] {
  return excelCall(() => {
    const input = aidInput(etp, annee_contrat, date_signature, bande, atteinte, regime);
    return amDetailRows(input, amAid(input));
  });
}

/**
 * Objectif d'augmentation de patientèle d'un contrat d'assistant médical, en taux (0 pour « maintien ») : grille des centres de santé (avenant 5) ou des médecins libéraux (avenant 7).
 * @customfunction AM.OBJECTIF
 * @param bande Bande de patientèle de départ (PMT) : P30-P50, P50-P70, P70-P90, P90-P95 ou P95+.
 * @param [etp] Libéral : option du contrat, 1/3, 0,5 ou 1 ETP.
 * @param [regime] liberal (par défaut) ou cds (centre de santé).
 * @param [date_signature] Date de signature du contrat (par défaut la date du jour en France) : elle choisit la grille.
 * @param [bande_fa] Centre de santé : bande de la file active ; la plus favorable des deux bandes est retenue.
 * @returns Augmentation demandée (ex. 0,15 pour +15 %) ; #N/A si aucune source ne donne la case : saisir l'objectif du contrat.
 */
export function amObjectifFunction(bande: any, etp?: any, regime?: any, date_signature?: any, bande_fa?: any): number {
  return excelCall(() => {
    const b = readArgument(A.bande, cellValue(bande));
    if (!b) fail("bande", "bande de patientèle obligatoire : P30-P50, P50-P70, P70-P90, P90-P95 ou P95+");
    return amObjective({
      bande: b,
      regime: readArgument(A.regime, cellValue(regime)),
      etp: readArgument(FUNCTION_ARGUMENTS["AM.OBJECTIF"].etp, cellValue(etp)),
      dateSignature: readArgument(A.date_signature, cellValue(date_signature)),
      bandeFa: readArgument(A.bande_fa, cellValue(bande_fa)),
    });
  });
}

/**
 * Taux d'atteinte de l'objectif d'un contrat d'assistant médical à partir de la 3e année, à donner à AM.AID (règles de suivi des contrats de centre de santé présentées à la journée régionale des centres de santé PACA du 16/04/2024).
 * @customfunction AM.ATTEINTE
 * @param objectif Augmentation demandée (AM.OBJECTIF) : 15 % ou 0,15 ; 0 pour « maintien » (Excel bureau lit une cellule vide comme 0 : la renseigner).
 * @param pmt_depart Patientèle médecin traitant au début de la période suivie.
 * @param pmt_fin Patientèle médecin traitant à la fin de la période (obligatoire : vide ou 0 donne #VALEUR!).
 * @param [fa_depart] File active au début de la période.
 * @param [fa_fin] File active à la fin de la période.
 * @param [regime] liberal (par défaut), cds (centre de santé) ou specialiste (file active seule).
 * @returns Taux entre 0 et 1.
 */
export function amAtteinteFunction(objectif: any, pmt_depart: any, pmt_fin: any, fa_depart?: any, fa_fin?: any, regime?: any): number {
  return excelCall(() => {
    const r = cellValue(regime);
    const specialiste = typeof r === "string" && normalizeCode(r) === "specialiste";
    const regimeCode = specialiste ? "specialiste" : readArgument(A.regime, r);
    return amAchievement({
      objectif: readArgument(A.objectif, cellValue(objectif)),
      pmt: specialiste ? undefined : readCountPair(COUNT_PAIRS.pmt, cellValue(pmt_depart), cellValue(pmt_fin), true),
      fa: readCountPair(COUNT_PAIRS.fa, cellValue(fa_depart), cellValue(fa_fin), specialiste),
      regime: regimeCode,
    }).taux;
  });
}

/**
 * Nombre maximal d'ETP d'assistant médical financés pour un centre de santé : 0,5 ETP par ETP de médecin, dans la limite de 4 ETP (8 ETP depuis l'accord national du 28/08/2025, à confirmer).
 * @customfunction AM.ETP_MAX
 * @param etp_medecins Nombre d'ETP de médecins salariés du centre (ex. 4,8).
 * @param [date_signature] Date de signature du contrat (par défaut la date du jour en France) : elle choisit le plafond.
 * @param [zone_sous_dense] VRAI pour un centre en zone sous-dense : pas de plafond par centre depuis le 16/10/2025 (à confirmer).
 * @returns ETP d'assistant médical au plus (ex. 2,4).
 */
export function amEtpMaxFunction(etp_medecins: any, date_signature?: any, zone_sous_dense?: any): number {
  return excelCall(() =>
    amEtpMax(
      readArgument(A.etp_medecins, cellValue(etp_medecins)),
      readArgument(A.date_signature, cellValue(date_signature)),
      readArgument(A.zone_sous_dense, cellValue(zone_sous_dense)),
    ),
  );
}

/**
 * Aide à la formation d'infirmier en pratique avancée (IPA), par ETP d'infirmier : 15 000 €, 17 000 € dans les DROM (libéraux : avenant 10 de la convention infirmière, depuis le 28/07/2023 ; centres de santé : avenant 5, depuis le 06/08/2024).
 * @customfunction IPA.AIDE_FORMATION
 * @param [drom] VRAI pour un infirmier (ou un centre) installé dans les DROM ; FAUX par défaut.
 * @param [date_signature] Date de signature du contrat (par défaut la date du jour en France).
 * @param [regime] liberal (par défaut) ou cds (centre de santé).
 * @returns Montant de l'aide en euros ; #N/A avant la création de l'aide.
 */
export function ipaAideFormationFunction(drom?: any, date_signature?: any, regime?: any): number {
  return excelCall(() =>
    ipaTrainingAid({
      drom: readArgument(A.drom, cellValue(drom)),
      date: readArgument(A.date_signature, cellValue(date_signature)),
      regime: readArgument(A.regime, cellValue(regime)),
    }),
  );
}

/**
 * Rémunération d'une structure pour un protocole de coopération « soins non programmés » : 25 € par patient entrant dans le protocole, et la seconde consultation où le protocole en prévoit une (arrêté du 10/09/2020).
 * @customfunction SNP.PROTOCOLE
 * @param protocole rhinite, odynophagie, eruption, pollakiurie, entorse, lombalgie, cystite ou angine.
 * @param patients Nombre de patients entrés dans le protocole.
 * @param [secondes_consultations] Secondes consultations réalisées (pollakiurie et entorse : 25 € ; lombalgie : 20 €) ; 0 par défaut.
 * @param [date] Date des soins (par défaut la date du jour en France).
 * @returns Montant en euros.
 */
export function snpProtocoleFunction(protocole: any, patients: any, secondes_consultations?: any, date?: any): number {
  return excelCall(() =>
    snpProtocolPay({
      protocole: readArgument(A.protocole, cellValue(protocole)),
      patients: readArgument(A.patients, cellValue(patients)),
      secondes: readArgument(A.secondes_consultations, cellValue(secondes_consultations)),
      date: readArgument(A.date, cellValue(date)),
    }),
  );
}

/**
 * Prise en charge par l'Assurance Maladie du parcours d'un patient chez le psychologue : psy_enfant (2021-2022 : entretien initial 32 €, séances suivantes 22 €, 10 au plus) ou mon_soutien_psy (40 € puis 30 €, 8 par an ; 50 € la séance, 12 par an, depuis le 29/06/2024).
 * @customfunction PSY.FORFAIT
 * @param dispositif psy_enfant ou mon_soutien_psy.
 * @param seances Nombre de séances du parcours, la première comprise.
 * @param [date] Date du parcours (par défaut la date du jour en France) : elle choisit les tarifs.
 * @returns Montant en euros ; #N/A hors de la période du dispositif.
 */
export function psyForfaitFunction(dispositif: any, seances: any, date?: any): number {
  return excelCall(() =>
    psyCourse({
      dispositif: readArgument(A.dispositif, cellValue(dispositif)),
      seances: readArgument(A.seances, cellValue(seances)),
      date: readArgument(A.date, cellValue(date)),
    }),
  );
}

/**
 * Points ACI d'une maison de santé pluriprofessionnelle pour l'année (ACI 2017 jusqu'à 2021, avenant 1 ensuite), majoration précarité comprise.
 * @customfunction ACI.MSP_POINTS
 * @param champs Ligne (ou colonne) des codes de champ : annee, annee_adhesion, patientele, nb_ps, amplitude_h, samedi_matin, snp, coordination, si_standard, protocoles, reunions…
 * @param valeurs Ligne (ou colonne) des valeurs de la MSP, de même forme que champs.
 * @returns Total des points de l'année.
 */
export function aciMspPointsFunction(champs: any[][], valeurs: any[][]): number {
  try {
    const rows = readFieldRows(champs, valeurs);
    return finiteNumber(fastMspPoints(rows[0], rows[1], cellValue));
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Rémunération ACI d'une maison de santé en euros pour l'année : points × 7 €, majoration précarité comprise, minimum des nouvelles structures appliqué.
 * @customfunction ACI.MSP_EUROS
 * @param champs Ligne (ou colonne) des codes de champ de la MSP.
 * @param valeurs Ligne (ou colonne) des valeurs de la MSP, de même forme que champs.
 * @returns Rémunération annuelle en euros.
 */
export function aciMspEurosFunction(champs: any[][], valeurs: any[][]): number {
  try {
    const rows = readFieldRows(champs, valeurs);
    return finiteNumber(fastMspEuros(rows[0], rows[1], cellValue));
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Détail de la rémunération ACI d'une maison de santé : une ligne par indicateur (axe, indicateur, type, points fixes, points variables, points, euros, source, remarque), puis la précarité, le total, l'avance et le solde.
 * @customfunction ACI.MSP_DETAIL
 * @param champs Ligne (ou colonne) des codes de champ de la MSP.
 * @param valeurs Ligne (ou colonne) des valeurs de la MSP, de même forme que champs.
 * @returns Tableau détaillé, affiché sur plusieurs lignes.
 */
export function aciMspDetailFunction(champs: any[][], valeurs: any[][]): any[][] {
  // its 26 × 9 cells are not scanned again: `mspDetail` checked the numbers they come from
  try {
    const rows = readFieldRows(champs, valeurs);
    // its rows are read-only (some are shared between cells); Excel's runtime only serializes them
    return mspDetailOfRow(rows[0], rows[1], cellValue) as any[][];
  } catch (error) {
    throw toExcelError(error);
  }
}
