/**
 * ISO dates read from their character codes (src/core/dates.ts): the same numbers as `Number(iso.slice(…))` on every
 * day from 1900 to 2100 (the span of the reference years and of Excel's dates the tables hold), NaN where a digit is
 * missing, as Number of a non-numeric text gives.
 */
import { describe, expect, it } from "vitest";
import { addYears, isoDay, isoFromUtc, isoMonth, isoYear, utcAfterYears, utcFromIso, yearOf } from "../../src/core/dates";

describe("ISO dates read from their digits", () => {
  it("give the year, month and day of every day from 01/01/1900 to 31/12/2100, and its time back", () => {
    let mismatches = 0;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = isoFromUtc(t);
      const same =
        yearOf(iso) === Number(iso.slice(0, 4)) &&
        isoMonth(iso) === Number(iso.slice(5, 7)) &&
        isoDay(iso) === Number(iso.slice(8, 10)) &&
        utcFromIso(iso) === t;
      if (!same) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("are NaN where a digit is missing or not one", () => {
    expect([isoYear(""), isoYear("20a3-01-01"), isoMonth("2023-1-05"), isoDay("2023-01-")].map(Number.isNaN)).toEqual([true, true, true, true]);
  });

  it("give the time of addYears without its string, 29/02 on 28/02 of a common year included", () => {
    let mismatches = 0;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = isoFromUtc(t);
      for (const years of [0, 1, 3, 4]) if (utcAfterYears(iso, years) !== utcFromIso(addYears(iso, years))) mismatches++;
    }
    expect(mismatches).toBe(0);
    // avenant 7 contracts signed on 29/02/2020: their first anniversary is 28/02/2021
    expect(isoFromUtc(utcAfterYears("2020-02-29", 1))).toBe("2021-02-28");
  });
});
