/**
 * « Action Zéro patient en ALD sans médecin traitant » (Journée régionale des centres de santé PACA, 16/04/2024): the
 * table of the deck, by caisse (41, 51, 61, 131, 831, 841, as the extraction writes them) and date, must come out
 * exactly: patients in ALD without MT, patients in ALD, share with an MT.
 */
import { describe, expect, it } from "vitest";
import { buildRegionalSheets, SHEET_KINDS } from "../../src/core/regional";
import { buildDeck, deckBytes, slideText } from "../../src/deck/deck";
import JSZip from "jszip";
import { table } from "./fixtures";

const DATES = ["07/02/2024", "04/03/2024", "02/04/2024"];
// caisse: [sans MT at the three dates], [en ALD at the three dates], [taux avec MT as the deck prints it]
const SEED: [string, number[], number[], string[]][] = [
  ["41", [1_820, 1_636, 1_510], [32_358, 32_398, 32_453], ["94,4", "95,0", "95,3"]],
  ["51", [598, 574, 669], [26_551, 26_609, 26_651], ["97,7", "97,8", "97,5"]],
  ["61", [8_219, 8_084, 8_005], [218_753, 219_626, 220_285], ["96,2", "96,3", "96,4"]],
  ["131", [15_923, 14_711, 14_496], [374_813, 375_495, 376_043], ["95,8", "96,1", "96,1"]],
  ["831", [7_534, 7_305, 7_066], [220_686, 221_616, 222_140], ["96,6", "96,7", "96,8"]],
  ["841", [6_640, 6_862, 6_917], [99_701, 99_969, 100_265], ["93,3", "93,1", "93,1"]],
];
const PACA: [number[], number[], string[]] = [
  [40_734, 39_172, 38_663],
  [972_862, 975_713, 977_837],
  ["95,8", "96,0", "96,0"],
];
// the département each caisse stands for (caisse 041 is the Alpes-de-Haute-Provence)
const CODE: Record<string, string> = { "41": "04", "51": "05", "61": "06", "131": "13", "831": "83", "841": "84" };

const rows = SEED.flatMap(([caisse, sans, ald]) => DATES.map((d, i) => [caisse, d, ald[i], sans[i]]));
const aldMt = table("ALD_MT", ["cpam", "date", "patients_ald", "patients_ald_sans_mt"], rows);
const pct = (v: unknown) => slideText(v as number, "percent").replace(/\u00a0%$/, "");

