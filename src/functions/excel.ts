/* global CustomFunctions */
/**
 * What every custom function shares: turn any failure into `#VALUE!` with a
 * French message, and make sure no NaN or Infinity ever reaches a cell.
 */
import { DomainError, NotAvailableError } from "../core/errors";

/** Excel shows the message in the cell's error tooltip; keep it readable. */
const MAX_MESSAGE = 255;

function excelError(message: string, code: CustomFunctions.ErrorCode = CustomFunctions.ErrorCode.invalidValue): CustomFunctions.Error {
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  return new CustomFunctions.Error(code, text);
}

export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof NotAvailableError) return excelError(error.message, CustomFunctions.ErrorCode.notAvailable);
  if (error instanceof DomainError) return excelError(error.message);
  const detail = error instanceof Error ? error.message : String(error);
  return excelError(`Erreur inattendue du complément : ${detail}`);
}

const notFinite = (value: unknown) => typeof value === "number" && !Number.isFinite(value);

/** No NaN or Infinity in a result: a number, or a spilled table's cells. */
function assertFinite(value: unknown): void {
  let bad = notFinite(value);
  if (Array.isArray(value)) {
    for (let r = 0; r < value.length && !bad; r++) {
      const row: unknown = value[r];
      if (Array.isArray(row)) for (let c = 0; c < row.length && !bad; c++) bad = notFinite(row[c]);
      else bad = notFinite(row);
    }
  }
  if (bad) throw excelError("Résultat non numérique : vérifier les arguments");
}

/** A number result: itself, or the error any result that is not a finite number gets. */
export function finiteNumber(value: number): number {
  if (Number.isFinite(value)) return value;
  throw excelError("Résultat non numérique : vérifier les arguments");
}

/**
 * Runs one cell evaluation: the result, or a `CustomFunctions.Error` thrown with a French message. `check` refuses a
 * NaN or an infinity anywhere in the result. The ACI.MSP_* functions, which run in every MSP row of a sheet, write the
 * same `try` in their own body instead: the `evaluate()` call every function shares here is one V8 does not inline
 * (measured 7–9 % of ACI.MSP_POINTS and ACI.MSP_EUROS in `npm run bench`).
 */
export function excelCall<T>(evaluate: () => T, check: (result: T) => void = assertFinite): T {
  let result: T;
  try {
    result = evaluate();
    check(result);
  } catch (error) {
    throw toExcelError(error);
  }
  return result;
}
