/**
 * Issue 23: the offline job reads workbooks with its own zip and XML reader (src/offline/xlsx-zip.ts, a speed module).
 * It must read every workbook exactly as ExcelJS's `readFile` (the reference, `loadWithExcelJS`) does: each cell's
 * value, the formulas without a saved result, merged ranges, tables with their totals rows, the 1904 date system.
 * Every case here is loaded both ways and compared cell by cell, then as the source tables the job reads.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildRegionalSheets, layoutSheet } from "../../src/core/regional";
import { loadFromZip, loadWithExcelJS, readSourceTables, type Loader } from "../../src/offline/xlsx";
import { writeNational } from "../../scripts/bench-offline";
import { clean, xlsxWorkbook } from "../regional/workbooks";
import { expectSameReading } from "../support/readers";

const dir = mkdtempSync(join(tmpdir(), "gdr-lecteur-"));
let files = 0;

async function save(wb: ExcelJS.Workbook): Promise<string> {
  const path = join(dir, `classeur-${++files}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

/** `path` with the XML of one of its parts changed by `edit` (what Excel or another program writes, not ExcelJS). */
async function edited(path: string, part: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  zip.file(part, edit(await zip.file(part)!.async("string")));
  const out = join(dir, `modifie-${++files}.xlsx`);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return out;
}

/** One sheet of every kind of value ExcelJS writes, in a table with a totals row, and a merged range. */
function everyValue(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Valeurs & <types>");
  ws.addTable({
    name: "Communes",
    ref: "B3",
    headerRow: true,
    totalsRow: true,
    columns: [{ name: "code_commune", totalsRowLabel: "Total" }, { name: "departement" }, { name: "population", totalsRowFunction: "sum" }, { name: "cpts" }],
    rows: [
      ["33063", "33", 261_804, "CPTS-33-001"],
      [33_281, "Gironde", 71_000.5, " cpts « Médoc » & <Sud> \"x\" 'y' "],
      ["2A004", "2A", -1, true],
      ["97411", "974", { formula: "1+1", result: 2 } as never, false],
      ["24322", "24", { formula: 'IFERROR(1/0,"")', result: "" } as never, { error: "#N/A" } as never],
      ["24037", "24", { formula: "C9*2" } as never, { richText: [{ text: "CPTS " }, { font: { bold: true }, text: "Périgord" }] } as never],
      ["33000", "33", { formula: "TRUE()", result: false } as never, { text: "lien", hyperlink: "https://www.ameli.fr" } as never],
    ],
  });
  ws.getCell("A1").value = "Données 2022 — ne pas diffuser";
  ws.getCell("H2").value = new Date(Date.UTC(2022, 8, 3));
  ws.getCell("H3").value = new Date(Date.UTC(1899, 11, 30, 12, 0));
  ws.getCell("H4").value = { formula: "DATE(2023,1,1)", result: new Date(Date.UTC(2023, 0, 1)) } as never;
  ws.getCell("H4").numFmt = "dd/mm/yyyy";
  ws.getCell("H5").value = 44_927;
  ws.getCell("H5").numFmt = "[$-40C]d mmmm yyyy;@";
  ws.getCell("H6").value = 0.25;
  ws.getCell("H6").numFmt = '0.00" mois"';
  ws.getCell("I2").value = { formula: "H6*4", result: 1 } as never;
  ws.getCell("I3").value = { sharedFormula: "I2", result: 7 } as never;
  ws.getCell("B14").value = "ligne sous le tableau";
  ws.getCell("F5").value = "à côté";
  ws.getCell("K2").value = "fusion";
  ws.mergeCells("K2:L3");
  ws.getCell("K5").value = { formula: "NOW()" } as never;
  ws.mergeCells("K5:K6");
  ws.getCell("XFD200").numFmt = "0.00";
  const plain = wb.addWorksheet("MSP");
  plain.getRow(1).values = ["Extraction du 05/01/2023"];
  plain.getRow(3).values = ["id_msp", "annee", "departement"];
  plain.getRow(4).values = ["MSP-001", 2022, "33"];
  plain.getRow(6).values = ["MSP-002", 2023, "24"];
  wb.addWorksheet("Vide");
  return wb;
}

