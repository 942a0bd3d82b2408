import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runRegional } from "../../scripts/regional";
import { expectSameReading } from "../support/readers";
import { CONTROLS_SHEET_NAME, OPTIONAL_SHEETS, SHEET_KINDS, SHEET_NAMES } from "../../src/core/regional";
import { PREREQUISITE_FIELDS } from "../support/msp-fields";

const SAMPLE = resolve(__dirname, "../../examples/region-exemple.xlsx");
const dir = mkdtempSync(join(tmpdir(), "regional-"));
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function cells(path: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("npm run regional on the sample region (examples/region-exemple.xlsx)", () => {
  const output = join(dir, "sortie.xlsx");
  let before: string;
  let code: number;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    before = sha(SAMPLE);
    code = await runRegional([SAMPLE, output, "--annee", "2022"]);
  });
  afterAll(() => vi.restoreAllMocks());

  it("writes the five sheets and leaves the input untouched", async () => {
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    // the sample has no ALD_MT table: its optional sheet is left out
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_KINDS.filter((k) => !OPTIONAL_SHEETS.has(k)).map((k) => SHEET_NAMES[k]), CONTROLS_SHEET_NAME]);
    expect(sha(SAMPLE)).toBe(before);
    // every sheet prints landscape on A4, one page wide, its frozen rows repeated, title and date in the header
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation, ws.name).toBe("landscape");
      expect([ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight, ws.pageSetup.paperSize], ws.name).toEqual([true, 1, 0, 9]);
      const frozen = (ws.views[0] as { ySplit: number }).ySplit;
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe(`1:${frozen}`);
      expect(ws.headerFooter.oddHeader, ws.name).toMatch(/^&L.+&RSituation au 31\/12\/2022$/);
    }
  });

  it("covers the real Nouvelle-Aquitaine population: 4 293 communes, 6 150 451 inhabitants", async () => {
    const rows = await cells(output, "Couverture CPTS");
    expect(String(rows[2][0])).toMatch(/4\s293 lignes/);
    const region = rows.find((r) => r[0] === "Région")!;
    expect(region[2]).toBe(6_150_451);
    expect((region[3] as number) + (region[4] as number) + (region[5] as number)).toBeCloseTo(1, 10);
  });

  it("carries French number formats (percent with one decimal, euros without decimals)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet("Rémunérations MSP")!;
    let euro = "";
    let percent = "";
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.numFmt?.includes("€")) euro = cell.numFmt;
        if (cell.numFmt?.includes("%")) percent = cell.numFmt;
      }),
    );
    expect(euro).toBe('#,##0 "€"');
    expect(percent).toBe("0.0%");
  });

  it("refuses to overwrite an existing output without --remplacer, and never writes over its input", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await runRegional([SAMPLE, output, "--annee", "2022"])).toBe(2);
    expect(await runRegional([SAMPLE, SAMPLE, "--annee", "2022", "--remplacer"])).toBe(2);
    expect(sha(SAMPLE)).toBe(before);
  });
});

describe("a malformed workbook", () => {
  it("gives French problems naming table, column and row, and writes nothing", async () => {
    const input = join(dir, "mauvais.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("CPTS");
    ws.addRows([
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      ["A", "CPTS A", "33", "7", 50_000, "2021-01-01", 10, 1],
    ]);
    await wb.xlsx.writeFile(input);
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    const output = join(dir, "rien.xlsx");
    expect(await runRegional([input, output, "--annee", "2022"])).toBe(1);
    expect(existsSync(output)).toBe(false);
    expect(errors.join("\n")).toMatch(/tableau CPTS, colonne « stade », ligne 2 : stade inconnu « 7 »/);
    expect(errors.join("\n")).toMatch(/tableau Communes : tableau introuvable/);
    vi.restoreAllMocks();
  });
});

describe("a time of day typed for an amplitude (offline)", () => {
  it("is read as the task pane reads it, a fraction of a day, and refused with how to type the hours", async () => {
    // 12:00 typed in the cell: ExcelJS gives 30/12/1899 12:00 (Excel's day 0), Office.js the number 0,5; read as
    // 0,5 h, the opening-hours prerequisite failed and the MSP was paid nothing
    const input = join(dir, "heure.xlsx");
    const wb = new ExcelJS.Workbook();
    const msp = wb.addWorksheet("MSP");
    // seed 002's contract and historical prerequisites (PREREQUISITE_FIELDS), the amplitude typed as a time
    msp.addRows([
      ["id", "nom", "departement", "aci", "annee", ...PREREQUISITE_FIELDS],
      ["M1", "MSP 1", "33", 1, 2020, 2017, 4_000, 13, new Date(Date.UTC(1899, 11, 30, 12)), 1, 1, 1, 1],
    ]);
    msp.getCell("I2").numFmt = "hh:mm";
    await wb.xlsx.writeFile(input);
    await expectSameReading(input);
    vi.spyOn(console, "log").mockImplementation(() => {});
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    expect(await runRegional([input, join(dir, "heure-sortie.xlsx"), "--annee", "2020"])).toBe(1);
    expect(errors.join("\n")).toMatch(
      /tableau MSP, colonne « amplitude_h », ligne 2 : 0,5 : une heure au format horaire \(12:00\) \? saisir le nombre d'heures par jour \(ex\. 12\)/,
    );
    vi.restoreAllMocks();
  });
});

describe("nothing a cell contains is run (offline)", () => {
  it("refuses formula-like text where a département code is expected", async () => {
    const input = join(dir, "formule.xlsx");
    const wb = new ExcelJS.Workbook();
    const communes = wb.addWorksheet("Communes");
    communes.addRows([
      ["code_commune", "departement", "population", "cpts"],
      ["33001", "=1+1", 1_000, ""],
    ]);
    const cpts = wb.addWorksheet("CPTS");
    cpts.addRows([
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      ["A", "CPTS A", "33", "3", 1, "", 1, 1],
    ]);
    wb.addWorksheet("MSP").addRows([
      ["id", "nom", "departement", "aci", "annee"],
      ["M1", "=2+2", "33", 1, 2022],
    ]);
    wb.addWorksheet("Contrats AM").addRows([
      ["id", "cpam", "date_signature", "etp", "regime", "bande"],
      ["C1", "33", "15/10/2021", 0.5, "liberal", ""],
    ]);
    await wb.xlsx.writeFile(input);
    vi.spyOn(console, "log").mockImplementation(() => {});
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    const output = join(dir, "formule-sortie.xlsx");
    // a formula-like département is not a département: refused by name and row, nothing written
    expect(await runRegional([input, output, "--annee", "2022"])).toBe(1);
    expect(errors.join("\n")).toContain("tableau Communes, colonne « departement », ligne 2 : département inconnu « =1+1 »");
    expect(existsSync(output)).toBe(false);
    vi.restoreAllMocks();
  });
});
