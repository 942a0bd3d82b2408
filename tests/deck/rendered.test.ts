/**
 * The commission deck as a person sees it (issue 22): the sample region's deck is opened by LibreOffice Impress,
 * exported to PDF, and every word it drew is read back with its box (pdftotext -bbox). Nothing may be drawn outside
 * its slide, no two words may overlap (a table running into the footer, a label on a label), no figure may wrap
 * (« 10 323 800 » on one line and « € » on the next), every slide but the first has its title. The pages are saved
 * as PNG images in tests/artifacts/deck/ to be looked at. Needs soffice, pdftotext, pdftoppm and Liberation Sans
 * (scripts/test-deps.mjs: npm test installs them as root).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeSample } from "../../scripts/make-sample";
import { runRegional } from "../../scripts/regional";
import { renderedPages, type Page, type Word } from "../support/pdf-pages";

const SAMPLE = resolve(__dirname, "../../examples/region-exemple.xlsx");
const ARTIFACTS = resolve(__dirname, "../artifacts");

/**
 * The sample region's workbook, and one generated here for Île-de-France: its small départements (Paris and the
 * petite couronne) cannot hold their labels, which go beside the map.
 */
const WORKBOOKS: { name: string; artifacts: string; workbook: (dir: string) => Promise<string>; sample: boolean }[] = [
  { name: "the sample region's deck", artifacts: "deck", workbook: async () => SAMPLE, sample: true },
  {
    name: "a deck from a generated Île-de-France workbook",
    artifacts: "deck-ile-de-france",
    workbook: async (dir) => {
      const path = join(dir, "ile-de-france.xlsx");
      await writeSample(path, "11");
      return path;
    },
    sample: false,
  },
];

/** Share of the smaller box that two word boxes have in common. */
function overlap(a: Word, b: Word): number {
  const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  if (w <= 0 || h <= 0) return 0;
  const area = (x: Word) => (x.xMax - x.xMin) * (x.yMax - x.yMin);
  return (w * h) / Math.min(area(a), area(b));
}

describe.each(WORKBOOKS)("$name rendered by LibreOffice Impress", ({ artifacts, workbook, sample }) => {
  const dir = mkdtempSync(join(tmpdir(), "deck-render-"));
  const out = join(ARTIFACTS, artifacts);
  const deck = join(dir, "commission.pptx");
  let pages: Page[];
  let slideCount: number;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await runRegional([await workbook(dir), deck, "--annee", "2022"])).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(deck));
    slideCount = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
    pages = renderedPages(deck, dir, out, "diapositive", 50);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has one page per slide, every one 16:9 and holding text", () => {
    expect(pages.length).toBe(slideCount);
    for (const p of pages) {
      expect(p.width / p.height).toBeCloseTo(16 / 9, 2);
      expect(p.words.length).toBeGreaterThan(3);
    }
  });

  it("draws nothing outside the slide", () => {
    pages.forEach((p, i) => {
      for (const w of p.words) {
        const inside = w.xMin >= 0 && w.yMin >= 0 && w.xMax <= p.width + 0.5 && w.yMax <= p.height + 0.5;
        expect(inside, `diapositive ${i + 1} : « ${w.text} » en (${w.xMin}, ${w.yMin})–(${w.xMax}, ${w.yMax})`).toBe(true);
      }
    });
  });

  it("never draws a word over another (a table over its footer, a label over a label)", () => {
    pages.forEach((p, i) => {
      for (let a = 0; a < p.words.length; a++)
        for (let b = a + 1; b < p.words.length; b++) {
          const share = overlap(p.words[a], p.words[b]);
          expect(share, `diapositive ${i + 1} : « ${p.words[a].text} » sur « ${p.words[b].text} »`).toBeLessThan(0.25);
        }
    });
  });

  it("keeps every figure on one line: no « € » or « % » alone on its line", () => {
    let units = 0;
    pages.forEach((p, i) => {
      for (const w of p.words.filter((x) => x.text === "€" || x.text === "%")) {
        units++;
        const sameLine = p.words.filter((x) => x !== w && Math.abs(x.yMin - w.yMin) < 2);
        const before = sameLine.find((x) => x.xMax <= w.xMin + 1 && w.xMin - x.xMax < 8);
        const after = sameLine.find((x) => x.xMin >= w.xMax - 1 && x.xMin - w.xMax < 8);
        expect(before || after, `diapositive ${i + 1} : « ${w.text} » seul sur sa ligne, séparé de son nombre`).toBeTruthy();
        if (before && !after) expect(before.text, `diapositive ${i + 1}`).toMatch(/\d$/);
      }
    });
    expect(units).toBeGreaterThan(sample ? 100 : 20);
  });

  it("titles every slide after the first at its top, continuations « (suite) »", () => {
    const topText = (p: Page) =>
      p.words
        .filter((w) => w.yMax < p.height * 0.17)
        .map((w) => w.text)
        .join(" ");
    for (const [i, p] of pages.slice(1).entries()) expect(topText(p).length, `diapositive ${i + 2}`).toBeGreaterThan(10);
    // the sample's CPTS remuneration by taille and mission is longer than a slide: its second slide says it continues
    if (sample) expect(pages.some((p) => /\(suite\)/.test(topText(p)))).toBe(true);
    expect(topText(pages[1])).toContain("Chiffres clés");
  });
});
