/**
 * Malformed workbooks (issue 5): each case gets a French message naming the
 * table, the column and the row, and nothing the analyst owns changes — on
 * the task pane's writer (fake Excel host) and on the offline job (.xlsx).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runRegional } from "../../scripts/regional";
import { expectSameReading } from "../support/readers";
import { SHEET_KINDS } from "../../src/core/regional";
import { generateSheets } from "../../src/taskpane/generate";
import { FakeExcel, FakeTable } from "../support/fake-excel";

type Rows = (string | number)[][];
interface Source {
  sheet: string;
  table?: string;
  header: string[];
  rows: Rows;
}

const COMMUNES = ["code_commune", "departement", "population", "cpts"];
const CPTS = ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"];
const MSP = ["id", "nom", "departement", "aci", "annee", "patientele", "nb_ps", "coordination", "si_standard", "snp", "amplitude_h", "samedi_matin"];
const AM = ["id", "cpam", "date_signature", "etp", "regime", "bande", "date_fin"];

/** A valid workbook; each case breaks one thing. */
function valid(): Record<string, Source> {
  return {
    communes: {
      sheet: "Communes",
      table: "Communes",
      header: COMMUNES,
      rows: [
        ["33001", "33", 12_000, "A"],
        ["33002", "33", 8_000, ""],
      ],
    },
    cpts: { sheet: "CPTS", table: "CPTS", header: CPTS, rows: [["A", "CPTS A", "33", "5", 12_000, "15/03/2021", 40, 1]] },
    msp: { sheet: "MSP", table: "MSP", header: MSP, rows: [["M1", "MSP 1", "33", 1, 2022, 4_000, 13, 1, 1, 1, 12, 1]] },
    am: { sheet: "Liste AM", table: "Contrats_AM", header: AM, rows: [["C1", "33", "15/10/2021", 0.5, "liberal", "P50-P70", ""]] },
  };
}

interface Case {
  name: string;
  change: (w: Record<string, Source>) => void;
  expected: RegExp;
  /** Cases that only exist in Excel (a sheet name clash, Excel's read limit). */
  officeOnly?: boolean;
}

