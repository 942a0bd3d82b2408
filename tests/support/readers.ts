/**
 * The offline job's workbook reader (src/offline/xlsx-zip.ts, a speed module) against ExcelJS's \`readFile\` (the
 * reference): the same sheets, tables, merged ranges and cells, and the same source tables read through each.
 */
import { expect } from "vitest";
import { loadFromZip, loadWithExcelJS, readSourceTables } from "../../src/offline/xlsx";
import type { LoadedWorkbook } from "../../src/offline/xlsx-zip";

/**
 * Both readings of `path`, and the source tables read through each, equal; a file ExcelJS cannot read (a CSV, an empty
 * or truncated file, a folder) is refused by the job's reader too.
 */
export async function expectSameReading(path: string): Promise<void> {
  let reference: LoadedWorkbook;
  try {
    reference = await loadWithExcelJS(path);
  } catch {
    await expect(loadFromZip(path), path).rejects.toThrow();
    return;
  }
  const fast = await loadFromZip(path);
  expect(fast.date1904).toBe(reference.date1904);
  expect(fast.sheets.map((s) => s.name)).toEqual(reference.sheets.map((s) => s.name));
  reference.sheets.forEach((sheet, i) => {
    const other = fast.sheets[i];
    expect(other.tables, sheet.name).toEqual(sheet.tables);
    expect(other.merges, sheet.name).toEqual(sheet.merges);
    const rows = (s: typeof sheet) => [...s.rows].sort((a, b) => a[0] - b[0]);
    expect(rows(other), sheet.name).toEqual(rows(sheet));
  });
  expect(await readSourceTables(path)).toEqual(await readSourceTables(path, loadWithExcelJS));
}
