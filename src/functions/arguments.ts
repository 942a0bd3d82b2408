/**
 * What Office hands the custom functions, made plain: a cell holding a data type (formatted number, entity) as an
 * object, and the two ranges of ACI.MSP_*. What each argument means blank or 0 is declared in
 * src/core/inputs/arguments.ts.
 */
import { fail } from "../core/errors";

/**
 * The plain value of a cell: a data type (formatted number, entity, web image…) reaches the function as an object
 * when the metadata sets `allowCustomDataForDataTypeAny`; its `basicValue` is what the cell shows.
 */
export function cellValue(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "basicValue" in value) return (value as { basicValue: unknown }).basicValue;
  return value;
}

/**
 * The header row and the value row of ACI.MSP_*, flattened (a row or a column of cells); the headers each their plain
 * value. A one-row range is used as it is: no copy on the path that recalculates in every MSP row, and its values are
 * left as they are (the rules core reads each with `cellValue` as it reads the row: no second pass). Read the pair by
 * index (`rows[0]`): destructuring it would run an iterator in every cell.
 */
export function readFieldRows(champs: unknown, valeurs: unknown): [unknown[], unknown[]] {
  // the common case, in every MSP row of a sheet: two one-row ranges of the same width
  if (Array.isArray(champs) && Array.isArray(valeurs) && champs.length === 1 && valeurs.length === 1) {
    const headers: unknown = champs[0];
    const values: unknown = valeurs[0];
    if (Array.isArray(headers) && Array.isArray(values) && headers.length === values.length) return [plainCells(headers), values];
  }
  const c = asGrid(champs, "champs");
  const v = asGrid(valeurs, "valeurs");
  let same = c.length === v.length;
  for (let i = 0; same && i < c.length; i++) same = c[i].length === v[i].length;
  if (!same) {
    const shape = (g: unknown[][]) => `${g.length} ligne${g.length > 1 ? "s" : ""} × ${g[0]?.length ?? 0} colonne${(g[0]?.length ?? 0) > 1 ? "s" : ""}`;
    fail("valeurs", `même forme que champs attendue : champs fait ${shape(c)}, valeurs ${shape(v)}`);
  }
  return [flatCells(c), flatCells(v)];
}

/** A range argument as rows (a single value as a 1 × 1 range). */
function asGrid(value: unknown, argument: string): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  for (let i = 0; i < value.length; i++) if (!Array.isArray(value[i])) fail(argument, "plage de cellules attendue");
  return value as unknown[][];
}

/** The cells of a row or a column in order, each its plain value (a one-row range as it is: no copy). */
const flatCells = (grid: unknown[][]): unknown[] => plainCells(grid.length === 1 ? grid[0] : grid.flat());

/** The row itself when no cell holds a data type, else a copy with each cell's plain value. */
function plainCells(row: unknown[]): unknown[] {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    // typeof first: a number is then never boxed to be compared with null
    if (typeof cell === "object" && cell !== null) return row.map(cellValue);
  }
  return row;
}
