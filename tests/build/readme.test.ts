/**
 * The README's examples are run (issue 25: one screen per audience, one example per family): each formula of its
 * example table, in French Excel syntax, is evaluated by the formula engine over the built functions, with the MSP
 * example row of the README as A1:M2, and must give the result the README prints. Its size is checked too.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formulaEngine } from "../support/formula-engine";

const README = readFileSync(resolve(__dirname, "../../README.md"), "utf8");

/** The rows of the markdown table that follows the line matching `marker` (its header and separator left out). */
function tableAfter(marker: RegExp): string[][] {
  const lines = README.split("\n");
  const start = lines.findIndex((l) => marker.test(l));
  const rows: string[][] = [];
  for (let i = start; i < lines.length; i++) {
    if (!lines[i].startsWith("|")) {
      if (rows.length) break;
      continue;
    }
    rows.push(
      lines[i]
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim()),
    );
  }
  return rows.filter((r) => !r.every((c) => /^-+$/.test(c)));
}

/** French Excel syntax to the engine's: `;` between arguments, `,` as the decimal mark, VRAI/FAUX. */
const toEngine = (formula: string) =>
  formula
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/;/g, ",")
    .replace(/\bVRAI\b/g, "TRUE()")
    .replace(/\bFAUX\b/g, "FALSE()");

describe("the README", () => {
  it("is at most 150 lines, in French, with the two commands", () => {
    expect(README.split("\n").length).toBeLessThanOrEqual(150);
    expect(README).toContain("npm ci && npm run demo");
    expect(README).toMatch(/^npm test\b/m);
    expect(README).toContain("## Pour les analystes");
    expect(README).toContain("## Pour les mainteneurs");
  });

  it("gives the results its examples print (CPTS.MISSION, AM.AID, ACI.MSP_EUROS)", () => {
    const examples = tableAfter(/^### Une fonction par famille/).slice(1);
    const msp = tableAfter(/^Pour `ACI\.MSP_EUROS`/);
    expect(examples.map((r) => /^`=([A-Z.]+_?[A-Z]*)\(/.exec(r[0])?.[1])).toEqual(["CPTS.MISSION", "AM.AID", "ACI.MSP_EUROS"]);
    expect(msp[0]).toHaveLength(13);
    const sheet: unknown[][] = [msp[0], msp[1].map(Number)];
    for (const [formula] of examples) sheet.push([toEngine(formula.replace(/`/g, ""))]);
    const hf = formulaEngine(sheet);
    examples.forEach(([formula, result], i) => {
      const expected = Number(result.replace(/\s/g, ""));
      expect(hf.getCellValue({ sheet: 0, col: 0, row: 2 + i }), formula).toBe(expected);
    });
  });
});
