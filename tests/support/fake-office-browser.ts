/**
 * Browser entry of the fake host (bundled by esbuild in the browser test):
 * defines Office, Excel and CustomFunctions before the task pane's scripts run.
 */
import { FakeExcel } from "./fake-excel";

interface Seed {
  tables: { sheet: string; table: string; header: string[]; rows: (string | number)[][] }[];
  sheets: { name: string; values: (string | number)[][] }[];
}

const w = window as unknown as Record<string, unknown>;
const seed = w.__seed as Seed;
const excel = new FakeExcel();
for (const t of seed.tables) excel.addTable(t.sheet, t.table, t.header, t.rows);
for (const s of seed.sheets) excel.addSheet(s.name, s.values);
w.__excel = excel;
w.Office = {
  HostType: { Excel: "Excel" },
  // ExcelApi up to 1.12 (minor versions compared as integers: 1.9 < 1.12)
  context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split(".")[1] ?? 0) <= 12 } },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "PC" };
    setTimeout(() => callback?.(info), 0);
    return Promise.resolve(info);
  },
};
w.Excel = { run: excel.run };
class CustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}
w.CustomFunctions = { associate: () => undefined, Error: CustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!" } };
