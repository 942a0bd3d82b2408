/**
 * Any reference date (issue 24 §1): the sheets describe the situation at that day — CPTS stages (a CPTS conventionnée
 * after it is a project then), contracts signed and in force — while the remuneration sheets give what is due for
 * its year. The centres de santé day of 16/04/2024 shows tables at 07/02, 04/03 and 02/04/2024.
 */
import { describe, expect, it, vi } from "vitest";
import { parseArgs, runRegional } from "../../scripts/regional";
import { buildRegionalSheets, type SheetModel } from "../../src/core/regional";
import { table } from "./fixtures";

const rowsOf = (sheet: SheetModel, i = 0) => sheet.tables[i].rows;

// four CPTS of one département: signed 01/03/2024, 15/03/2024, 10/04/2024, and a project
const cpts = table(
  "CPTS",
  ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
  [
    ["A", "CPTS A", "13", "5", 50_000, "01/03/2024", 20, 1],
    ["B", "CPTS B", "13", "5", 60_000, "15/03/2024", 20, 1],
    ["C", "CPTS C", "13", "5", 70_000, "10/04/2024", 20, 1],
    ["D", "CPTS D", "13", "3", 80_000, "", 20, 1],
  ],
);
// contracts of centres de santé: two signed before 02/04/2024, one after, one ended on 01/04/2024
const contrats = table(
  "Contrats AM",
  ["id", "cpam", "date_signature", "etp", "regime", "bande", "date_fin", "etp_medecins"],
  [
    ["AM1", "131", "15/01/2023", 1, "cds", "P50-P70", "", 4],
    ["AM2", "131", "01/02/2024", 2, "cds", "P50-P70", "", 6],
    ["AM3", "131", "20/03/2023", 1, "cds", "P50-P70", "01/04/2024", 4],
    ["AM4", "131", "10/04/2024", 1, "cds", "P50-P70", "", 4],
  ],
);

describe("a reference date other than 31/12", () => {
  const at = (date: string) => buildRegionalSheets({ tables: { cpts, contrats_am: contrats }, date, kinds: ["projets", "contrats_am"] });

  it("counts the CPTS conventionnées at that day, the later ones as projects (stade 4)", () => {
    const stades = (date: string) => Object.fromEntries(rowsOf(at(date).sheets[0]).map((r) => [r[0], r[2]]));
    expect(stades("2024-04-02")).toMatchObject({ "5": 2, "4": 1, "3": 1, Total: 4 });
    expect(stades("2024-03-10")).toMatchObject({ "5": 1, "4": 2 });
    expect(stades("2024-12-31")).toMatchObject({ "5": 3, "4": 0 });
  });

  it("says the date in every sheet's title and note, and the year it stands for", () => {
    const result = at("2024-04-02");
    expect(result.problems).toEqual([]);
    expect(result.annee).toBe(2024);
    expect(result.anneeNote).toBe("date de référence 02/04/2024 : indiquée par l'utilisateur");
    for (const sheet of result.sheets) expect(sheet.notes[0], sheet.name).toBe("Situation au 02/04/2024");
    expect(result.sheets[0].title).toBe("Revue des projets CPTS au 02/04/2024");
    expect(result.sheets[1].title).toBe("Contrats d'aide à l'emploi d'un assistant médical au 02/04/2024");
  });

  it("counts the contracts signed by that day and those in force then (date_fin is the first day without contract)", () => {
    const sheet = at("2024-04-02").sheets[1];
    // signed in 2024 by 02/04: AM2 only (AM4 is signed on 10/04)
    expect(sheet.tables[0].header).toEqual(["CPAM", "2023", "2024"]);
    expect(rowsOf(sheet, 0).at(-1)).toEqual(["Région", 2, 1]);
    // in force: at 31/12/2023 AM1 and AM3; on 02/04/2024 AM1 and AM2 (AM3 ended on 01/04)
    expect(rowsOf(sheet, 1).at(-1)).toEqual(["Région", 2, 2]);
    expect(sheet.tables[1].title).toBe("Contrats en cours au 31/12, au 02/04/2024 pour 2024 (stock)");
    // the centres de santé in force that day and their ETP of assistants
    expect(rowsOf(sheet, 5).at(-1)).toEqual(["Région", 2, 3]);
  });

  it("refuses a year and a date that disagree, naming both", () => {
    const result = buildRegionalSheets({ tables: { cpts }, annee: 2023, date: "2024-04-02", kinds: ["projets"] });
    expect(result.sheets).toEqual([]);
    expect(result.problems).toContainEqual({
      table: "paramètres",
      column: "date",
      message: "date de référence 02/04/2024 hors de l'année de référence 2023 : indiquer l'une ou l'autre, ou les accorder",
    });
  });
});

describe("npm run regional -- … --date JJ/MM/AAAA", () => {
  it("reads the date in French form, refuses an impossible one", () => {
    expect(parseArgs(["a.xlsx", "b.xlsx", "--date", "02/04/2024"])).toMatchObject({ date: "2024-04-02" });
    expect(parseArgs(["a.xlsx", "b.xlsx", "--date=07/02/2024"])).toMatchObject({ date: "2024-02-07" });
    expect(parseArgs(["a.xlsx", "b.xlsx", "--date", "31/02/2024"])).toBe(
      "date attendue après --date au format JJ/MM/AAAA (ex. --date 02/04/2024), reçu « 31/02/2024 »",
    );
    expect(parseArgs(["a.xlsx", "b.xlsx", "--date", "2024-04-02"])).toMatch(/^date attendue après --date/);
  });

  it("writes the sample region's sheets at 30/06/2022 and says it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join, resolve } = await import("node:path");
    const out = join(mkdtempSync(join(tmpdir(), "date-")), "sortie.xlsx");
    expect(await runRegional([resolve(__dirname, "../../examples/region-exemple.xlsx"), out, "--date", "30/06/2022"])).toBe(0);
    expect(log.mock.calls.map((c) => String(c[0]))).toContain("Situation au 30/06/2022 (date de référence 30/06/2022 : indiquée par l'utilisateur).");
    // the deck's title slide and key figures say the same day
    const deck = out.replace(/xlsx$/, "pptx");
    expect(await runRegional([resolve(__dirname, "../../examples/region-exemple.xlsx"), deck, "--date", "30/06/2022"])).toBe(0);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync((await import("node:fs")).readFileSync(deck));
    expect(await zip.file("ppt/slides/slide1.xml")!.async("string")).toContain("Situation au 30/06/2022");
    expect(await zip.file("ppt/slides/slide2.xml")!.async("string")).toContain("situation au 30/06/2022");
    vi.restoreAllMocks();
  });
});

describe("the task pane's date field", () => {
  it("writes the sheets at the day given, as the offline job does", async () => {
    const { FakeExcel } = await import("../support/fake-excel");
    const { generateSheets } = await import("../../src/taskpane/generate");
    const excel = new FakeExcel();
    excel.addTable("CPTS", "CPTS", cpts.headers as string[], cpts.rows as never);
    const outcome = await generateSheets(excel.run, { kinds: ["projets"], date: "2024-04-02", choice: {}, options: { suspendScreenUpdating: false } });
    expect(outcome.problems).toEqual([]);
    expect(outcome.date).toBe("2024-04-02");
    const grid = excel.sheet("Projets CPTS")!.grid();
    expect(grid[0][0]).toBe("Revue des projets CPTS au 02/04/2024");
    expect(grid[1][0]).toBe("Situation au 02/04/2024");
  });
});
