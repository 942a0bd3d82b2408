/**
 * A real formula engine for tests: HyperFormula (GPL-3.0, devDependency only,
 * never bundled) with one plugin whose functions are the built bundle's,
 * declared from the generated functions.json. Cell references, ranges, DATE(),
 * spills and #VALUE! all go through the engine as they would in Excel.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { BLANK_CELL, builtFunctions, builtMetadata } from "./built-functions";

/** Spill sizes must be known when HyperFormula parses a formula: [columns, rows] of each spilling function. */
export type SpillSizes = Record<string, [number, number]>;

const ERRORS: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

/** An omitted argument is `null` in both Excels; an empty referenced cell `null` on the web, `0` on desktop. */
function toExcel(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === EmptyValue) return BLANK_CELL;
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toExcel));
  if (value && typeof value === "object" && "val" in value) return (value as { val: unknown }).val;
  return value;
}

let registered = false;

function register(spills: SpillSizes): void {
  if (registered) return;
  const implemented: Record<string, unknown> = {};
  class ExcelAddinPlugin extends FunctionPlugin {}
  const proto = ExcelAddinPlugin.prototype as unknown as Record<string, unknown>;
  const functions = builtFunctions();
  builtMetadata().functions.forEach((meta, i) => {
    const fn = functions.get(meta.id)!;
    const method = `call${i}`;
    const spill = meta.result.dimensionality === "matrix" ? spills[meta.id] : undefined;
    implemented[meta.id] = {
      method,
      parameters: meta.parameters.map((p) => ({
        argumentType: p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY,
        optionalArg: Boolean(p.optional),
      })),
      ...(spill ? { sizeOfResultArrayMethod: `size${i}` } : {}),
    };
    proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(
        ast.args,
        state,
        (this as unknown as { metadata: (id: string) => unknown }).metadata(meta.id),
        (...args: unknown[]) => {
          const excelArgs = meta.parameters.map((_, k) => toExcel(args[k]));
          try {
            const result = fn(...excelArgs);
            return Array.isArray(result) ? SimpleRangeValue.onlyValues(result as never) : result;
          } catch (error) {
            const e = error as { code?: string; message?: string };
            return new CellError(ERRORS[e.code ?? ""] ?? ErrorType.VALUE, e.message);
          }
        },
      );
    };
    if (spill) proto[`size${i}`] = () => new ArraySize(spill[0], spill[1]);
  });
  (ExcelAddinPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  const names = Object.fromEntries(Object.keys(implemented).map((id) => [id, id]));
  HyperFormula.registerFunctionPlugin(ExcelAddinPlugin as never, { enGB: names, enUS: names } as never);
  registered = true;
}

export function formulaEngine(sheet: unknown[][], spills: SpillSizes = {}): HyperFormula {
  register(spills);
  return HyperFormula.buildFromArray(sheet as never, { licenseKey: "gpl-v3" });
}
