/**
 * The duplicate check's speed module (src/core/regional/first-rows.ts) answers as the plain Map does, call for call:
 * on key lists with many repeats, keys that differ by case or accents (the readers fold them before), long and empty
 * keys, and tables of different sizes one after the other (its typed arrays are kept from one check to the next).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstRows, firstRowsPlain } from "../../src/core/regional/first-rows";
import { readCommunes, ReadLog } from "../../src/core/regional/tables";

const answers = (make: typeof firstRows, keys: readonly string[]) => {
  const check = make(keys.length, (i) => keys[i]);
  return keys.map((key, i) => check.seen(key, i));
};

// a small alphabet makes repeats and hash collisions in a small table frequent
const key = fc.oneof(fc.string({ unit: fc.constantFrom("a", "b", "é", "1", "\u0000"), maxLength: 4 }), fc.string({ maxLength: 40 }));

describe("firstRows, the duplicate check of the table readers", () => {
  it("answers as a Map of first rows, for every row", () => {
    fc.assert(
      fc.property(fc.array(fc.array(key, { maxLength: 300 }), { minLength: 1, maxLength: 4 }), (tables) => {
        // several checks in a row, larger and smaller: the kept arrays must not leak a previous check's keys
        for (const keys of tables) expect(answers(firstRows, keys)).toEqual(answers(firstRowsPlain, keys));
      }),
      { numRuns: 300 },
    );
  });

  it("still answers after its check number wraps (the table is cleared every 1 023 checks)", () => {
    const keys = ["a", "b", "a", "c", "b"];
    for (let n = 0; n < 2_100; n++) expect(answers(firstRows, keys)).toEqual([-1, -1, 0, -1, 1]);
  });

  it("refuses to answer for a check a later one replaced", () => {
    const old = firstRows(2, () => "a");
    firstRows(1, () => "c");
    expect(() => old.seen("a", 0)).toThrow(/later check/);
  });

  it("lets the Communes reader name the first row of a code given twice (Excel rows: header on row 1)", () => {
    const log = new ReadLog();
    readCommunes(
      {
        source: "Communes",
        headers: ["code_commune", "departement", "population", "cpts"],
        rows: [
          ["33063", "33", 100, ""],
          ["24322", "24", 50, ""],
          // 1001 is 01001 once its leading zero is given back: the same commune as row 5
          ["01001", "01", 10, ""],
          [1001, "01", 10, ""],
          ["24322", "24", 50, ""],
        ],
      },
      log,
    );
    expect(log.problems.map((p) => [p.row, p.message])).toEqual([
      [5, "identifiant « 1001 » déjà utilisé ligne 4"],
      [6, "identifiant « 24322 » déjà utilisé ligne 3"],
    ]);
  });
});
