/**
 * No NaN or infinity ever reaches a cell: the adapters refuse it with #VALUE! and a French message. ACI.MSP_DETAIL no
 * longer scans its 26 × 9 spill for it: `mspDetail` checks the numbers the spill is built from, which this file
 * proves by spoiling a parameter of one year (in its own file: the year's texts and rules are cached per module).
 */
import { afterEach, describe, expect, it } from "vitest";
import { yearRules } from "../../src/core/aci-msp/params";
import { excelCall } from "../../src/functions/excel";
import { aciMspDetailFunction, aciMspEurosFunction, aciMspPointsFunction } from "../../src/functions/functions";
import { PREREQUISITES_MET } from "../support/msp-fields";

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  return "no error";
};
const NOT_A_NUMBER = { code: "#VALUE!", message: expect.stringMatching(/non numérique/) };

describe("a result that is not a number", () => {
  it("is refused, as a number and in a spilled table", () => {
    expect(refusal(() => excelCall(() => NaN))).toEqual(NOT_A_NUMBER);
    expect(refusal(() => excelCall(() => [["Total", Infinity]]))).toEqual(NOT_A_NUMBER);
    expect(excelCall(() => [["Total", 43_190]])).toEqual([["Total", 43_190]]);
  });

  describe("ACI.MSP_DETAIL, checked where its numbers are computed", () => {
    const rules = yearRules(2024);
    const pointValue = rules.valeurPoint!.value;
    const reference = rules.patienteleReference!.value;
    afterEach(() => {
      (rules.valeurPoint as { value: number }).value = pointValue;
      (rules.patienteleReference as { value: number }).value = reference;
    });
    const fields = { annee: 2024, ...PREREQUISITES_MET, crise_plan: 1, protocoles: 4 };
    const detail = () => aciMspDetailFunction([Object.keys(fields)], [Object.values(fields)]);

    it("is refused when a euro amount is not a number (a point value spoiled to NaN)", () => {
      expect(Array.isArray(detail())).toBe(true);
      (rules.valeurPoint as { value: number }).value = NaN;
      expect(refusal(detail)).toEqual(NOT_A_NUMBER);
      expect(refusal(() => aciMspEurosFunction([Object.keys(fields)], [Object.values(fields)]))).toEqual(NOT_A_NUMBER);
    });

    it("ACI.MSP_POINTS is refused when its points are not a number (the reference patientèle spoiled to NaN)", () => {
      const points = () => aciMspPointsFunction([Object.keys(fields)], [Object.values(fields)]);
      expect(typeof points()).toBe("number");
      (rules.patienteleReference as { value: number }).value = NaN;
      expect(refusal(points)).toEqual(NOT_A_NUMBER);
    });
  });
});
