import { describe, expect, it } from "vitest";
import { formulaEngine } from "../support/formula-engine";
const spills = {};

describe("the built functions inside a formula engine", () => {
  it("computes CPTS and AM amounts from cell references (seed 001, 003, 002, 004 examples)", () => {
    const hf = formulaEngine(
      [
        [4, "acces", "total", 1, "=DATE(2022,10,1)", 120, true, "=CPTS.MISSION(A1,B1,C1,D1,E1,F1,G1)"],
        [2, "parcours", "fixe", 1, "=DATE(2020,1,1)", null, null, "=CPTS.MISSION(A2,B2,C2,D2,E2)"],
        [1, "crise_redaction", "total", 1, "=DATE(2023,1,1)", null, null, "=CPTS.MISSION(A3,B3,C3,D3,E3)"],
        ["=1/3", 2, "=DATE(2020,1,1)", null, null, null, null, "=AM.AID(A4,B4,C4)"],
        [0.5, 1, "=DATE(2024,9,1)", null, null, null, null, "=AM.AID(A5,B5,C5)"],
        [2.4, 1, "=DATE(2024,9,1)", "P50-P70", 1, "cds", null, "=AM.AID(A6,B6,C6,D6,E6,F6)"],
        [null, null, null, null, null, null, null, "=SUM(H1:H6)"],
        [250000, null, null, null, null, null, null, "=CPTS.TAILLE(A8)"],
      ],
      spills,
    );
    const h = (row: number) => hf.getCellValue({ sheet: 0, col: 7, row });
    expect(h(0)).toBe(170_500);
    expect(h(1)).toBe(35_000);
    expect(h(2)).toBe(25_000);
    expect(h(3)).toBe(9_000);
    expect(h(4)).toBe(19_000);
    expect(h(5)).toBe(86_400);
    expect(h(6)).toBe(170_500 + 35_000 + 25_000 + 9_000 + 19_000 + 86_400);
    expect(h(7)).toBe(4);
  });

  it("recalculates when an input cell changes", () => {
    const hf = formulaEngine([[1, '=CPTS.MISSION(A1,"parcours","total",1,DATE(2021,1,1))']], spills);
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe(50_000);
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, 3);
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe(90_000);
  });

  it("shows #VALUE! with the French message for bad input", () => {
    const hf = formulaEngine([['=CPTS.MISSION(5,"acces")']], spills);
    const value = hf.getCellValue({ sheet: 0, col: 0, row: 0 }) as { value: string; message: string };
    expect(value.value).toBe("#VALUE!");
    expect(value.message).toMatch(/taille/);
  });
});