describe("the job's workbook reader reads as ExcelJS readFile does", () => {
  it("the sample region (examples/region-exemple.xlsx)", async () => {
    await expectSameReading(resolve(__dirname, "../../examples/region-exemple.xlsx"));
  });

  it("the clean analyst workbook and its tables under a title, with totals rows", async () => {
    await expectSameReading(await xlsxWorkbook(clean()));
    const w = clean();
    Object.values(w).forEach((s) => ((s.totals = true), (s.at = 3), (s.above = [["Données 2022"]])));
    await expectSameReading(await xlsxWorkbook(w));
  });

  it("every kind of value: text, numbers, booleans, errors, formulas with and without a result, dates, times, merges", async () => {
    const path = await save(everyValue());
    await expectSameReading(path);
    // what this case must hold, so that it keeps testing something: dates read as ISO text, a time as a fraction
    const fast = await loadFromZip(path);
    const sheet = fast.sheets[0];
    expect(sheet.rows.get(2)![8].value).toBe("2022-09-03");
    expect(sheet.rows.get(3)![8].value).toBe(0.5);
    expect(sheet.rows.get(5)![8].value).toBe("2023-01-01");
    expect(sheet.rows.get(9)![4]).toEqual({ value: null, withoutResult: true });
    expect(sheet.rows.get(3)![12].value).toBe("fusion");
    expect(sheet.tables).toEqual([{ name: "Communes", ref: "B3:E11", totalsRow: true }]);
  });

  it("the 1904 date system", async () => {
    const wb = everyValue();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const path = await save(wb);
    await expectSameReading(path);
    expect((await loadFromZip(path)).date1904).toBe(true);
  });

  it("what Excel writes and ExcelJS does not: inline strings, escapes, phonetic runs, an empty formula text result", async () => {
    let path = await save(everyValue());
    path = await edited(path, "xl/worksheets/sheet2.xml", (xml) =>
      xml
        .replace(/<c r="A4"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="A4" t="inlineStr"><is><t xml:space="preserve"> MSP-001 &amp; co </t></is></c>')
        .replace(/<c r="C6"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="C6" t="inlineStr"><is><r><t>2</t></r><r><rPr><b/></rPr><t>4_x0041_</t></r></is></c>')
        .replace(/<c r="C4"[^>]*?(\/>|>[\s\S]*?<\/c>)/, "<c r='C4' t='str'><f>\"3\"&amp;\"3\"</f><v></v></c>"),
    );
    path = await edited(path, "xl/sharedStrings.xml", (xml) =>
      xml.replace("<si><t>id_msp</t></si>", '<si><t>id_msp_x000D_</t><rPh sb="0" eb="1"><t>ID</t></rPh></si>'),
    );
    await expectSameReading(path);
    const rows = (await loadFromZip(path)).sheets[1].rows;
    expect(rows.get(4)![1].value).toBe(" MSP-001 & co ");
    expect(rows.get(4)![3]).toEqual({ value: "", withoutResult: false });
  });

  it("the national workbook of the bench: the same source tables, and the same five sheets and « Contrôles », cell by cell", async () => {
    const path = join(dir, "national.xlsx");
    await writeNational(path);
    await expectSameReading(path);
    const sheets = async (load?: Loader) => buildRegionalSheets({ tables: await readSourceTables(path, load), annee: 2023 });
    const fast = await sheets();
    const reference = await sheets(loadWithExcelJS);
    expect(fast.problems).toEqual([]);
    expect(fast.sheets.map((m) => m.name)).toEqual(reference.sheets.map((m) => m.name));
    fast.sheets.forEach((model, i) => expect(layoutSheet(model).values, model.name).toEqual(layoutSheet(reference.sheets[i]).values));
    // the national input holds 35 000 communes: a sheet that read nothing would compare equal too
    expect(fast.sheets[0].name).toBeTruthy();
    expect(layoutSheet(fast.sheets[0]).values.length).toBeGreaterThan(100);
  }, 60_000);
});
