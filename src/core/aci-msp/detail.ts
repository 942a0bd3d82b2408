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
import { type MspEvaluation, type YearTexts, evaluateMsp, evaluationRemarks, indicatorRemark, INDICATORS, newEvaluation, settle, yearTexts } from "./index";

export const MSP_DETAIL_HEADER = ["Axe", "Indicateur", "Type", "Points fixes", "Points variables", "Points", "Euros", "Source", "Remarque"] as const;

/** [columns, rows]: a spill's size must be known before evaluation (formula engines, Excel's #SPILL! checks). */
export const MSP_DETAIL_SIZE: [number, number] = [MSP_DETAIL_HEADER.length, 1 + INDICATORS.length + 5];

export type DetailCell = string | number;
/** A row of the detail: never written into once built (rows are shared between details, see `stillRows`). */
export type DetailRow = readonly DetailCell[];

/** The input and evaluation records every detail reuses: the rows it returns copy every number and keep no part of them. */
const DETAIL_INPUT = newMspInput();
const DETAIL = newEvaluation();

/** The detail of one header row and value row (ACI.MSP_DETAIL). */
export const mspDetailOfRow = (headers: readonly unknown[], values: readonly unknown[], plain?: PlainValue): DetailRow[] =>
  mspDetail(readMspRow(headers, values, DETAIL_INPUT, plain));

/** The detail of one MSP; refused (never shown) if a number in it were not finite. */
export function mspDetail(input: MspInput): DetailRow[] {
  const e = settle(evaluateMsp(input, true, DETAIL));
  const texts = yearTexts(e);
  const still = stillRows(e, texts);
  const rows: DetailRow[] = new Array(MSP_DETAIL_SIZE[1]);
  rows[0] = still.header;
  let k = 1;
  for (let i = 0; i < INDICATORS.length; i++) {
    const remark = indicatorRemark(e, texts, i);
    const fixes = e.fixes[i];
    const variables = e.variables[i];
    rows[k++] =
      !e.exists[i] || (fixes === 0 && variables === 0 && e.euros[i] === 0 && remark === "")
        ? still.indicators[i]
        : [INDICATORS[i].axe, INDICATORS[i].label, e.types[i], fixes, variables, roundCents(fixes + variables), e.euros[i], texts.sourceCells[i], remark];
  }
  const remarks = evaluationRemarks(e, input, texts);
  const p = e.precarite;
  rows[k++] = ["", "Majoration précarité", "majoration", 0, p.points, p.points, p.euros, texts.precariteSource, remarks.precarite];
  rows[k++] = ["", "Complément minimum nouvelle structure", "garantie", 0, 0, 0, e.complement, texts.minimumSource, remarks.minimum];
  rows[k++] = ["Total", texts.totalLabel, "", e.totalFixes, e.totalVariables, e.points, e.totalEuros, texts.pointValue, remarks.whole.join(" ; ")];
  rows[k++] = ["Avance", "Avance de l'année", "", "", "", e.avancePoints, e.avanceEuros, texts.avanceSource, remarks.avance];
  rows[k++] = ["Solde", "Solde de l'année (total − avance)", "", "", "", "", e.solde, "", soldeRemark(e.solde)];
  // no NaN or infinity reaches a cell: every number shown is one of these totals, or a term of one of their sums (a sum
  // with a NaN or an infinity among its terms is not finite)
  const totals = p.points + p.euros + e.complement + e.totalFixes + e.totalVariables + e.points + e.totalEuros + e.avancePoints + e.avanceEuros + e.solde;
  if (!Number.isFinite(totals)) fail("valeurs", "résultat non numérique : vérifier les arguments");
  return rows;
}

/**
 * Rows that are the same in every detail of a year, shared by them: the header, and per indicator the row it shows
 * when the year lacks it, or when it earns nothing and has nothing to say (an optional indicator not claimed). The
 * custom-functions runtime keeps a result by reference and serializes it later, without changing it
 * (custom-functions-runtime.js, `_setResultWithOutboundData`); frozen, so that no code can write into a row that
 * other cells show.
 */
interface StillRows {
  header: DetailRow;
  indicators: readonly DetailRow[];
}

const STILL_ROWS = new Map<YearTexts, StillRows>();

function stillRows(e: MspEvaluation, texts: YearTexts): StillRows {
  let still = STILL_ROWS.get(texts);
  if (!still) {
    const indicators = INDICATORS.map((def, i): DetailCell[] =>
      e.exists[i]
        ? [def.axe, def.label, e.types[i], 0, 0, 0, 0, texts.sourceCells[i], ""]
        : [def.axe, def.label, "non applicable", 0, 0, 0, 0, "", texts.absent[i]],
    );
    still = { header: Object.freeze(MSP_DETAIL_HEADER.slice()), indicators: indicators.map((row) => Object.freeze(row)) };
    STILL_ROWS.set(texts, still);
  }
  return still;
}
