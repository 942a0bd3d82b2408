import { describe, expect, it } from "vitest";
import { frInteger, frNumber, frPercent } from "../../src/core/format";

describe("French number display (same output as Intl fr-FR)", () => {
  it.each([0, 7, 999, 1_000, 12_345.678, 1_234_567.5, -4_000.25, 0.005, 2050, 20_000, 6_150_451, 0.07, 1.05, 10.1, 1_000.01, 2_183.33, -0.5])("%f", (n) => {
    expect(frNumber(n)).toBe(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(n));
    expect(frInteger(n)).toBe(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(n));
  });
  // around 2^31 hundredths (21 474 836,48) and 2^31 units, where the display leaves 32-bit integer arithmetic
  it.each([
    21_474_836.47, 21_474_836.48, 999_999_999.99, 1_000_000_000.5, 2_147_483_647, 2_147_483_648, -3_000_000_000.25, 123_456_789_012.34, 45_000_000_000_000,
  ])("%f (large)", (n) => {
    expect(frNumber(n)).toBe(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(n));
    expect(frInteger(n)).toBe(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(n));
  });
  it("writes percentages with one decimal", () => {
    expect(frPercent(0.125)).toBe("12,5 %");
    expect(frPercent(0.25)).toBe("25 %");
    expect(frPercent(0.03)).toBe("3 %");
  });
});
