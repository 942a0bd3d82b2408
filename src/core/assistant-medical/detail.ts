/** The spilled table of AM.DETAIL: the amount, the table line used, the version and the reference. */
import { frenchDate } from "../dates";
import { frNumber, frPercent } from "../format";
import type { AidAmount, AidInput } from "./index";

export type DetailCell = string | number;

const STATUS: Record<AidAmount["confidence"], string> = {
  deck: "valeur de la présentation régionale citée",
  official: "valeur officielle",
  "to-confirm": "valeur à confirmer",
};

export function amDetailRows(input: AidInput, r: AidAmount): DetailCell[][] {
  return [
    ["Élément", "Valeur"],
    ["Montant de l'année", r.montant],
    ["Barème (par option ou par ETP)", r.bareme],
    ["Année de contrat", r.ligne.annee],
    ["Bande de patientèle", r.ligne.bande ?? (input.bande ? `${input.bande} (aucune majoration de bande dans ce barème)` : "non renseignée")],
    ["Multiplicateur", input.regime === "cds" ? `${frNumber(r.ligne.multiplicateur)} ETP d'assistant médical` : "1 (option libérale)"],
    ["Atteinte appliquée", r.ligne.annee >= 3 ? frPercent(r.ligne.atteinteAppliquee) : "100 % (années 1 et 2 : aide entière)"],
    ["Barème en vigueur le", frenchDate(r.dateReference)],
    ["Version", r.version],
    ["Référence", r.source],
    ["Statut", r.confidence === "to-confirm" ? `${STATUS[r.confidence]} : ${r.why}` : STATUS[r.confidence]],
  ];
}

/** [columns, rows] of the spill, known before evaluation. */
export const AM_DETAIL_SIZE: [number, number] = [2, 11];
