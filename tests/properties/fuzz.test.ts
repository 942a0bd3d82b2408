/**
 * Every custom function over random arguments of every kind Excel can pass:
 * the answer is a finite number, a well-formed spilled table, or #VALUE! with
 * a French message — never a raw exception, never NaN or Infinity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_CODES } from "../../src/core/aci-msp";
import { builtMetadata, callExcel } from "../support/built-functions";

const excelScalar = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, 1, 2, 3, 4, 5, 0.5, 1 / 3, 2.4, 100, 40_000, 175_001, -1, 1e15, -1e15, 1e308),
  // dates: far in the past and the future, and around the rule changes
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.integer({ min: 43_000, max: 47_000 }),
  fc.string(),
  fc.constantFrom(
    "acces",
    "Parcours",
    "crise_redaction",
    "fixe",
    "variable",
    "total",
    "P90-P95",
    "P95+",
    "cds",
    "liberal",
    "1/3",
    "oui",
    "non",
    "VRAI",
    "15/03/2022",
    "2022-09-03",
    "31/02/2022",
    "",
    " ",
    "NaN",
    "Infinity",
    "-0",
    "1e400",
    "<img src=x>",
  ),
  fc.boolean(),
  fc.constant(null),
);
const fieldName = fc.oneof(fc.constantFrom(...FIELD_CODES), fc.string(), fc.constant(""), fc.constant(null));
const excelRange = <T>(cell: fc.Arbitrary<T>) =>
  fc.oneof(
    fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 4 }), // ragged and empty ranges
    fc.integer({ min: 1, max: 12 }).chain((n) => fc.array(cell, { minLength: n, maxLength: n }).map((row) => [row])),
  );

function check(id: string, args: unknown[]): void {
  let result: unknown;
  try {
    result = callExcel(id, ...args);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    // #VALUE! for what cannot be read, #N/A for what no text gives at that date (an aid before it existed)
    expect(["#VALUE!", "#N/A"], `${id} threw a raw exception: ${String(error)}`).toContain(e.code);
    expect(e.message ?? "").toMatch(/\S+ : \S/);
    // what the analyst typed is echoed between « »; outside it, no sign of a leaked JS failure
    const own = (e.message ?? "").replace(/«[^»]*»/g, "«»");
    expect(own).not.toMatch(/^Erreur inattendue|undefined|NaN|Infinity|TypeError|Cannot read|\[object/);
    return;
  }
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    const width = (result[0] as unknown[]).length;
    for (const row of result as unknown[][]) {
      expect(row.length).toBe(width);
      for (const cell of row)
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
        else expect(typeof cell).toBe("string");
    }
  } else {
    expect(typeof result).toBe("number");
    expect(Number.isFinite(result as number)).toBe(true);
  }
}

describe("fuzzing every custom function", () => {
  const functions = builtMetadata().functions;

  for (const fn of functions) {
    it(`${fn.id} never throws raw, never returns NaN`, () => {
      const args = fn.parameters.map((p) => (p.dimensionality === "matrix" ? excelRange(p.name === "champs" ? fieldName : excelScalar) : excelScalar));
      fc.assert(
        fc.property(fc.tuple(...args), (values) => check(fn.id, values)),
        { numRuns: 1_500 },
      );
    });
  }

  it("ACI.MSP_* with valid codes and random values", () => {
    const row = fc
      .uniqueArray(fc.constantFrom(...FIELD_CODES), { minLength: 1, maxLength: FIELD_CODES.length })
      .chain((codes) => fc.tuple(fc.constant(codes), fc.array(excelScalar, { minLength: codes.length, maxLength: codes.length })));
    fc.assert(
      fc.property(row, ([codes, values]) => {
        for (const id of ["ACI.MSP_POINTS", "ACI.MSP_EUROS", "ACI.MSP_DETAIL"]) check(id, [[codes], [values]]);
      }),
      { numRuns: 1_500 },
    );
  });
});
