/**
 * Loads the production bundle dist/functions.js as Excel does: the script runs
 * with a `CustomFunctions` global and registers each function by its id through
 * `CustomFunctions.associate`. Calls then pass `null` for a missing optional
 * argument, exactly as Excel does.
 *
 * Two modes, as the two Excels (office-js issues #4702, #5262): an empty
 * referenced cell reaches the function as `null` on the web and as `0` in
 * desktop Excel. `EXCEL_BLANKS=desktop` (the vitest project « desktop ») runs
 * the same suites with every empty cell passed as 0: tests write an empty cell
 * as `BLANK` (a cell inside a range as `null`), an omitted argument as `null`.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runInNewContext } from "node:vm";

export const DIST = resolve(__dirname, "../../dist");

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type: string; dimensionality?: string };
}

export function builtMetadata(): { functions: FunctionMetadata[] } {
  const path = resolve(DIST, "functions.json");
  if (!existsSync(path)) throw new Error("dist/functions.json is missing: run `npm run build` first (npm test does)");
  return JSON.parse(readFileSync(path, "utf8"));
}

export type ExcelFunction = (...args: unknown[]) => unknown;

export const EXCEL_MODE: "web" | "desktop" = process.env.EXCEL_BLANKS === "desktop" ? "desktop" : "web";
/** What an empty referenced cell is in this mode. */
export const BLANK_CELL: null | 0 = EXCEL_MODE === "desktop" ? 0 : null;
/** An argument pointing at an empty cell (not an omitted argument, which stays `null` in both Excels). */
export const BLANK = Symbol("cellule vide");

/** Arguments as this mode's Excel hands them over: BLANK and the empty cells of ranges become `null` or `0`. */
export function asExcelArgument(value: unknown): unknown {
  if (value === BLANK) return BLANK_CELL;
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row.map((v) => (v === null || v === BLANK ? BLANK_CELL : v)) : row));
  return value;
}

let cache: Map<string, ExcelFunction> | undefined;

export function builtFunctions(): Map<string, ExcelFunction> {
  if (cache) return cache;
  const registry = new Map<string, ExcelFunction>();
  const host = (globalThis as unknown as { CustomFunctions: { Error: unknown; ErrorCode: unknown } }).CustomFunctions;
  const sandbox = {
    CustomFunctions: { Error: host.Error, ErrorCode: host.ErrorCode, associate: (id: string, fn: ExcelFunction) => registry.set(id, fn) },
    console,
  };
  runInNewContext(readFileSync(resolve(DIST, "functions.js"), "utf8"), sandbox, { filename: "functions.js" });
  cache = registry;
  return registry;
}

/** Calls a built function by id, padding missing optional arguments with `null` as Excel does. */
export function callExcel(id: string, ...args: unknown[]): unknown {
  const fn = builtFunctions().get(id);
  const meta = builtMetadata().functions.find((f) => f.id === id);
  if (!fn || !meta) throw new Error(`function ${id} is not in the build`);
  const padded = meta.parameters.map((_, i) => (i < args.length ? asExcelArgument(args[i]) : null));
  return fn(...padded);
}

/** Runs a call and returns either its value or the `{code, message}` of the CustomFunctions.Error it threw. */
export function evaluate(id: string, ...args: unknown[]): unknown {
  try {
    return callExcel(id, ...args);
  } catch (error) {
    const e = error as { code?: string; message?: string; name?: string };
    if (e && e.code) return { code: e.code, message: e.message };
    throw error;
  }
}

/** Excel's serial number of a calendar date (DATE(y;m;d)). */
export function excelDate(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
