/**
 * Issue 11, sheet « Contrats AM »: the objective's follow-up from contract year 3 (seed 004's settlement rules, the
 * same as AM.ATTEINTE), the aid forgone, centres de santé shown apart, AM.ETP_MAX checked. Expected figures by hand.
 */
import { describe, expect, it } from "vitest";
import { buildRegionalSheets, problemText, tableColumns } from "../../src/core/regional";
import { table } from "./fixtures";

/** id, cpam, date_signature, etp, regime, bande, date_fin, pmt_depart, pmt_fin, fa_depart, fa_fin, objectif, etp_medecins */
const HEADER = tableColumns("contrats_am");

/** Reference year 2022: contracts signed in 2019 and 2020 start their contract year 4 or 3 in 2022. */
const ROWS: unknown[][] = [
  // 33, option 1/3 signed 01/10/2019 (year 4 in 2022), P50-P70: objective +15 % derived from the band; PMT +16 %: met → 7 000
  ["A1", "33", "01/10/2019", "1/3", "liberal", "P50-P70", "", 1_000, 1_160, "", "", "", ""],
  // 33, 1/2 ETP signed 01/03/2020 (year 3), objective 20 % typed; PMT +10 %: partly, 50 % of 10 500 = 5 250
  ["A2", "33", "01/03/2020", 0.5, "liberal", "P30-P50", "", 1_000, 1_100, "", "", "20 %", ""],
  // 33, 1 ETP signed 01/06/2020 (year 3), objective 15 %, PMT falls: not met → 0 of 21 000
  ["A3", "33", "01/06/2020", 1, "liberal", "P70-P90", "", 1_000, 950, "", "", 0.15, ""],
  // 24, 1/2 ETP signed 01/02/2020 (year 3), no follow-up columns: 100 % assumed → 10 500
  ["B1", "24", "01/02/2020", 0.5, "liberal", "P50-P70", "", "", "", "", "", "", ""],
  // 24, signed 2021 (year 2 in 2022): full aid whatever the counts, not in the year-3 table → 13 500
  ["B2", "24", "01/02/2021", 0.5, "liberal", "P50-P70", "", 1_000, 900, "", "", 0.15, ""],
];

const CDS_ROWS: unknown[][] = [
  // centres de santé signed in 2021 (avenant 3): 2 ETP for 4,8 ETP of doctors (max 2,4): fine
  ["C1", "33", "01/04/2021", 2, "cds", "P50-P70", "", "", "", "", "", "", 4.8],
  // 1,5 ETP for 2 ETP of doctors (max 1): a warning in Contrôles
  ["C2", "24", "01/05/2021", 1.5, "cds", "", "", "", "", "", "", "", 2],
];

const rows = (sheet: { tables: { title: string; rows: unknown[][] }[] }, title: RegExp) => sheet.tables.find((t) => title.test(t.title))!.rows;

