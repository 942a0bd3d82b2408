/**
 * The spilled table of ACI.MSP_DETAIL: a header, one row per indicator (the
 * same rows every year, « non applicable » where a version lacks one, so that
 * analysts can point at rows), then précarité, minimum, total, avance, solde.
 * Built straight from the evaluation (no intermediate result): the detail is
 * recalculated in every MSP row of a sheet.
 */
import { fail } from "../errors";
import { roundCents } from "../money";
import { soldeRemark } from "./explain";
import { newMspInput, readMspRow, type MspInput, type PlainValue } from "./fields";
import { evaluateMsp, evaluationRemarks, indicatorRemark, INDICATORS, newEvaluation, settle, yearTexts } from "./index";

export const MSP_DETAIL_HEADER = ["Axe", "Indicateur", "Type", "Points fixes", "Points variables", "Points", "Euros", "Source", "Remarque"] as const;

/** [columns, rows]: a spill's size must be known before evaluation (formula engines, Excel's #SPILL! checks). */
export const MSP_DETAIL_SIZE: [number, number] = [MSP_DETAIL_HEADER.length, 1 + INDICATORS.length + 5];

export type DetailCell = string | number;

/** The input and evaluation records every detail reuses: the rows it returns copy every number and keep no part of them. */
const DETAIL_INPUT = newMspInput();
const DETAIL = newEvaluation();

/** The detail of one header row and value row (ACI.MSP_DETAIL). */
export const mspDetailOfRow = (headers: readonly unknown[], values: readonly unknown[], plain?: PlainValue): DetailCell[][] =>
  mspDetail(readMspRow(headers, values, DETAIL_INPUT, plain));

/** The detail of one MSP; refused (never shown) if a number in it were not finite. */
export function mspDetail(input: MspInput): DetailCell[][] {
  const e = settle(evaluateMsp(input, true, DETAIL));
  const texts = yearTexts(e);
  const rows: DetailCell[][] = new Array(MSP_DETAIL_SIZE[1]);
  rows[0] = MSP_DETAIL_HEADER.slice();
  let k = 1;
  for (let i = 0; i < INDICATORS.length; i++) {
    const def = INDICATORS[i];
    const remark = indicatorRemark(e, texts, i);
    rows[k++] = e.exists[i]
      ? [def.axe, def.label, e.types[i], e.fixes[i], e.variables[i], roundCents(e.fixes[i] + e.variables[i]), e.euros[i], texts.sourceCells[i], remark]
      : [def.axe, def.label, "non applicable", 0, 0, 0, 0, "", remark];
  }
  const remarks = evaluationRemarks(e, input, texts);
  const p = e.precarite;
  rows[k++] = ["", "Majoration précarité", "majoration", 0, p.points, p.points, p.euros, texts.precariteSource, remarks.precarite];
  rows[k++] = ["", "Complément minimum nouvelle structure", "garantie", 0, 0, 0, e.complement, texts.minimumSource, remarks.minimum];
  rows[k++] = ["Total", texts.totalLabel, "", e.totalFixes, e.totalVariables, e.points, e.totalEuros, texts.pointValue, remarks.whole.join(" ; ")];
  rows[k++] = ["Avance", "Avance de l'année", "", "", "", e.avancePoints, e.avanceEuros, texts.avanceSource, remarks.avance];
  rows[k++] = ["Solde", "Solde de l'année (total − avance)", "", "", "", "", e.solde, "", soldeRemark(e.solde)];
  // no NaN or infinity reaches a cell: every number shown is one of these, or a sum of two of them
  const totals = [p.points, p.euros, e.complement, e.totalFixes, e.totalVariables, e.points, e.totalEuros, e.avancePoints, e.avanceEuros, e.solde];
  if (nonFinite(e.fixes) + nonFinite(e.variables) + nonFinite(e.euros) + nonFinite(totals) !== 0)
    fail("valeurs", "résultat non numérique : vérifier les arguments");
  return rows;
}

/** 0 when every number of the list is finite, NaN otherwise (`x - x` is 0 for a finite number, NaN for NaN or ±∞). */
function nonFinite(xs: readonly number[]): number {
  let check = 0;
  for (let i = 0; i < xs.length; i++) check += xs[i] - xs[i];
  return check;
}
