import { describe, expect, it } from "vitest";
import { MSP_DETAIL_SIZE } from "../../src/core/aci-msp/detail";
import { evaluate } from "../support/built-functions";
import { formulaEngine } from "../support/formula-engine";
import { SEED_002_FIELDS, SEED_002_VALUES } from "../support/msp-fields";

const CHAMPS = SEED_002_FIELDS;
const VALEURS = SEED_002_VALUES;

describe("ACI.MSP_* on the built bundle (seed 002 examples)", () => {
  it("gives the total points and euros of an MSP row", () => {
    // opening 11 h, closed Saturday morning: 620; coordination at 4 000 patients: 2 050; 13 PS: 3 100;
    // 4 protocols: 400; 5 meetings: no concertation points
    const total = 620 + 2_050 + 3_100 + 400;
    expect(evaluate("ACI.MSP_POINTS", [CHAMPS], [VALEURS])).toBe(total);
    expect(evaluate("ACI.MSP_EUROS", [CHAMPS], [VALEURS])).toBe(total * 7);
  });

  it("accepts a column of codes and a column of values", () => {
    expect(
      evaluate(
        "ACI.MSP_POINTS",
        CHAMPS.map((c) => [c]),
        VALEURS.map((v) => [v]),
      ),
    ).toBe(6_170);
  });

  it("spills the detail with its header and the indicator rows", () => {
    const rows = evaluate("ACI.MSP_DETAIL", [CHAMPS], [VALEURS]) as unknown[][];
    expect(rows.length).toBe(MSP_DETAIL_SIZE[1]);
    expect(rows[0]).toEqual(["Axe", "Indicateur", "Type", "Points fixes", "Points variables", "Points", "Euros", "Source", "Remarque"]);
    const row = (label: string) => rows.find((r) => r[1] === label)!;
    expect(row("Horaires d'ouverture et soins non programmés")[5]).toBe(620);
    expect(row("Fonction de coordination").slice(3, 7)).toEqual([700, 1_350, 2_050, 14_350]);
    expect(row("Concertation pluriprofessionnelle")[8]).toMatch(/5 réunions.*au moins 6/);
    expect(rows.every((r) => r.length === MSP_DETAIL_SIZE[0])).toBe(true);
  });

  it.each([
    ["a negative patientèle", [["patientele"]], [[-1]], /patientele.*positive/],
    ["ranges of different sizes", [["annee", "patientele"]], [[2020]], /valeurs.*même forme.*1 ligne × 2 colonnes.*1 ligne × 1 colonne/],
    ["an unknown code", [["annee", "patients"]], [[2020, 3]], /champ inconnu « patients »/],
    ["a level out of range", [["second_recours"]], [[5]], /second_recours.*niveau/],
    ["a value under an empty header", [["annee", ""]], [[2020, 4]], /en-tête vide en position 2/],
  ])("%s gives #VALUE! naming the field", (_label, champs, valeurs, message) => {
    const result = evaluate("ACI.MSP_POINTS", champs, valeurs) as { code: string; message: string };
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(message);
  });
});

describe("ACI.MSP_* in a formula engine, one formula per MSP row", () => {
  it("computes a table of MSP with ranges and spills the detail", () => {
    const header = [...CHAMPS, "Points", "Euros"];
    const row = (r: number, values: unknown[]) => [...values, `=ACI.MSP_POINTS($A$1:$M$1,A${r}:M${r})`, `=ACI.MSP_EUROS($A$1:$M$1,A${r}:M${r})`];
    const hf = formulaEngine(
      [
        header,
        row(2, VALEURS),
        // same MSP, 8 000 patients, 6 meetings with 100 files for 1 000 ALD/75+ patients (objective 50): concertation 2 000
        row(3, [2020, 2017, 8_000, 13, 11, 0, 1, 1, 1, 4, 6, 100, 1_000]),
        // year 2020, adhesion 2017, coordination missing: nothing is paid
        row(4, [2020, 2017, 4_000, 13, 11, 0, 1, 0, 1, 4, 5, 40, 1_000]),
        ["=ACI.MSP_DETAIL(A1:M1,A2:M2)"],
      ],
      { "ACI.MSP_DETAIL": MSP_DETAIL_SIZE },
    );
    const cell = (col: number, r: number) => hf.getCellValue({ sheet: 0, col, row: r });
    expect(cell(13, 1)).toBe(6_170);
    expect(cell(14, 1)).toBe(6_170 * 7);
    expect(cell(13, 2)).toBe(620 + (700 + 2_700) + 3_100 + 400 + 2_000);
    expect(cell(13, 3)).toBe(0);
    // the detail spills from A5: header, then the first indicator row
    expect(cell(0, 4)).toBe("Axe");
    expect(cell(1, 5)).toBe("Horaires d'ouverture et soins non programmés");
    expect(cell(5, 5)).toBe(620);
  });
});
