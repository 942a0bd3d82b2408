/**
 * Workbooks built the way analysts build them, on both hosts: a clean workbook (two départements, a signed CPTS and a
 * project, MSP paid in 2021 and 2022, two AM contracts), written as an .xlsx with ExcelJS for the offline job or
 * loaded into the fake Excel host for the task pane, and each run's written sheets.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expectSameReading } from "../support/readers";
import { vi } from "vitest";
import { runRegional } from "../../scripts/regional";
import { SHEET_KINDS, SHEET_NAMES } from "../../src/core/regional";
import { generateSheets } from "../../src/taskpane/generate";
import { FakeExcel } from "../support/fake-excel";
import { PREREQUISITE_FIELDS } from "../support/msp-fields";

export type Cell = string | number;
export interface Source {
  sheet: string;
  /** Excel table name; a plain range of the sheet when absent. */
  table?: string;
  header: string[];
  rows: Cell[][];
  /** Title rows above the header (a plain range), or rows above the table. */
  above?: Cell[][];
  /** 0-based row of the header (title rows fill the rows above). */
  at?: number;
  /** An Excel totals row under the table's data. */
  totals?: boolean;
}
export type Workbook = Record<"communes" | "cpts" | "msp" | "am", Source>;

export const COMMUNES = ["code_commune", "departement", "population", "cpts"];
export const CPTS = ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas", "atteinte_parcours"];
/** The MSP table: who, then seed 002's contract and three historical prerequisites. */
export const MSP = ["id", "nom", "departement", "aci", "annee", ...PREREQUISITE_FIELDS];
export const AM = ["id", "cpam", "date_signature", "etp", "regime", "bande"];

/** Two départements (Gironde, Dordogne), a signed CPTS and a project, MSP paid in 2021 and 2022, two AM contracts. */
export function clean(): Workbook {
  return {
    communes: {
      sheet: "Communes",
      table: "Communes",
      header: COMMUNES,
      rows: [
        ["33063", "33", 250_000, "CPTS-33-001"],
        ["33281", "33", 50_000, ""],
        ["24322", "24", 40_000, "CPTS-24-001"],
        ["24037", "24", 20_000, ""],
      ],
    },
    cpts: {
      sheet: "CPTS",
      table: "CPTS",
      header: CPTS,
      rows: [
        ["CPTS-33-001", "CPTS Bordeaux", "33", "5", 250_000, "15/03/2021", 120, 1, 0.7],
        ["CPTS-24-001", "CPTS Périgueux", "24", "3", 40_000, "", 20, 1, ""],
      ],
    },
    msp: {
      sheet: "MSP",
      table: "MSP",
      header: MSP,
      rows: [
        ["M1", "MSP 1", "33", 1, 2021, 2019, 4_000, 13, 12, 1, 1, 1, 1],
        ["M1", "MSP 1", "33", 1, 2022, 2019, 4_400, 13, 12, 1, 1, 1, 1],
        ["M2", "MSP 2", "24", 1, 2022, 2019, 3_000, 9, 11, 0, 1, 1, 1],
      ],
    },
    am: {
      sheet: "Liste AM",
      table: "Contrats_AM",
      header: AM,
      rows: [
        ["C1", "33", "15/10/2021", 0.5, "liberal", "P50-P70"],
        ["C2", "24", "01/02/2022", 1, "liberal", "P70-P90"],
      ],
    },
  };
}

// ---------------------------------------------------------------- the two hosts

export function fakeWorkbook(w: Workbook): FakeExcel {
  const excel = new FakeExcel();
  for (const s of Object.values(w)) {
    const totals = s.totals ? ["Total", ...s.header.slice(1).map((_, i) => (i === 1 ? 999_999 : ""))] : undefined;
    if (s.table) excel.addTable(s.sheet, s.table, s.header, s.rows, { at: s.at, above: s.above, totals });
    else excel.addSheet(s.sheet, [...(s.above ?? []), ...Array.from({ length: (s.at ?? 0) - (s.above?.length ?? 0) }, () => []), s.header, ...s.rows]);
  }
  return excel;
}

export const dir = mkdtempSync(join(tmpdir(), "analyst-"));
let files = 0;

export async function xlsxWorkbook(w: Workbook, extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of Object.values(w)) {
    const ws = wb.addWorksheet(s.sheet);
    (s.above ?? []).forEach((row, i) => (ws.getRow(i + 1).values = row));
    const at = s.at ?? 0;
    if (s.table) {
      ws.addTable({
        name: s.table,
        ref: `A${at + 1}`,
        headerRow: true,
        totalsRow: !!s.totals,
        columns: s.header.map((name, i) =>
          s.totals ? { name, totalsRowLabel: i === 0 ? "Total" : undefined, totalsRowFunction: i === 2 ? "sum" : "none" } : { name },
        ),
        rows: s.rows,
      });
    } else [s.header, ...s.rows].forEach((row, i) => (ws.getRow(at + i + 1).values = row));
  }
  extra?.(wb);
  const path = join(dir, `entree-${++files}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

export interface Run {
  code: number;
  errors: string[];
  logs: string[];
  /** Sheet name → values, as written. */
  sheets: Map<string, Cell[][]>;
  output: string;
}

export async function runOffline(input: string, args: string[] = ["--annee", "2022"]): Promise<Run> {
  const errors: string[] = [];
  const logs: string[] = [];
  vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
  vi.spyOn(console, "warn").mockImplementation((m: string) => void logs.push(m));
  vi.spyOn(console, "log").mockImplementation((m: string) => void logs.push(m));
  const output = join(dir, `sortie-${++files}.xlsx`);
  // every workbook the job is tested on is also read by ExcelJS (the reference): both readings must be equal
  await expectSameReading(input);
  const code = await runRegional([input, output, ...args]);
  const sheets = new Map<string, Cell[][]>();
  if (existsSync(output)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    wb.eachSheet((ws) => {
      const rows: Cell[][] = [];
      // a merged note's other cells read empty, as Excel shows them (ExcelJS repeats the first cell's value in them)
      ws.eachRow({ includeEmpty: true }, (row) =>
        rows.push(
          (row.values as Cell[]).slice(1).map((v, c) => {
            const cell = row.getCell(c + 1);
            return cell.isMerged && cell.master.address !== cell.address ? "" : (v ?? "");
          }),
        ),
      );
      sheets.set(ws.name, rows);
    });
  }
  return { code, errors, logs, sheets, output };
}

/** The figures of a sheet: every row but the « Sources » note (it names where each table was read). */
export const figures = (rows: Cell[][] | undefined) =>
  (rows ?? [])
    .filter((r) => !String(r[0]).startsWith("Sources"))
    .map((r) =>
      r
        .map((v) => (v === null ? "" : v))
        .join("|")
        .replace(/\|+$/, ""),
    );

export async function runPane(w: Workbook, annee: number | "auto" = 2022) {
  const excel = fakeWorkbook(w);
  const before = JSON.stringify(excel.worksheets.list.map((s) => [s.name, [...s.cells.entries()]]));
  const outcome = await generateSheets(excel.run, {
    kinds: SHEET_KINDS,
    annee: annee === "auto" ? undefined : annee,
    choice: {},
    options: { suspendScreenUpdating: true },
  });
  const sheet = (name: string) => excel.sheet(name)?.grid() as Cell[][] | undefined;
  const untouched = () => JSON.stringify(excel.worksheets.list.map((s) => [s.name, [...s.cells.entries()]])) === before;
  return { outcome, sheet, untouched, excel };
}

export const OUTPUT_SHEETS = SHEET_KINDS.map((k) => SHEET_NAMES[k]);