describe("Contrats AM: objective follow-up (reference year 2022)", () => {
  const result = buildRegionalSheets({ tables: { contrats_am: table("Contrats AM", HEADER, [...ROWS, ...CDS_ROWS]) }, annee: 2022, kinds: ["contrats_am"] });

  it("counts the contract years 3+ meeting, partly meeting, not meeting their objective, and the aid forgone", () => {
    expect(result.problems.map(problemText)).toEqual([]);
    const follow = rows(result.sheets[0], /^Suivi des objectifs/);
    // CPAM 24: B1 without follow-up (10 500 due at 100 %)
    expect(follow.find((r) => r[0] === "24")).toEqual(["24", 1, 0, 0, 0, 1, 10_500, 10_500, 0]);
    // CPAM 33: A1 met (7 000), A2 partly (5 250 of 10 500), A3 not met (0 of 21 000)
    expect(follow.find((r) => r[0] === "33")).toEqual(["33", 3, 1, 1, 1, 0, 7_000 + 10_500 + 21_000, 7_000 + 5_250, 10_500 - 5_250 + 21_000]);
    expect(follow.at(-1)).toEqual(["Région", 4, 1, 1, 1, 1, 49_000, 22_750, 26_250]);
  });

  it("the aid of the year uses those rates (year 2 always full)", () => {
    const aids = rows(result.sheets[0], /^Aides dues/);
    // 33: 7 000 + 5 250 + 0 + C1 year 2 (avenant 3: 27 000 × 2) = 66 250; 24: 10 500 + 13 500 + C2 27 000 × 1,5 = 64 500
    expect(aids.find((r) => r[0] === "33")).toEqual(["33", 4, 66_250]);
    expect(aids.find((r) => r[0] === "24")).toEqual(["24", 3, 64_500]);
  });

  it("shows the centres de santé apart, and warns about a centre funded beyond AM.ETP_MAX", () => {
    expect(rows(result.sheets[0], /^Centres de santé/)).toEqual([
      ["24", 1, 1.5],
      ["33", 1, 2],
      ["Région", 2, 3.5],
    ]);
    expect(result.warnings.join("\n")).toContain(
      "Contrats AM : contrat C2 (ligne 8) : 1,5 ETP d'assistant médical financés pour 2 ETP de médecins, au-delà des 1 ETP permis (AM.ETP_MAX)",
    );
    expect(result.sheets.at(-1)!.tables[0].rows.some((r) => String(r[1]).includes("contrat C2"))).toBe(true);
  });
});

describe("Contrats AM: bad follow-up input is refused by column and row", () => {
  const bad = (row: unknown[]) =>
    buildRegionalSheets({ tables: { contrats_am: table("Contrats AM", HEADER, [row]) }, annee: 2022, kinds: ["contrats_am"] }).problems.map(problemText);

  it.each([
    [
      ["X", "33", "01/03/2020", 0.5, "liberal", "P30-P50", "", "mille", 1_100, "", "", 0.2, ""],
      "tableau Contrats AM, colonne « pmt_depart », ligne 2 : nombre attendu, reçu « mille »",
    ],
    [
      ["X", "33", "01/03/2020", 0.5, "liberal", "P30-P50", "", 0, 1_100, "", "", 0.2, ""],
      "tableau Contrats AM, colonne « pmt_depart », ligne 2 : effectif de départ strictement positif attendu, reçu 0",
    ],
    [
      ["X", "33", "01/03/2020", 0.5, "liberal", "P30-P50", "", 1_000, -4, "", "", 0.2, ""],
      "tableau Contrats AM, colonne « pmt_fin », ligne 2 : valeur positive ou nulle attendue, reçu -4",
    ],
    [
      ["X", "33", "01/03/2020", 0.5, "liberal", "P30-P50", "", 1_000, 1_100, "", "", 20, ""],
      "tableau Contrats AM, colonne « objectif », ligne 2 : taux saisi 20 : saisir 20 % ou 0,2",
    ],
    [
      ["X", "33", "01/03/2020", 0.5, "liberal", "P50-P70", "", 1_000, 1_100, "", "", "", ""],
      "tableau Contrats AM, colonne « objectif », ligne 2 : objectif de l'option 1/2 ETP en P50-P70 absent des sources : saisir l'objectif écrit dans le contrat",
    ],
    [
      ["X", "33", "01/03/2021", 4.5, "cds", "", "", "", "", "", "", "", 10],
      "tableau Contrats AM, colonne « etp », ligne 2 : 4,5 ETP d'assistant médical : un centre de santé en finance 4 au plus",
    ],
    [
      ["X", "33", "01/03/2020", 0.5, "liberal", "P99", "", "", "", "", "", "", ""],
      "tableau Contrats AM, colonne « bande », ligne 2 : bande inconnue « P99 » ; valeurs acceptées : P30-P50, P50-P70, P70-P90, P90-P95, P95+",
    ],
  ])("%j", (row, message) => {
    expect(bad(row)).toEqual([message]);
  });
});
