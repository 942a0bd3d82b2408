/**
 * The spilled table of ACI.MSP_DETAIL: a header, one row per indicator (the
 * same rows every year, « non applicable » where a version lacks one, so that
 * analysts can point at rows), then précarité, minimum, total, avance, solde.
 * Built straight from the evaluation.
 */
import { fail } from "../errors";
import { roundCents } from "../money";
import { soldeRemark } from "./explain";
import { readMspRow, type MspInput, type PlainValue } from "./fields";
import { type MspEvaluation, type YearTexts, evaluateMsp, evaluationRemarks, indicatorRemark, INDICATORS, yearTexts } from "./index";

export const MSP_DETAIL_HEADER = ["Axe", "Indicateur", "Type", "Points fixes", "Points variables", "Points", "Euros", "Source", "Remarque"] as const;

/** [columns, rows]: a spill's size must be known before evaluation (formula engines, Excel's #SPILL! checks). */
export const MSP_DETAIL_SIZE: [number, number] = [MSP_DETAIL_HEADER.length, 1 + INDICATORS.length + 5];

export type DetailCell = string | number;
/** A row of the detail: never written into once built (rows are shared between details, see `stillRows`). */
export type DetailRow = readonly DetailCell[];

/** The detail of one header row and value row (ACI.MSP_DETAIL). */
export const mspDetailOfRow = (headers: readonly unknown[], values: readonly unknown[], plain?: PlainValue): DetailRow[] =>
  mspDetail(readMspRow(headers, values, plain));

/** The detail of one MSP; refused (never shown) if a number in it were not finite. */
export function mspDetail(input: MspInput): DetailRow[] {
  const e = evaluateMsp(input, true);
  const texts = yearTexts(e);
  const still = stillRows(e, texts);
  const rows: DetailRow[] = new Array(MSP_DETAIL_SIZE[1]);
  rows[0] = still.header;
  let k = 1;
  e.indicators.forEach(({ def, param, type, fixes, variables, euros }, i) => {
    const remark = indicatorRemark(e, texts, i);
    rows[k++] =
      !param || (fixes === 0 && variables === 0 && euros === 0 && remark === "")
        ? still.indicators[i]
        : [def.axe, def.label, type, fixes, variables, roundCents(fixes + variables), euros, texts.sourceCells[i], remark];
  });
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
    const indicators = e.indicators.map(({ def, param, type }, i): DetailCell[] =>
      param ? [def.axe, def.label, type, 0, 0, 0, 0, texts.sourceCells[i], ""] : [def.axe, def.label, "non applicable", 0, 0, 0, 0, "", texts.absent[i]],
    );
    still = { header: Object.freeze(MSP_DETAIL_HEADER.slice()), indicators: indicators.map((row) => Object.freeze(row)) };
    STILL_ROWS.set(texts, still);
  }
  return still;
}
