/**
 * A choropleth of the région's départements, laid out for the deck: each département's outline (from
 * departements-geometry.ts) scaled into a box, filled by the class of its rate, with its label at the centre of its
 * largest ring. Overseas départements have no outline here: they are listed beside the map with their rate.
 * Pure geometry: the deck turns each shape into a native PowerPoint freeform.
 */
import { departementName } from "../core/regional/codes";
import type { MapSpec, SheetModel } from "../core/regional/sheet-model";
import { DEPARTEMENT_OUTLINES } from "./departements-geometry";
import { LINE_HEIGHT, slideText, textWidth } from "./layout";

export interface Point {
  x: number;
  y: number;
}

export interface MapShape {
  code: string;
  /** Bounding box of the shape on the slide, inches. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The rings, each a list of points relative to the box's top-left corner, inches. */
  rings: Point[][];
  /** Where its label goes, on the slide, inches. */
  label: Point;
  value: number;
  /** Index of its class in `MAP_CLASSES`. */
  klass: number;
}

/** Five classes of rates, from light to dark (upper bounds exclusive but for the last). */
export const MAP_CLASSES: readonly { from: number; to: number; color: string; text: string }[] = [
  { from: 0, to: 0.2, color: "DCE9F5", text: "1F1F1F" },
  { from: 0.2, to: 0.4, color: "A9CBEA", text: "1F1F1F" },
  { from: 0.4, to: 0.6, color: "6FA6D6", text: "1F1F1F" },
  { from: 0.6, to: 0.8, color: "2F74B8", text: "FFFFFF" },
  { from: 0.8, to: 1, color: "0B3F7A", text: "FFFFFF" },
];

export const classOf = (rate: number): number => {
  const i = MAP_CLASSES.findIndex((c) => rate < c.to);
  return i === -1 ? MAP_CLASSES.length - 1 : i;
};

const OUTLINES = new Map(
  DEPARTEMENT_OUTLINES.map(([code, rings]) => [code, rings.split("|").map((r) => r.split(" ").map((p) => p.split(",").map(Number) as [number, number]))]),
);

/** Signed area and centroid of a ring (shoelace formula). */
function centroid(ring: readonly (readonly [number, number])[]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return a === 0 ? { area: 0, x: ring[0][0], y: ring[0][1] } : { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

export interface MapLayout {
  shapes: MapShape[];
  /** Départements with a rate but no outline (overseas), in the table's order. */
  outside: { code: string; value: number }[];
}

/** Lays the départements of `values` out in the box (x, y, w, h), keeping the map's proportions. */
export function layoutMap(values: readonly { code: string; value: number }[], box: { x: number; y: number; w: number; h: number }): MapLayout {
  const drawn = values.filter((v) => OUTLINES.has(v.code));
  const outside = values.filter((v) => !OUTLINES.has(v.code));
  if (!drawn.length) return { shapes: [], outside };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const v of drawn)
    for (const ring of OUTLINES.get(v.code)!)
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  const scale = Math.min(box.w / (maxX - minX), box.h / (maxY - minY));
  const offsetX = box.x + (box.w - (maxX - minX) * scale) / 2;
  const offsetY = box.y + (box.h - (maxY - minY) * scale) / 2;
  const toSlide = ([x, y]: readonly [number, number]): Point => ({ x: offsetX + (x - minX) * scale, y: offsetY + (y - minY) * scale });
  const shapes = drawn.map(({ code, value }) => {
    const rings = OUTLINES.get(code)!;
    const slide = rings.map((r) => r.map(toSlide));
    const xs = slide.flat().map((p) => p.x);
    const ys = slide.flat().map((p) => p.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    const largest = rings.map(centroid).reduce((a, b) => (b.area > a.area ? b : a));
    return {
      code,
      x,
      y,
      w: Math.max(...xs) - x,
      h: Math.max(...ys) - y,
      rings: slide.map((r) => r.map((p) => ({ x: p.x - x, y: p.y - y }))),
      label: toSlide([largest.x, largest.y]),
      value,
      klass: classOf(value),
    };
  });
  return { shapes, outside };
}

/** The rates a map draws: the data rows of its block that hold a number (the totals rows left out). */
export function mapValues(model: SheetModel, spec: MapSpec): { code: string; value: number }[] {
  const table = model.tables[spec.table];
  return table.rows
    .slice(0, table.rows.length - table.totalRows)
    .filter((r) => typeof r[spec.valueColumn] === "number")
    .map((r) => ({ code: String(r[spec.codeColumn]), value: r[spec.valueColumn] as number }));
}

/** A class of the legend in words: « 20 % à moins de 40 % », the last « 80 % à 100 % ». */
export function classText(index: number): string {
  const c = MAP_CLASSES[index];
  const pct = (v: number) => slideText(v, "percent").replace(",0", "");
  return `${pct(c.from)} à ${index === MAP_CLASSES.length - 1 ? "" : "moins de "}${pct(c.to)}`;
}

/** A département and its rate, as listed beside the map: « 33 Gironde : 41,0 % ». */
export const mapLabel = (code: string, value: number): string => `${code} ${departementName(code)} : ${slideText(value, "percent")}`;

/** Font size (points) of the labels written in the shapes. */
export const MAP_LABEL_FONT = 10;

/**
 * The label written in a shape (its code, its rate on the next line, bold) and its size in inches; `fits` when the
 * shape is wider and taller than the label, else the département is listed beside the map.
 */
export function shapeLabel(shape: MapShape): { lines: [string, string]; w: number; h: number; fits: boolean } {
  const rate = slideText(shape.value, "percent");
  const w = Math.max(textWidth(shape.code, MAP_LABEL_FONT, true), textWidth(rate, MAP_LABEL_FONT, true)) + 0.1;
  const h = (2 * MAP_LABEL_FONT * LINE_HEIGHT) / 72;
  return { lines: [shape.code, rate], w, h, fits: shape.w >= w + 0.1 && shape.h >= h + 0.1 };
}
