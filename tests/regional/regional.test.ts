import { describe, expect, it } from "vitest";
import { buildRegionalSheets, layoutSheet, tableColumns, type SheetModel } from "../../src/core/regional";
import { summarize } from "../../src/core/regional/aggregates";
import { coverageTables, SEED_COVERAGE, SEED_REGION, table } from "./fixtures";
import { PREREQUISITE_FIELDS } from "../support/msp-fields";

const rowsOf = (sheet: SheetModel, t = 0) => sheet.tables[t].rows;

describe("Couverture CPTS (seed 001, « Taux de couverture CPTS au 31/12/2022 »)", () => {
  const { communes, cpts } = coverageTables();
  const result = buildRegionalSheets({ tables: { communes, cpts }, annee: 2022, kinds: ["couverture"] });
  const sheet = result.sheets[0];

  it("reproduces every département row", () => {
    expect(result.problems).toEqual([]);
    for (const [dept, seed] of Object.entries(SEED_COVERAGE)) {
      const row = rowsOf(sheet).find((r) => r[0] === dept)!;
      const shares = [row[3], row[4], row[5]].map((v) => (v as number) * 100);
      // the seed's rows sum to 99.9–100.1 (rounded): exact to the published decimal where they sum to 100
      const exact = Math.abs(seed[0] + seed[1] + seed[2] - 100) < 1e-9;
      shares.forEach((s, i) => {
        if (exact) expect(s.toFixed(1), `${dept} zone ${i}`).toBe(seed[i].toFixed(1));
        else expect(Math.abs(s - seed[i]), `${dept} zone ${i}`).toBeLessThanOrEqual(0.1);
      });
    }
  });

  it("weights the region by population: 38.2 / 41.4 / 20.3, not the mean of the départements (38.4)", () => {
    const region = rowsOf(sheet).at(-1)!;
    expect(region[0]).toBe("Région");
    const shares = [region[3], region[4], region[5]].map((v) => Math.round((v as number) * 1000) / 10);
    // populations here are the package's (not the CPAM's 2022 counts): within the seed's last decimal
    shares.forEach((s, i) => expect(Math.abs(s - SEED_REGION[i]), `zone ${i}`).toBeLessThanOrEqual(0.1 + 1e-9));
    const mean = Object.values(SEED_COVERAGE).reduce((s, [c]) => s + c, 0) / 12;
    expect(mean).toBeCloseTo(38.38, 2);
    expect(Math.abs((region[3] as number) * 100 - mean)).toBeGreaterThan(0.1);
  });

  it("says what it is, when, from what, and charts it", () => {
    expect(sheet.title).toBe("Taux de couverture CPTS au 31/12/2022");
    expect(sheet.notes[0]).toBe("Situation au 31/12/2022");
    expect(sheet.notes[1]).toMatch(/Communes \(« Communes », 36 lignes\), CPTS \(« CPTS », 24 lignes\)/);
    expect(sheet.charts?.[0].kind).toBe("barStacked100");
  });

  it("counts a CPTS signed after the reference date as grise", () => {
    const late = buildRegionalSheets({ tables: { communes, cpts }, annee: 2020, kinds: ["couverture"] });
    expect(rowsOf(late.sheets[0]).find((r) => r[0] === "79")![3]).toBe(0);
    expect(late.warnings.join()).toMatch(/comptée\(s\) comme projet \(stade 4, zone grise\) dans toutes les feuilles/);
  });

  it("gives the same figures when each commune is split in three, the rows of all départements interleaved", () => {
    // the reader sums the communes by département and CPTS as it reads them: the order of the rows is not the order
    // of the groups
    const split: unknown[][][] = communes.rows.map(([code, dept, pop, id]) => {
      const p = pop as number;
      const third = Math.floor(p / 3);
      const base = Number(String(code).slice(2)) * 3;
      return [third, third, p - 2 * third].map((part, k) => [`${dept}${String(base + k).padStart(3, "0")}`, dept, part, id]);
    });
    const interleaved = [0, 1, 2].flatMap((k) => split.map((parts) => parts[k])).reverse();
    const again = buildRegionalSheets({
      tables: { communes: table("Communes", communes.headers as string[], interleaved), cpts },
      annee: 2022,
      kinds: ["couverture"],
    });
    expect(again.problems).toEqual([]);
    expect(rowsOf(again.sheets[0])).toEqual(rowsOf(sheet));
  });

  it("counts the communes of CPTS missing from the CPTS table, naming the first five rows and the ids as typed", () => {
    // eight communes in two départements, of two unknown CPTS, one typed two ways (the same CPTS once folded)
    const orphans = [
      ["33900", "33", 100, "CPTS-X"],
      ["24900", "24", 100, "CPTS-Y"],
      ["33901", "33", 100, "cpts-x "],
      ["24901", "24", 100, "CPTS-Y"],
      ["33902", "33", 100, "CPTS-X"],
      ["24902", "24", 100, "CPTS-Y"],
      ["33903", "33", 100, "CPTS-X"],
      ["24903", "24", 100, "CPTS-Y"],
    ];
    // on Excel rows 2 (header on row 1), 4, 6… the commune rows of the fixture between them
    const rows = communes.rows.slice(0, 8).flatMap((r, i) => [orphans[i], r]);
    const r = buildRegionalSheets({ tables: { communes: table("Communes", communes.headers as string[], rows), cpts }, annee: 2022, kinds: ["couverture"] });
    expect(r.problems).toEqual([]);
    expect(r.warnings).toContain(
      "Couverture : 8 commune(s) du tableau Communes rattachée(s) à une CPTS absente du tableau CPTS, comptée(s) en zone blanche (lignes 2, 4, 6, 8, 10 et 3 autres) : « CPTS-X », « CPTS-Y », « cpts-x »",
    );
  });
});

