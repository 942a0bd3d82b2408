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

function assertFinite(value: unknown): void {
  if (typeof value === "number" && !Number.isFinite(value)) throw excelError("Résultat non numérique : vérifier les arguments");
  if (Array.isArray(value)) value.forEach(assertFinite);
}

/** Runs one cell evaluation: the result, or a `CustomFunctions.Error` thrown with a French message. */
export function excelCall<T>(evaluate: () => T): T {
  let result: T;
  try {
    result = evaluate();
    assertFinite(result);
  } catch (error) {
    throw toExcelError(error);
  }
  return result;
}