describe("ALD sans médecin traitant (PACA, 07/02 → 02/04/2024)", () => {
  const result = buildRegionalSheets({ tables: { ald_mt: aldMt }, date: "2024-04-02", kinds: ["ald_mt"] });
  const sheet = result.sheets[0];
  const body = sheet.tables[0].rows;

  it("gives the deck's table exactly, caisse by caisse and for the région", () => {
    expect(result.problems).toEqual([]);
    expect(sheet.name).toBe("ALD sans médecin traitant");
    expect(sheet.tables[0].header.slice(0, 4)).toEqual(["CPAM", "Sans MT au 07/02/2024", "Sans MT au 04/03/2024", "Sans MT au 02/04/2024"]);
    for (const [caisse, sans, ald, taux] of SEED) {
      const row = body.find((r) => r[0] === CODE[caisse])!;
      expect(row.slice(1, 7), caisse).toEqual([...sans, ...ald]);
      expect(row.slice(7, 10).map(pct), caisse).toEqual(taux);
    }
    const region = body.at(-1)!;
    expect(region[0]).toBe("Région");
    expect(region.slice(1, 7)).toEqual([...PACA[0], ...PACA[1]]);
    expect(region.slice(7, 10).map(pct)).toEqual(PACA[2]);
  });

  it("gives the change between the first and the last date", () => {
    const region = body.at(-1)!;
    // 38 663 − 40 734 patients without MT; 96,05 % − 95,81 % with one
    expect(region[10]).toBe(38_663 - 40_734);
    expect(region[11] as number).toBeCloseTo(1 - 38_663 / 977_837 - (1 - 40_734 / 972_862), 12);
    expect(sheet.notes).toContain("Situation au 02/04/2024");
    expect(sheet.notes.some((n) => n.includes("04 = CPAM Alpes-de-Haute-Provence (caisse 041)"))).toBe(true);
  });

  it("charts the share with an MT date by date, and its slide shows the same figures", async () => {
    expect(sheet.charts).toEqual([expect.objectContaining({ kind: "line", table: 1 })]);
    expect(sheet.tables[1].rows.map((r) => r[0])).toEqual(DATES);
    const zip = await JSZip.loadAsync(
      await deckBytes(
        buildDeck(result.sheets, { region: "Provence-Alpes-Côte d'Azur", annee: 2024, date: "2024-04-02", anneeNote: "", dateDonnees: "2024-04-16" }),
        "nodebuffer",
      ),
    );
    const slides = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const all = slides.join(" ").replace(/\u00a0/g, " ");
    for (const v of ["40 734", "972 862", "95,8 %", "38 663", "977 837", "96,0 %", "1 820", "94,4 %"]) expect(all).toContain(v);
    expect(Object.keys(zip.files).some((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
  });

  it("takes only the extractions up to the reference date", () => {
    const march = buildRegionalSheets({ tables: { ald_mt: aldMt }, date: "2024-03-10", kinds: ["ald_mt"] }).sheets[0];
    expect(march.tables[0].header).toContain("Sans MT au 04/03/2024");
    expect(march.tables[0].header).not.toContain("Sans MT au 02/04/2024");
  });

  it("refuses more patients without MT than in ALD, and a caisse given twice on a date, on their rows", () => {
    const bad = table(
      "ALD_MT",
      ["cpam", "date", "patients_ald", "patients_ald_sans_mt"],
      [
        ["41", "07/02/2024", 1_820, 32_358],
        ["51", "07/02/2024", 26_551, 598],
        ["051", "07/02/2024", 26_551, 598],
      ],
    );
    const r = buildRegionalSheets({ tables: { ald_mt: bad }, date: "2024-04-02", kinds: ["ald_mt"] });
    expect(r.sheets).toEqual([]);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        column: "patients_ald_sans_mt",
        row: 2,
        message: expect.stringMatching(/^32[\s\u202f]358 patients en ALD sans médecin traitant pour 1[\s\u202f]820 /),
      }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ column: "cpam", row: 4, message: "CPAM 05 déjà donnée pour le 07/02/2024 (ligne 3)" }));
  });

  it("is an optional table: « Tout produire » leaves its sheet out, and says so, when the workbook has none", () => {
    const cpts = table(
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      [["A", "CPTS A", "13", "5", 50_000, "01/03/2024", 20, 1]],
    );
    const all = buildRegionalSheets({ tables: { cpts }, date: "2024-04-02", kinds: ["projets", "ald_mt"] });
    expect(all.problems).toEqual([]);
    expect(all.sheets.map((s) => s.kind)).toEqual(["projets", "controles"]);
    expect(all.warnings).toContainEqual(
      expect.stringMatching(/^feuilles des tableaux facultatifs non produites, faute de tableau dans le classeur : « ALD sans médecin traitant » \(ALD_MT\)/),
    );
    // asked for alone, the table is required
    expect(buildRegionalSheets({ tables: { cpts }, date: "2024-04-02", kinds: ["ald_mt"] }).problems[0].message).toMatch(/^tableau introuvable/);
    expect(SHEET_KINDS).toContain("ald_mt");
  });
});

describe("ALD_MT in the task pane", () => {
  it("finds the table by its name, writes the sheet with its line chart", async () => {
    const { FakeExcel } = await import("../support/fake-excel");
    const { generateSheets } = await import("../../src/taskpane/generate");
    const excel = new FakeExcel();
    excel.addTable("ALD", "ALD_MT", aldMt.headers as string[], aldMt.rows as never);
    const outcome = await generateSheets(excel.run, { kinds: ["ald_mt"], date: "2024-04-02", choice: {}, options: { suspendScreenUpdating: false } });
    expect(outcome.problems).toEqual([]);
    const sheet = excel.sheet("ALD sans médecin traitant")!;
    const grid = sheet.grid();
    const region = grid.find((r) => r[0] === "Région")!;
    expect(region.slice(1, 7)).toEqual([...PACA[0], ...PACA[1]]);
    expect(sheet.charts.list.map((c) => c.type)).toEqual(["Line"]);
  });
});