describe("Projets CPTS (seed 001, « Revue des projets CPTS au 31/12/2022 »)", () => {
  // 5 conventionnée: 34; 4 co-construction: 2; 3 projet de santé: 20; 2bis mission précoce: 1; 2 lettre d'intention: 8; 1 émergence: 26
  const counts: [string, number][] = [
    ["5", 34],
    ["4", 2],
    ["3", 20],
    ["2bis", 1],
    ["2", 8],
    ["1", 26],
  ];
  const rows: unknown[][] = [];
  for (const [stade, n] of counts)
    for (let i = 0; i < n; i++)
      rows.push([`${stade}-${i}`, `CPTS ${stade} ${i}`, "33", stade === "2bis" ? "2 bis" : stade, 50_000, stade === "5" ? "2021-01-01" : "", 20, 1]);
  const cpts = table("CPTS", ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"], rows);

  it("counts each stage", () => {
    const sheet = buildRegionalSheets({ tables: { cpts }, annee: 2022, kinds: ["projets"] }).sheets[0];
    expect(rowsOf(sheet).map((r) => [r[0], r[2]])).toEqual([...counts, ["Total", 91]]);
  });
});

describe("Contrats AM (seed 000, Bretagne)", () => {
  // « Nombre de contrats signés » by CPAM and year, and « Option 1/3 ETP 53 % / ½ ETP 37 % / 1 ETP 10 % »
  const SEED: Record<string, [number, number, number]> = { "29": [2, 12, 17], "35": [2, 34, 44], "22": [6, 10, 17], "56": [6, 16, 20] };
  const options = [...Array(99).fill("1/3"), ...Array(69).fill(0.5), ...Array(18).fill(1)];
  const rows: unknown[][] = [];
  let k = 0;
  for (const [cpam, counts] of Object.entries(SEED)) {
    counts.forEach((n, i) => {
      // the first contracts were signed in the autumn of 2019 (avenant 7 in force on 21/08/2019)
      for (let j = 0; j < n; j++)
        rows.push([`AM${k}`, cpam, `15/${String(i === 0 ? 9 + (j % 4) : (j % 12) + 1).padStart(2, "0")}/${2019 + i}`, options[k++], "liberal", "P50-P70", ""]);
    });
  }
  // one contract ended in 2020 to tell stock from signatures
  rows[0][6] = "30/06/2020";
  const contrats = table("Contrats AM", ["id", "cpam", "date_signature", "etp", "regime", "bande", "date_fin"], rows);
  const sheet = buildRegionalSheets({ tables: { contrats_am: contrats }, annee: 2021, kinds: ["contrats_am"] }).sheets[0];

  it("reproduces the contracts signed by CPAM and year: région 16 / 72 / 98", () => {
    const signed = rowsOf(sheet, 0);
    expect(sheet.tables[0].header).toEqual(["CPAM", "2019", "2020", "2021"]);
    for (const [cpam, counts] of Object.entries(SEED)) expect(signed.find((r) => r[0] === cpam)!.slice(1)).toEqual(counts);
    expect(signed.at(-1)).toEqual(["Région", 16, 72, 98]);
  });

  it("gives the stock at 31/12 (ended contracts leave it)", () => {
    expect(rowsOf(sheet, 1).at(-1)).toEqual(["Région", 16, 16 + 72 - 1, 16 + 72 + 98 - 1]);
  });

  it("gives the option shares 53 % / 37 % / 10 %", () => {
    const share = (label: string) => Math.round((rowsOf(sheet, 2).find((r) => r[0] === label)![2] as number) * 100);
    expect([share("1/3 ETP"), share("1/2 ETP"), share("1 ETP")]).toEqual([53, 37, 10]);
  });

  it("sums the aid of the contract years starting in the reference year, as AM.AID computes them", () => {
    // 2021 contract years: year 1 for the 98 signed in 2021, year 2 for the 72 of 2020, year 3 for 16 − 1 of 2019
    const aid = rowsOf(sheet, 3).at(-1)!;
    expect(aid[1]).toBe(98 + 72 + 15);
    expect(aid[2]).toBeGreaterThan(0);
  });
});

describe("Rémunérations MSP (seed 000, Bretagne)", () => {
  const header = [...tableColumns("msp"), ...PREREQUISITE_FIELDS];
  const rows: unknown[][] = [];
  // 130 MSP, 60 under contract (46 %); 43 paid for 2019 and 2020, 11 more paid only for 2020 (54 MSP paid for 2020)
  for (let i = 0; i < 130; i++) {
    const aci = i < 60 ? 1 : 0;
    rows.push([`M${i}`, `MSP ${i}`, i % 2 ? "29" : "35", aci, 2020, 2017, 4_444, 10, 12, 1, 1, aci && i < 54 ? 1 : 0, 1]);
    if (i < 43) rows.push([`M${i}`, `MSP ${i}`, i % 2 ? "29" : "35", 1, 2019, 2017, 4_000, 10, 12, 1, 1, 1, 1]);
  }
  const msp = table("MSP", header, rows);
  const result = buildRegionalSheets({ tables: { msp }, annee: 2020, kinds: ["remunerations_msp"] });
  const sheet = result.sheets[0];

  it("counts the MSP and the ACI adhesion rate: 60 of 130, 46 %", () => {
    expect(result.problems).toEqual([]);
    const region = rowsOf(sheet, 0).at(-1)!;
    expect(region.slice(0, 4)).toEqual(["Région", "", 130, 60]);
    expect(Math.round((region[4] as number) * 100)).toBe(46);
  });

  it("computes the evolution on the 43 MSP paid both years: +2.8 %", () => {
    // 2019: 800 + 2 050 + 2 500 = 5 350 points; 2020 with 4 444 patients: 800 + 700 + 1 499.85 + 2 500 = 5 499.85 points
    const [count, before, after, rate] = rowsOf(sheet, 2)[0] as number[];
    expect(count).toBe(43);
    expect(before).toBe(5_350 * 7);
    expect(after).toBeCloseTo(5_499.85 * 7, 2);
    expect(Math.round(rate * 1000) / 10).toBe(2.8);
    expect(rowsOf(sheet, 1)[1].slice(0, 2)).toEqual(["2020", 54]);
  });

  it("gives the weight of each axis, summing to 100 %", () => {
    const weights = rowsOf(sheet, 3).map((r) => r[1] as number);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
    // 2020 points of a paid MSP: accès 800, travail en équipe 2 199.85, SI 2 500
    expect(weights[0]).toBeCloseTo(800 / 5_499.85, 6);
  });
});

describe("Rémunérations CPTS", () => {
  it("summarizes like seed 001: N = 18, mean 224 550 €, min 91 250 €, max 300 000 €", () => {
    const amounts = [91_250, 300_000, ...Array(15).fill(228_000), 230_650];
    expect(summarize(amounts)).toMatchObject({ count: 18, mean: 224_550, min: 91_250, max: 300_000 });
  });

  it("computes each CPTS with the CPTS.MISSION rules, by taille and by mission", () => {
    const cpts = table(
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas", "qualite", "accompagnement", "atteinte_parcours"],
      [
        // T1 signed 2021, no SAS: fonctionnement 50 000 + accès 2019 30 000 + SNP 10 000 + parcours 25 000 + 25 000 × 80 % + prévention 20 000 + crise (mise à jour) 12 500
        ["A", "CPTS A", "33", "5", 30_000, "2021-03-01", 40, 0, 0, 0, 0.8],
        // T4 with 150 members signed 01/02/2023, SAS: 90 000 + 1,1 × (155 000 + 100 000 + 40 000 + 40 000 + 30 000 + 50 000 crise
        // year 1), the missions prorated to the 334 days from the signature (first contract year)
        ["B", "CPTS B", "33", "5", 200_000, "2023-02-01", 150, 1, 1, 1, ""],
        ["C", "Projet C", "33", "3", 60_000, "", 10, 1, 0, 0, ""],
      ],
    );
    const sheet = buildRegionalSheets({ tables: { cpts }, annee: 2023, kinds: ["remunerations_cpts"] }).sheets[0];
    const byTaille = rowsOf(sheet, 0);
    expect(byTaille[0].slice(0, 3)).toEqual(["Taille 1", 1, 50_000 + 30_000 + 10_000 + 25_000 + 20_000 + 20_000 + 12_500]);
    const firstYear = (amount: number) => Math.round(((1.1 * amount * 334) / 365) * 100) / 100;
    const missionsB = [155_000, 100_000, 40_000, 40_000, 30_000, 50_000].map(firstYear);
    expect(byTaille[3][0]).toBe("Taille 4");
    expect(byTaille[3][2]).toBeCloseTo(90_000 + missionsB.reduce((a, b) => a + b, 0), 2);
    expect(byTaille.at(-1)![1]).toBe(2);
    const quality = rowsOf(sheet, 1).find((r) => r[0] === "Qualité et pertinence")!;
    // 1,1 × 40 000 prorated to 334 days
    expect(quality.slice(1, 3)).toEqual([1, firstYear(40_000)]);
  });
});

describe("validation: nothing is built, every problem is named", () => {
  const communes = table(
    "Communes",
    ["code_commune", "departement", "population", "cpts"],
    [
      ["33001", "33", "beaucoup", ""],
      ["33001", "33", 10, ""],
    ],
  );
  const cpts = table("CPTS", ["id", "nom", "departement", "population", "date_signature", "membres", "sas"], [["A", "x", "33", 1, "", 1, 1]]);

  it("lists each problem with table, column and row, and builds no sheet", () => {
    const result = buildRegionalSheets({ tables: { communes, cpts }, annee: 2022, kinds: ["couverture"] });
    expect(result.sheets).toEqual([]);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { table: "Communes", column: "population", row: 2, message: "nombre attendu, reçu « beaucoup »" },
        { table: "Communes", column: "code_commune", row: 3, message: "identifiant « 33001 » déjà utilisé ligne 2" },
        { table: "CPTS", column: "stade", message: "colonne obligatoire absente" },
      ]),
    );
  });

  it("names a missing table", () => {
    const result = buildRegionalSheets({ tables: {}, annee: 2022, kinds: ["contrats_am"] });
    expect(result.problems[0]).toMatchObject({ table: "Contrats AM", message: expect.stringMatching(/tableau introuvable/) });
  });
});

