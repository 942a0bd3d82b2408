/**
 * The spilled table of ACI.MSP_DETAIL: a header, one row per indicator (the
 * same rows every year, « non applicable » where a version lacks one, so that
 * analysts can point at rows), then précarité, minimum, total, avance, solde.
 */
import type { IndicatorResult, MspResult } from "./index";
import { INDICATORS } from "./index";

export const MSP_DETAIL_HEADER = ["Axe", "Indicateur", "Type", "Points fixes", "Points variables", "Points", "Euros", "Source", "Remarque"] as const;

/** [columns, rows]: a spill's size must be known before evaluation (formula engines, Excel's #SPILL! checks). */
export const MSP_DETAIL_SIZE: [number, number] = [MSP_DETAIL_HEADER.length, 1 + INDICATORS.length + 5];

export type DetailCell = string | number;

/** The Source column: the references (title and URL), flagged when the value is still to confirm. */
const sourceCell = (i: IndicatorResult) => (i.confidence === "to-confirm" ? `${i.source} [à confirmer]` : i.source);

export function mspDetailRows(r: MspResult): DetailCell[][] {
  const rows: DetailCell[][] = [[...MSP_DETAIL_HEADER]];
  for (const i of r.indicateurs) {
    rows.push(
      i.applicable
        ? [i.axe, i.label, i.type, i.fixes, i.variables, i.points, i.euros, sourceCell(i), i.remarque]
        : [i.axe, i.label, "non applicable", 0, 0, 0, 0, "", i.remarque],
    );
  }
  rows.push(["", "Majoration précarité", "majoration", 0, r.precarite.points, r.precarite.points, r.precarite.euros, r.precarite.source, r.precarite.remarque]);
  rows.push([
    "",
    "Complément minimum nouvelle structure",
    "garantie",
    0,
    0,
    0,
    r.complementMinimum.euros,
    r.complementMinimum.source,
    r.complementMinimum.remarque,
  ]);
  rows.push([
    "Total",
    `${r.version}, rémunération ${r.annee}`,
    "",
    r.fixes,
    r.variables,
    r.points,
    r.euros,
    `valeur du point : ${r.valeurPoint} €`,
    r.remarques.join(" ; "),
  ]);
  rows.push(["Avance", "Avance de l'année", "", "", "", r.avance.points, r.avance.euros, r.avance.source, r.avance.remarque]);
  rows.push([
    "Solde",
    "Solde de l'année (total − avance)",
    "",
    "",
    "",
    "",
    r.solde,
    "",
    r.solde < 0 ? "solde négatif : avance supérieure à la rémunération, trop-perçu" : "versé avec l'avance de l'année suivante",
  ]);
  return rows;
}
