/**
 * The inputs `npm run bench` generates must stay valid: CI does not run the bench, and a rule that starts refusing
 * them (the crisis-plan column, required for 2023 since the CNAM guide's reading) stops it, or has it time refusals.
 */
import { describe, expect, it } from "vitest";
import { fastMspPoints as mspPoints } from "../../src/core/aci-msp/fast";
import { buildRegionalSheets } from "../../src/core/regional";
import { MSP_BENCH_CODES, mspBenchRow, nationalInput } from "../../scripts/bench-input";
import { mulberry32 } from "../../scripts/random";

describe("the bench's generated inputs", () => {
  it("every MSP row of the function pools is an MSP the rules compute, none refused", () => {
    const rnd = mulberry32(7);
    let refused = 0;
    let paid = 0;
    for (let i = 0; i < 10_000; i++) {
      try {
        if (mspPoints(MSP_BENCH_CODES, mspBenchRow(rnd)) > 0) paid++;
      } catch {
        refused++;
      }
    }
    expect(refused).toBe(0);
    // 2017–2022 rows meet the three historical prerequisites; from 2023 the crisis plan is one too (guide CNAM), and
    // one row in ten has none: some 3 % of the rows (2023–2025, a third, times a tenth) earn nothing
    expect(paid).toBeGreaterThan(9_500);
    expect(paid).toBeLessThan(9_800);
  });

  it("the national-scale region builds every sheet of 2023 without a problem, its MSP under contract paid", () => {
    const { tables, rows } = nationalInput(mulberry32(42));
    expect([rows.communes.length, rows.cpts.length, rows.msp.length, rows.am.length]).toEqual([35_000, 1_000, 2_500, 20_000]);
    const r = buildRegionalSheets({ tables, annee: 2023 });
    expect(r.problems).toEqual([]);
    const msp = r.sheets.find((s) => s.kind === "remunerations_msp")!;
    const paidRow = msp.tables.flatMap((t) => t.rows).find((row) => row[0] === "2023")!;
    // about 90 % of the 70 % under contract have a crisis plan: some 1 500 of 2 500 MSP paid
    expect(paidRow[1]).toBeGreaterThan(1_300);
    expect(paidRow[1]).toBeLessThan(1_800);
  });
});