describe("layout", () => {
  it("puts the title, notes, then each table with its header, in one rectangular grid", () => {
    const { communes, cpts } = coverageTables();
    const sheet = buildRegionalSheets({ tables: { communes, cpts }, annee: 2022, kinds: ["couverture"] }).sheets[0];
    const grid = layoutSheet(sheet);
    expect(grid.values[0][0]).toBe("Taux de couverture CPTS au 31/12/2022");
    expect(grid.values.every((r) => r.length === grid.width)).toBe(true);
    const block = grid.blocks[0];
    expect(grid.values[block.headerRow]).toEqual(["Département", "Nom", "Population", "% zone couverte", "% zone grise", "% zone blanche"]);
    expect(grid.numberFormats[block.firstRow]).toEqual(["@", "@", "#,##0", "0.0%", "0.0%", "0.0%"]);
    expect(grid.frozenRows).toBe(block.headerRow + 1);
    // « Pyrénées-Atlantiques » (20 characters) is the longest name of the region: the column fits it
    expect(grid.columnWidths[1]).toBe("Pyrénées-Atlantiques".length + 2);
    expect(grid.values.length).toBe(block.firstRow + 13);
  });
});

describe("codes stored as numbers by Excel", () => {
  it("gives départements, CPAM and communes back their leading zeros", () => {
    const communes = table(
      "Communes",
      ["code_commune", "departement", "population", "cpts"],
      [
        [1001, 1, 800, ""],
        ["01002", "01", 200, ""],
      ],
    );
    const cpts = table(
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      [["A", "CPTS A", 1, "3", 1_000, "", 5, 1]],
    );
    const contrats = table(
      "Contrats AM",
      ["id", "cpam", "date_signature", "etp", "regime", "bande", "date_fin"],
      [["C1", 1, "15/10/2021", 0.5, "liberal", "", ""]],
    );
    const result = buildRegionalSheets({ tables: { communes, cpts, contrats_am: contrats }, annee: 2022, kinds: ["couverture", "contrats_am"] });
    expect(result.problems).toEqual([]);
    expect(rowsOf(result.sheets[0]).map((r) => r[0])).toEqual(["01", "Région"]);
    expect(rowsOf(result.sheets[1], 0)[0][0]).toBe("01");
  });
});

describe("edge cases of the source tables", () => {
  it("sees 1001 and 01001 as the same commune", () => {
    const communes = table(
      "Communes",
      ["code_commune", "departement", "population", "cpts"],
      [
        [1001, "01", 800, ""],
        ["01001", "01", 200, ""],
      ],
    );
    const cpts = table(
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      [["A", "CPTS A", "01", "3", 1_000, "", 5, 1]],
    );
    const result = buildRegionalSheets({ tables: { communes, cpts }, annee: 2022, kinds: ["couverture"] });
    expect(result.problems).toEqual([{ table: "Communes", column: "code_commune", row: 3, message: "identifiant « 01001 » déjà utilisé ligne 2" }]);
  });

  it("reports a table whose rows are all blank as empty", () => {
    const msp = table("MSP", ["id", "nom", "departement", "aci", "annee"], [["", null, "", null, ""]]);
    const result = buildRegionalSheets({ tables: { msp }, annee: 2022, kinds: ["remunerations_msp"] });
    expect(result.problems).toEqual([{ table: "MSP", message: "le tableau ne contient aucune ligne de données" }]);
  });
});
