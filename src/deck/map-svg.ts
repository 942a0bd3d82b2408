/**
 * The same choropleth as the deck's map slide, as one SVG picture: the task pane turns it into a PNG and inserts it
 * into the sheet that holds its table (Office.js `shapes.addImage`; `addSvg` is a preview API only). Same outlines, classes, labels and legend as the slide (map.ts), the source
 * and the attribution of the outlines under it. Pure: a string from the sheet model.
 */
import { escapeHtml } from "../core/inputs/help";
import type { MapSpec, SheetModel } from "../core/regional/sheet-model";
import { MAP_ATTRIBUTION } from "./departements-geometry";
import { LINE_HEIGHT, wrap } from "./layout";
import { classText, layoutMap, MAP_CLASSES, MAP_LABEL_FONT, mapLabel, mapValues, shapeLabel } from "./map";

/** Size of the picture and of its parts, inches (written in points: 72 to the inch). */
const WIDTH = 9;
const PAD = 0.2;
const TITLE_FONT = 12;
const MAP_W = 5.6;
const MAP_H = 5;
const LEGEND_X = PAD + MAP_W + 0.3;
const LEGEND_W = WIDTH - LEGEND_X - PAD;
const NOTE_FONT = 8;
const ASIDE_FONT = 10;
const FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";

const pt = (inches: number) => (inches * 72).toFixed(1);

/** Lines of text from (x, y), `y` the top of the first line; returns the SVG and the height taken (inches). */
function textLines(lines: readonly string[], x: number, y: number, size: number, attrs = ""): { svg: string; h: number } {
  const step = (size * LINE_HEIGHT) / 72;
  const svg = lines
    .map((l, i) => `<text x="${pt(x)}" y="${pt(y + step * i + (size * 0.95) / 72)}" font-size="${size}"${attrs}>${escapeHtml(l)}</text>`)
    .join("");
  return { svg, h: step * lines.length };
}

export interface MapPicture {
  svg: string;
  /** Size of the picture, points. */
  width: number;
  height: number;
}

/** The map of `spec` as an SVG document, or `undefined` when no département of its table has a rate. */
export function mapSvg(model: SheetModel, spec: MapSpec): MapPicture | undefined {
  const values = mapValues(model, spec);
  if (!values.length) return undefined;
  const parts: string[] = [];
  const title = textLines(wrap(spec.title, WIDTH - 2 * PAD, TITLE_FONT, true), PAD, PAD, TITLE_FONT, ' font-weight="bold" fill="#005CA9"');
  parts.push(title.svg);
  const top = PAD + title.h + 0.2;
  const map = layoutMap(values, { x: PAD, y: top, w: MAP_W, h: MAP_H });
  const aside: string[] = [];
  for (const shape of map.shapes) {
    const d = shape.rings.map((ring) => `M${ring.map((p) => `${pt(shape.x + p.x)},${pt(shape.y + p.y)}`).join("L")}Z`).join("");
    parts.push(
      `<path d="${d}" fill="#${MAP_CLASSES[shape.klass].color}" stroke="#FFFFFF" stroke-width="1"><title>${escapeHtml(mapLabel(shape.code, shape.value))}</title></path>`,
    );
  }
  for (const shape of map.shapes) {
    const label = shapeLabel(shape);
    if (!label.fits) {
      aside.push(mapLabel(shape.code, shape.value));
      continue;
    }
    const color = `#${MAP_CLASSES[shape.klass].text}`;
    const step = (MAP_LABEL_FONT * LINE_HEIGHT) / 72;
    label.lines.forEach((line, i) => {
      const y = shape.label.y - label.h / 2 + step * i + (MAP_LABEL_FONT * 0.95) / 72;
      parts.push(
        `<text x="${pt(shape.label.x)}" y="${pt(y)}" font-size="${MAP_LABEL_FONT}" font-weight="bold" text-anchor="middle" fill="${color}">${escapeHtml(line)}</text>`,
      );
    });
  }
  for (const o of map.outside) aside.push(`${mapLabel(o.code, o.value)} (hors carte)`);
  // the legend: what the rate is, its classes, then the départements not labelled in their shape
  let y = top;
  const legend = textLines(wrap(spec.legend, LEGEND_W, 12, true), LEGEND_X, y, 12, ' font-weight="bold" fill="#404040"');
  parts.push(legend.svg);
  y += legend.h + 0.1;
  MAP_CLASSES.forEach((c, i) => {
    parts.push(`<rect x="${pt(LEGEND_X)}" y="${pt(y)}" width="${pt(0.45)}" height="${pt(0.28)}" fill="#${c.color}" stroke="#808080" stroke-width="0.5"/>`);
    parts.push(textLines([classText(i)], LEGEND_X + 0.6, y + 0.03, 11, ' fill="#404040"').svg);
    y += 0.36;
  });
  if (aside.length) {
    const list = textLines(
      aside.flatMap((l) => wrap(l, LEGEND_W, ASIDE_FONT)),
      LEGEND_X,
      y + 0.1,
      ASIDE_FONT,
      ' fill="#404040"',
    );
    parts.push(list.svg);
    y += 0.1 + list.h;
  }
  // under the map (or the legend, if longer): the sheet's sources and the outlines' attribution
  const notes = [...model.notes.filter((n) => /^Sources/.test(n)), MAP_ATTRIBUTION].flatMap((n) => wrap(n, WIDTH - 2 * PAD, NOTE_FONT));
  const notesTop = Math.max(top + MAP_H, y) + 0.2;
  const footer = textLines(notes, PAD, notesTop, NOTE_FONT, ' fill="#606060"');
  parts.push(footer.svg);
  const height = notesTop + footer.h + PAD;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pt(WIDTH)}" height="${pt(height)}" viewBox="0 0 ${pt(WIDTH)} ${pt(height)}" font-family="${FONT}">` +
    `<rect width="100%" height="100%" fill="#FFFFFF"/>${parts.join("")}</svg>`;
  return { svg, width: Number(pt(WIDTH)), height: Number(pt(height)) };
}
