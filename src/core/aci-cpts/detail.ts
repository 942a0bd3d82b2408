/** The spilled table of CPTS.DETAIL: the amount, the table line used, the version, the majoration and the reference. */
import { frenchDate } from "../dates";
import { frNumber, frPercent } from "../format";
import { sasPicksTable, type MissionAmount, type MissionInput } from "./index";
import { MISSIONS } from "./params";

export type DetailCell = string | number;

const STATUS: Record<MissionAmount["confidence"], string> = {
  deck: "valeur de la présentation régionale citée",
  official: "valeur officielle",
  "to-confirm": "valeur à confirmer",
  none: "sans objet",
};

/**
 * Whether the territory has a SAS, where it picks the table (the accès-aux-soins missions from avenant 2): said either
 * way, since the default (VRAI) is what an omitted argument or a web blank cell gives (a desktop blank cell, 0, is refused there).
 */
function sasReading(input: MissionInput, r: MissionAmount): string {
  if (!sasPicksTable(input.mission, input.dateSignature)) return "";
  return input.sas
    ? ", territoire avec SAS (sas : VRAI par défaut ; sans SAS, saisir FAUX ou non)"
    : r.luLe !== input.dateSignature
      ? " (sans SAS : barème 2019 de l'accès aux soins)"
      : "";
}

export function cptsDetailRows(input: MissionInput, r: MissionAmount): DetailCell[][] {
  const label = MISSIONS[input.mission].label;
  return [
    ["Élément", "Valeur"],
    ["Montant (volet demandé)", r.montant],
    ["Volet", input.volet],
    ["Volet fixe", r.fixe],
    ["Volet variable", r.variable],
    ["Total", r.total],
    ["Inclus dans le total", r.inclus.length ? r.inclus.map((x) => `${MISSIONS[x.mission].label} : ${frNumber(x.fixe + x.variable)} €`).join(" ; ") : "—"],
    [
      "Ligne du barème",
      r.enVigueur
        ? `${label}, taille ${input.taille}, barème en vigueur le ${frenchDate(r.luLe)}${sasReading(input, r)}, atteinte ${frPercent(input.atteinte)}`
        : `${label} : mission non prévue par les règles en vigueur le ${frenchDate(input.dateSignature)}`,
    ],
    ["Version", `ACI CPTS : ${r.version}`],
    ["Majoration", r.majorationTaux ? `+${frPercent(r.majorationTaux)} (taille ${input.taille}, ${input.membres} membres)` : "aucune"],
    ["Référence", r.source],
    ["Statut", STATUS[r.confidence]],
  ];
}

/** [columns, rows] of the spill, known before evaluation. */
export const CPTS_DETAIL_SIZE: [number, number] = [2, 12];