const CASES: Case[] = [
  { name: "missing table", change: (w) => delete (w as Partial<typeof w>).communes, expected: /^tableau Communes : tableau introuvable/ },
  {
    name: "missing column",
    change: (w) => ((w.cpts.header = CPTS.filter((c) => c !== "stade")), (w.cpts.rows = [["A", "CPTS A", "33", 12_000, "15/03/2021", 40, 1]])),
    expected: /^tableau CPTS, colonne « stade » : colonne obligatoire absente$/,
  },
  {
    name: "duplicated column",
    change: (w) => ((w.communes.header = [...COMMUNES, "Population"]), w.communes.rows.forEach((r) => r.push(1))),
    expected: /^tableau Communes, colonne « Population », ligne 1 : colonne présente deux fois$/,
  },
  {
    name: "text in a number column",
    change: (w) => (w.communes.rows[1][2] = "huit mille"),
    expected: /^tableau Communes, colonne « population », ligne 3 : nombre attendu, reçu « huit mille »$/,
  },
  {
    name: "negative population",
    change: (w) => (w.cpts.rows[0][4] = -5),
    expected: /^tableau CPTS, colonne « population », ligne 2 : valeur positive ou nulle attendue/,
  },
  { name: "empty table", change: (w) => (w.msp.rows = []), expected: /^tableau MSP : le tableau ne contient aucune ligne de données$/ },
  {
    name: "duplicated ids",
    change: (w) => w.cpts.rows.push(["A", "Autre", "33", "3", 5_000, "", 5, 1]),
    expected: /^tableau CPTS, colonne « id », ligne 3 : identifiant « A » déjà utilisé ligne 2$/,
  },
  { name: "unknown stage", change: (w) => (w.cpts.rows[0][3] = "6"), expected: /^tableau CPTS, colonne « stade », ligne 2 : stade inconnu « 6 »/ },
  {
    name: "unknown CPAM",
    change: (w) => (w.am.rows[0][1] = "Paris Nord"),
    expected: /^tableau Contrats AM, colonne « cpam », ligne 2 : code CPAM inconnu « Paris Nord »/,
  },
  {
    name: "date as free text",
    change: (w) => (w.am.rows[0][2] = "mars 2021"),
    expected: /^tableau Contrats AM, colonne « date_signature », ligne 2 : date attendue .* reçu « mars 2021 »/,
  },
  {
    // the task pane reads an empty cell as "": said as empty, not as « reçu «  » »
    name: "an empty population",
    change: (w) => (w.cpts.rows[0][4] = ""),
    expected: /^tableau CPTS, colonne « population », ligne 2 : valeur obligatoire manquante$/,
  },
  {
    name: "a year for a date",
    change: (w) => (w.cpts.rows[0][5] = 2021),
    expected:
      /^tableau CPTS, colonne « date_signature », ligne 2 : 2021 : une année seule \? Excel la lit comme le 13\/07\/1905 ; saisir la date complète \(ex\. 01\/01\/2021\)$/,
  },
  {
    name: "impossible date",
    change: (w) => (w.cpts.rows[0][5] = "31/02/2021"),
    expected: /^tableau CPTS, colonne « date_signature », ligne 2 : date attendue/,
  },
  {
    name: "end before signature",
    change: (w) => (w.am.rows[0][6] = "01/01/2020"),
    expected: /^tableau Contrats AM, colonne « date_fin », ligne 2 : date de fin antérieure/,
  },
  {
    name: "unknown regime",
    change: (w) => (w.am.rows[0][4] = "hôpital"),
    expected: /^tableau Contrats AM, colonne « regime », ligne 2 : régime inconnu « hôpital »/,
  },
  {
    name: "MSP level out of range",
    change: (w) => ((w.msp.header = [...MSP, "diversite"]), w.msp.rows[0].push(7)),
    expected: /^tableau MSP, colonne « diversite », ligne 2 : niveau entier de 0 à 2/,
  },
  {
    name: "MSP rate without the national rate",
    change: (w) => ((w.msp.header = [...MSP, "taux_css"]), w.msp.rows[0].push(0.12)),
    expected: /^tableau MSP, colonne « taux_css_national », ligne 2 : champ non renseigné \(ou 0\) alors que taux_css renseigné/,
  },
  {
    // 2022 is an avenant 1 year: its crisis plan is optional, so the row is computed (the MSP fixture has no crise_plan)
    name: "MSP files reviewed and patients in ALD or over 75 swapped",
    change: (w) => ((w.msp.header = [...MSP, "reunions", "dossiers", "patients_ald75"]), w.msp.rows[0].push(6, 1_000, 40)),
    expected:
      /^tableau MSP, colonne « dossiers », ligne 2 : 1\u202f000 dossiers revus pour 40 patients en ALD ou de plus de 75 ans : ce sont des dossiers de ces patients/,
  },
  {
    name: "MSP files reviewed without their base",
    change: (w) => ((w.msp.header = [...MSP, "reunions", "dossiers"]), w.msp.rows[0].push(6, 40)),
    expected: /^tableau MSP, colonne « patients_ald75 », ligne 2 : champ non renseigné \(ou 0\) alors que dossiers > 0 : /,
  },
  {
    name: "conventionnée without signature date",
    change: (w) => (w.cpts.rows[0][5] = ""),
    expected: /^tableau CPTS, colonne « date_signature », ligne 2 : date de signature obligatoire/,
  },
  {
    name: "merged header cells (the merge leaves the second header empty)",
    change: (w) => (w.communes.header = ["code_commune", "departement", "population", ""]),
    expected: /^tableau Communes, colonne « cpts » : colonne obligatoire absente$/,
  },
  {
    name: "a user sheet already named like an output sheet",
    change: (w) => (w.am.sheet = "Contrats AM"),
    expected: /la feuille « Contrats AM » existe déjà et n'a pas été créée par le complément/,
    officeOnly: true,
  },
];

function fakeWorkbook(sources: Record<string, Source>): FakeExcel {
  const excel = new FakeExcel();
  for (const s of Object.values(sources)) excel.addTable(s.sheet, s.table!, s.header, s.rows);
  excel.addSheet("Notes", [["mes calculs", 1]]);
  return excel;
}

const cellsOf = (excel: FakeExcel) => JSON.stringify(excel.worksheets.list.map((s) => [s.name, [...s.cells.entries()]]));

