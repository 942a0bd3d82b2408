/** Commune codes matched to their département without building its code (src/core/regional/codes.ts). */
import { describe, expect, it } from "vitest";
import { departementOfCommune, inDepartement } from "../../src/core/regional/codes";

describe("a commune in its département", () => {
  it("is read as departementOfCommune reads it, for mainland, Corsican and overseas codes", () => {
    const codes = ["33063", "01001", "2A004", "2B033", "97101", "97411", "97611", "75056"];
    const departements = ["33", "01", "2A", "2B", "971", "974", "976", "75", "97", "9", "3306", "0"];
    for (const code of codes) for (const d of departements) expect(inDepartement(code, d)).toBe(departementOfCommune(code) === d);
  });
});
