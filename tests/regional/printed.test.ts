/**
 * The regional workbook as it prints (issue 22): the sample region's output, written by the offline job, is printed
 * to PDF by LibreOffice Calc and every word read back with its box (pdftotext -bbox). Each sheet prints landscape,
 * one page wide (every table's first and last column on the same page), its title and « Situation au … » in the page
 * header, its title rows repeated on each page; long notes and the Contrôles details wrap instead of widening the
 * page. The pages are saved as PNG images in tests/artifacts/feuilles/ to be looked at. Needs soffice with Calc,
 * pdftotext and pdftoppm (scripts/test-deps.mjs).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runRegional } from "../../scripts/regional";
import { buildRegionalSheets, layoutSheet, type SheetModel } from "../../src/core/regional";
import { readSourceTables } from "../../src/offline/xlsx";
import { renderedPages, type Page } from "../support/pdf-pages";

const SAMPLE = resolve(__dirname, "../../examples/region-exemple.xlsx");
const ARTIFACTS = resolve(__dirname, "../artifacts/feuilles");

/** The words of a line of the page (those whose top is within 2 pt of `y`), left to right, as one text. */
const lineAt = (p: Page, y: number) =>
  p.words
    .filter((w) => Math.abs(w.yMin - y) < 2)
    .sort((a, b) => a.xMin - b.xMin)
    .map((w) => w.text)
    .join(" ");

/** Whether the page holds the words of `text` in a row, on one line. */
function hasLine(p: Page, text: string): boolean {
  const [first] = text.split(" ");
  return p.words.some((w) => w.text === first && lineAt(p, w.yMin).includes(text));
}

describe("the sample region's workbook printed by LibreOffice Calc", () => {
  const dir = mkdtempSync(join(tmpdir(), "sheets-print-"));
  const workbook = join(dir, "sortie.xlsx");
  let pages: Page[];
  let models: SheetModel[];
  /** The pages of each sheet, by its title in the page header. */
  const pagesOfSheet = (m: SheetModel) => pages.filter((p) => lineAt(p, Math.min(...p.words.map((w) => w.yMin))).startsWith(m.title));
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await runRegional([SAMPLE, workbook, "--annee", "2022"])).toBe(0);
    models = buildRegionalSheets({ tables: await readSourceTables(SAMPLE), annee: 2022 }).sheets;
    pages = renderedPages(workbook, dir, ARTIFACTS, "page", 60);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints every page landscape, with the sheet's title and « Situation au 31/12/2022 » in its header", () => {
    expect(pages.length).toBeGreaterThanOrEqual(models.length);
    for (const p of pages) {
      expect(p.width).toBeGreaterThan(p.height);
      const top = lineAt(p, Math.min(...p.words.map((w) => w.yMin)));
      expect(top).toMatch(/Situation au 31\/12\/2022$/);
    }
    // every page belongs to one of the sheets, and every sheet has its pages
    for (const m of models) expect(pagesOfSheet(m).length, m.name).toBeGreaterThan(0);
    expect(models.reduce((n, m) => n + pagesOfSheet(m).length, 0)).toBe(pages.length);
  });

  it("prints each sheet one page wide: every table's header on one line of one page", () => {
    let tables = 0;
    for (const m of models)
      for (const t of m.tables) {
        // the header's labels, in order, on one line (a page cut between columns would split them)
        const labels = t.header.join(" ");
        expect(
          pagesOfSheet(m).some((p) => hasLine(p, labels)),
          `${m.name} : « ${labels} »`,
        ).toBe(true);
        tables++;
      }
    expect(tables).toBeGreaterThan(15);
  });

  it("repeats the title rows, down to the first table's header, on every page of a long sheet", () => {
    const long = models.filter((m) => pagesOfSheet(m).length > 1);
    expect(long.length).toBeGreaterThan(0);
    for (const m of long) {
      const first = m.tables[0].header.join(" ");
      for (const p of pagesOfSheet(m)) expect(hasLine(p, first), `${m.name}`).toBe(true);
    }
  });

  it("wraps the long notes and the Contrôles details within the page, nothing drawn past its edge", () => {
    for (const p of pages) for (const w of p.words) expect(w.xMax, `« ${w.text} »`).toBeLessThanOrEqual(p.width);
    // the sample's longest texts are wrapped in the sheet model: the CPAM list of Contrats AM, Contrôles' first detail
    const controls = models.find((m) => m.kind === "controles")!;
    expect(layoutSheet(controls).wrapped.length).toBeGreaterThan(0);
    // printed at a readable size: the Contrôles detail at least 7 pt high (a page scaled down to fit is not)
    const detail = pagesOfSheet(controls)[0].words.find((w) => w.text === "Avertissement")!;
    expect(detail.yMax - detail.yMin).toBeGreaterThan(7);
  });
});