describe("malformed workbooks in the task pane (fake Excel host)", () => {
  it("accepts the valid workbook the cases start from", async () => {
    const excel = fakeWorkbook(valid());
    const outcome = await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: { suspendScreenUpdating: true } });
    expect(outcome.problems).toEqual([]);
    expect(outcome.written.length).toBe(6); // the five sheets and « Contrôles »
  });

  it.each(CASES)("$name", async ({ change, expected }) => {
    const sources = valid();
    change(sources);
    const excel = fakeWorkbook(sources);
    const before = cellsOf(excel);
    const outcome = await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: { suspendScreenUpdating: true } });
    expect(outcome.written).toEqual([]);
    expect(
      outcome.problems.some((p) => expected.test(p)),
      outcome.problems.join("\n"),
    ).toBe(true);
    expect(cellsOf(excel)).toBe(before);
  });

  it("huge table: refused before Excel's 5 000 000-cell read limit, nothing written", async () => {
    const excel = fakeWorkbook(valid());
    const sheet = excel.addSheet("Grande base");
    const tables = excel.tables as unknown as { list: FakeTable[] };
    tables.list = tables.list.filter((t) => t.name !== "Communes");
    tables.list.push(new FakeTable("Communes", sheet, 0, 0, 1_000_001, 6, (excel.tables as unknown as { tracker: never }).tracker));
    const before = cellsOf(excel);
    const outcome = await generateSheets(excel.run, { kinds: ["couverture"], annee: 2022, choice: {}, options: { suspendScreenUpdating: true } });
    expect(outcome.problems).toEqual(["tableau Communes : « Communes » compte 6000006 cellules, plus que les 5000000 qu'Excel lit en une fois"]);
    expect(cellsOf(excel)).toBe(before);
  });
});

describe("malformed workbooks in the offline job (.xlsx)", () => {
  const dir = mkdtempSync(join(tmpdir(), "malformed-"));
  afterEach(() => vi.restoreAllMocks());

  async function writeXlsx(path: string, sources: Record<string, Source>, mergeHeader = false) {
    const wb = new ExcelJS.Workbook();
    for (const s of Object.values(sources)) {
      const ws = wb.addWorksheet(s.sheet);
      ws.addTable({
        name: s.table!,
        ref: "A1",
        headerRow: true,
        columns: s.header.map((name, i) => ({ name: name || `Colonne${i + 1}` })),
        rows: s.rows.length ? s.rows : [s.header.map(() => "")],
      });
      if (mergeHeader) ws.mergeCells("C1:D1");
    }
    await wb.xlsx.writeFile(path);
  }

  it.each(CASES.filter((c) => !c.officeOnly && c.name !== "empty table"))("$name", async ({ name, change, expected }) => {
    const sources = valid();
    change(sources);
    const input = join(dir, `${name.replace(/\W+/g, "_")}.xlsx`);
    await writeXlsx(input, sources);
    await expectSameReading(input);
    const hash = createHash("sha256").update(readFileSync(input)).digest("hex");
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    vi.spyOn(console, "log").mockImplementation(() => {});
    const output = join(dir, `${name.replace(/\W+/g, "_")}-sortie.xlsx`);
    expect(await runRegional([input, output, "--annee", "2022"])).toBe(1);
    expect(
      errors.some((e) => expected.test(e.replace(/^- /, ""))),
      errors.join("\n"),
    ).toBe(true);
    expect(existsSync(output)).toBe(false);
    expect(createHash("sha256").update(readFileSync(input)).digest("hex")).toBe(hash);
  });

  it("merged header cells in a real .xlsx: the merged title repeats, and the column is named", async () => {
    const input = join(dir, "fusion.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("CPTS");
    ws.addRows([
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      ["A", "CPTS A", "33", "5", 12_000, "15/03/2021", 40, 1],
    ]);
    ws.mergeCells("D1:E1");
    await wb.xlsx.writeFile(input);
    await expectSameReading(input);
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    expect(await runRegional([input, join(dir, "fusion-sortie.xlsx"), "--annee", "2022"])).toBe(1);
    expect(errors.join("\n")).toMatch(/tableau CPTS, colonne « (stade|population) »/);
  });
});
