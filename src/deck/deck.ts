/**
 * The commission deck: the regional sheet models rendered as a PowerPoint presentation with native, editable charts
 * and tables (pptxgenjs, MIT; the same code in Node for `npm run regional -- … commission.pptx` and in the task pane).
 * Every figure comes from the sheet models the Excel writers render: nothing is computed here but French text and
 * the layout (layout.ts: tables sized from their content and paginated, never drawn outside the slide; map.ts: the
 * choropleths of the départements).
 */
/* global Blob, Buffer */
import JSZip from "jszip";
import PptxGenJS from "pptxgenjs";
import { frenchDate } from "../core/dates";
import {
  CONTROLS_SHEET_NAME,
  NUMBER_FORMATS,
  type CellValue,
  type ChartSpec,
  type MapSpec,
  type SheetModel,
  type TableBlock,
} from "../core/regional/sheet-model";
import { MAP_ATTRIBUTION } from "./departements-geometry";
import { LINE_HEIGHT, layoutTable, slideText, textWidth, wrap, type Cell, type TableLayout } from "./layout";

export { slideText };
import { classText, layoutMap, MAP_CLASSES, MAP_LABEL_FONT, mapLabel, mapValues, shapeLabel } from "./map";

export interface DeckMeta {
  /** Region of the data (« Nouvelle-Aquitaine »). */
  region: string;
  annee: number;
  /** Reference date, ISO (31/12 of `annee` when absent). */
  date?: string;
  /** Why this reference year (« dernière année de rémunération du tableau MSP… »). */
  anneeNote: string;
  /** Date of the data (the input workbook's), ISO. */
  dateDonnees: string;
}

const BLUE = "005CA9";
const FONT = "Arial";

const SLIDE_W = 13.333;
const SLIDE_H = 7.5;
const MARGIN = 0.4;
const CONTENT_W = SLIDE_W - 2 * MARGIN;
const BODY_TOP = 1.35;
/** Table fonts, largest first: a table takes the largest at which it fits on one slide, at least 10 pt. */
const TABLE_FONTS = [16, 14, 12, 11, 10];
const FOOTER_FONT = 8;
const CHART_W = 6.3;
const GAP = 0.3;
const CELL_MARGIN: [number, number, number, number] = [0.04, 0.08, 0.04, 0.08];
/** Beyond this many bars a chart writes no value on them (its table gives the figures). */
const MAX_LABELLED_BARS = 24;
const COLORS = [BLUE, "F39200", "A5A5A5", "5B9BD5", "70AD47", "7030A0", "C00000", "00A0A0"];

/** The slide's title (shrunk until it fits on one line) and the block's subtitle. */
function header(slide: PptxGenJS.Slide, title: string, subtitle?: string): void {
  const size = [24, 22, 20, 18].find((s) => textWidth(title, s, true) <= CONTENT_W - 0.2) ?? 16;
  slide.addText(title, { x: MARGIN, y: 0.25, w: CONTENT_W, h: 0.6, fontFace: FONT, fontSize: size, bold: true, color: BLUE, margin: 0 });
  if (subtitle) slide.addText(subtitle, { x: MARGIN, y: 0.85, w: CONTENT_W, h: 0.4, fontFace: FONT, fontSize: 14, color: "404040", margin: 0 });
}

/** The footer's lines: the sheet's sources and rules (every note goes to the notes pane), and any `extra` line. */
function footerLines(model: SheetModel, extra: readonly string[] = []): string[] {
  return [...model.notes.filter((n) => /^(Sources|Règles)/.test(n)), ...extra];
}

/** Top of the footer (inches): its wrapped lines sit at the foot of the slide, the body stops above it. */
function footerTop(lines: readonly string[]): number {
  const count = lines.reduce((n, l) => n + wrap(l, CONTENT_W, FOOTER_FONT).length, 0);
  return SLIDE_H - 0.15 - (count * FOOTER_FONT * LINE_HEIGHT) / 72;
}

/** Height (inches) left for the body between the title and a footer of `lines`. */
const bodyHeight = (lines: readonly string[]) => footerTop(lines) - 0.15 - BODY_TOP;

function footer(slide: PptxGenJS.Slide, model: SheetModel, lines: readonly string[]): void {
  const top = footerTop(lines);
  slide.addText(lines.join("\n"), {
    x: MARGIN,
    y: top,
    w: CONTENT_W,
    h: SLIDE_H - 0.1 - top,
    fontFace: FONT,
    fontSize: FOOTER_FONT,
    color: "606060",
    valign: "bottom",
    margin: 0,
  });
  slide.addNotes(model.notes.join("\n"));
}

/** The table's cells as text (French formats), the header first; the total rows in bold. */
function tableCells(table: TableBlock): Cell[][] {
  const head = table.header.map((h) => ({ text: h, bold: true }));
  const body = table.rows.map((row, i) =>
    row.map((v, c) => ({ text: slideText(v, table.formats[c] ?? "text"), bold: i >= table.rows.length - table.totalRows })),
  );
  return [head, ...body];
}

/** Draws rows `page` of a laid-out table at (x, y). */
function drawTable(slide: PptxGenJS.Slide, table: TableBlock, cells: Cell[][], layout: TableLayout, page: number[], x: number, y: number): void {
  const cellOptions = (cell: Cell, head: boolean, value?: CellValue) => ({
    text: cell.text,
    options: {
      bold: cell.bold,
      margin: CELL_MARGIN,
      valign: "top" as const,
      align: (typeof value === "number" ? "right" : "left") as PptxGenJS.HAlign,
      ...(head ? { color: "FFFFFF", fill: { color: BLUE } } : {}),
    },
  });
  const rows = [cells[0].map((c) => cellOptions(c, true)), ...page.map((i) => cells[i + 1].map((c, col) => cellOptions(c, false, table.rows[i][col])))];
  slide.addTable(rows, {
    x,
    y,
    colW: layout.widths,
    rowH: [layout.heights[0], ...page.map((i) => layout.heights[i + 1])],
    fontFace: FONT,
    fontSize: layout.fontSize,
    border: { type: "solid", pt: 0.5, color: "BFBFBF" },
    autoPage: false,
  });
}

/** The chart's data, straight from its table block: categories, and one series per charted column. */
function chartData(table: TableBlock, spec: ChartSpec) {
  const rows = spec.withoutTotals ? table.rows.slice(0, table.rows.length - table.totalRows) : table.rows;
  // a category with no figure at all (an empty group) is left out rather than drawn at 0
  const kept = rows.filter((r) => spec.seriesColumns.some((c) => typeof r[c] === "number"));
  const labels = kept.map((r) => String(r[spec.categoryColumn]));
  return spec.seriesColumns.map((c) => ({ name: table.header[c], labels, values: kept.map((r) => (typeof r[c] === "number" ? r[c] : 0)) }));
}

/**
 * A chart whose value axis starts at 0 (amounts, counts and rates alike; below it only to show a negative figure),
 * rates shown as percentages.
 */
function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, table: TableBlock, spec: ChartSpec, box: { x: number; y: number; w: number; h: number }): void {
  const numberFormat = table.formats[spec.seriesColumns[0]] ?? "integer";
  const format = NUMBER_FORMATS[numberFormat];
  const stacked = spec.kind === "barStacked100";
  const data = chartData(table, spec);
  const figures = data.flatMap((d) => d.values);
  const lowest = Math.min(0, ...figures);
  const highest = Math.max(0, ...figures);
  const line = spec.kind === "line";
  slide.addChart(line ? pptx.ChartType.line : pptx.ChartType.bar, data, {
    ...box,
    ...(line
      ? { lineDataSymbol: "circle", lineDataSymbolSize: 6, lineSize: 2 }
      : { barDir: stacked ? "bar" : "col", barGrouping: stacked ? "percentStacked" : "clustered" }),
    title: spec.title,
    showTitle: true,
    titleFontFace: FONT,
    titleFontSize: 12,
    showLegend: spec.seriesColumns.length > 1,
    legendPos: "b",
    legendFontFace: FONT,
    legendFontSize: 10,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 10,
    valAxisLabelFontSize: 10,
    // bars from 0, unless a figure is negative (a fall); a rate axis up to 100 %, unless a rate passes it (a rise). A
    // line is read by its position, not its length: its axis follows its figures (96 % → 97 % would be flat from 0)
    ...(lowest >= 0 && !line ? { valAxisMinVal: 0 } : {}),
    ...(!stacked && !line && numberFormat === "percent" && highest <= 1 ? { valAxisMaxVal: 1 } : {}),
    valAxisLabelFormatCode: stacked || numberFormat === "percent" ? "0%" : format,
    // the stacked shares, and the bars of a crowded chart, are read in the table: labels there would overlap
    showValue: !stacked && !line && data.length * (data[0]?.labels.length ?? 0) <= MAX_LABELLED_BARS,
    // zero values get no label (« ;; » hides them)
    dataLabelFormatCode: `${format};-${format};;`,
    dataLabelFontSize: 10,
    dataLabelPosition: "outEnd",
    chartColors: COLORS,
  });
}

/** What a chart with fewer than two categories says instead of drawing one bar. */
function singleCategoryText(table: TableBlock, spec: ChartSpec): string | undefined {
  const data = chartData(table, spec);
  const labels = data[0]?.labels ?? [];
  if (labels.length >= 2) return undefined;
  if (!labels.length) return `${spec.title} : aucune valeur à représenter.`;
  const figures = spec.seriesColumns.map((c, i) => `${table.header[c]} ${slideText(data[i].values[0], table.formats[c] ?? "integer")}`);
  return `${spec.title} : une seule catégorie (${labels[0]}), pas de graphique — ${figures.join(", ")}.`;
}

interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The slides of one table: its rows paginated to the area, each continuation titled « (suite) ». */
function tableSlides(
  pptx: PptxGenJS,
  model: SheetModel,
  table: TableBlock,
  cells: Cell[][],
  lines: string[],
  first?: { slide: PptxGenJS.Slide; area: Area; layout: TableLayout },
) {
  const bodyH = bodyHeight(lines);
  const layout = first?.layout ?? layoutTable(cells, CONTENT_W, bodyH, TABLE_FONTS, true)!;
  layout.pages.forEach((page, p) => {
    const slide = p === 0 && first ? first.slide : pptx.addSlide();
    if (!(p === 0 && first)) {
      header(slide, model.title, p === 0 ? table.title : `${table.title} (suite)`);
      footer(slide, model, lines);
    }
    const area = p === 0 && first ? first.area : { x: MARGIN, y: BODY_TOP, w: CONTENT_W, h: bodyH };
    const width = layout.widths.reduce((a, b) => a + b, 0);
    drawTable(slide, table, cells, layout, page, area.x + (area.w - width) / 2, area.y);
  });
}

/** Legend of a map: its classes, then the départements whose value is not written in their shape. */
function mapLegend(slide: PptxGenJS.Slide, spec: MapSpec, aside: string[], x: number, y: number, w: number): void {
  slide.addText(spec.legend, { x, y, w, h: 0.4, fontFace: FONT, fontSize: 12, bold: true, color: "404040", margin: 0 });
  MAP_CLASSES.forEach((c, i) => {
    const top = y + 0.5 + i * 0.36;
    slide.addShape("rect", { x, y: top, w: 0.45, h: 0.28, fill: { color: c.color }, line: { color: "808080", width: 0.5 } });
    slide.addText(classText(i), { x: x + 0.6, y: top, w: w - 0.6, h: 0.28, fontFace: FONT, fontSize: 11, color: "404040", margin: 0, valign: "middle" });
  });
  if (aside.length) {
    const top = y + 0.6 + MAP_CLASSES.length * 0.36;
    const text = aside.join("\n");
    const lines = aside.reduce((n, l) => n + wrap(l, w, 10).length, 0);
    slide.addText(text, { x, y: top, w, h: (lines * 10 * LINE_HEIGHT) / 72 + 0.05, fontFace: FONT, fontSize: 10, color: "404040", margin: 0, valign: "top" });
  }
}

/** A choropleth slide: each département filled by the class of its rate, the rate written in it where it fits. */
function mapSlide(pptx: PptxGenJS, model: SheetModel, spec: MapSpec): void {
  const values = mapValues(model, spec);
  if (!values.length) return;
  const lines = footerLines(model, [MAP_ATTRIBUTION]);
  const slide = pptx.addSlide();
  header(slide, model.title, spec.title);
  footer(slide, model, lines);
  const bodyH = bodyHeight(lines);
  const legendW = 3.6;
  const map = layoutMap(values, { x: MARGIN, y: BODY_TOP, w: CONTENT_W - legendW - GAP, h: bodyH });
  const aside: string[] = [];
  for (const shape of map.shapes) {
    const points = shape.rings.flatMap((ring) => [...ring.map((p, i) => ({ x: p.x, y: p.y, ...(i === 0 ? { moveTo: true } : {}) })), { close: true as const }]);
    const klass = MAP_CLASSES[shape.klass];
    // a freeform (custGeom): pptxgenjs 4 writes it from `points` but its types do not list the shape's name
    slide.addShape(
      "custGeom" as PptxGenJS.SHAPE_NAME,
      { x: shape.x, y: shape.y, w: shape.w, h: shape.h, points, fill: { color: klass.color }, line: { color: "FFFFFF", width: 1 } } as never,
    );
  }
  for (const shape of map.shapes) {
    const label = shapeLabel(shape);
    if (!label.fits) {
      aside.push(mapLabel(shape.code, shape.value));
      continue;
    }
    slide.addText(label.lines.join("\n"), {
      x: shape.label.x - label.w / 2,
      y: shape.label.y - label.h / 2,
      w: label.w,
      h: label.h,
      fontFace: FONT,
      fontSize: MAP_LABEL_FONT,
      bold: true,
      align: "center",
      valign: "middle",
      color: MAP_CLASSES[shape.klass].text,
      margin: 0,
    });
  }
  for (const o of map.outside) aside.push(`${mapLabel(o.code, o.value)} (hors carte)`);
  mapLegend(slide, spec, aside, SLIDE_W - MARGIN - legendW, BODY_TOP, legendW);
}

/** The slides of each table block of a sheet: a charted block gets its native chart, beside its table when it fits. */
function sheetSlides(pptx: PptxGenJS, model: SheetModel): void {
  const lines = footerLines(model);
  const bodyH = bodyHeight(lines);
  model.tables.forEach((table, t) => {
    const cells = tableCells(table);
    const spec = model.charts?.find((c) => c.table === t);
    const single = spec && singleCategoryText(table, spec);
    if (spec && !single) {
      const sideW = CONTENT_W - CHART_W - GAP;
      const side = layoutTable(cells, sideW, bodyH, TABLE_FONTS);
      const slide = pptx.addSlide();
      header(slide, model.title, table.title);
      footer(slide, model, lines);
      if (side && side.pages.length === 1) {
        addChart(pptx, slide, table, spec, { x: MARGIN, y: BODY_TOP, w: CHART_W, h: bodyH });
        tableSlides(pptx, model, table, cells, lines, { slide, area: { x: MARGIN + CHART_W + GAP, y: BODY_TOP, w: sideW, h: bodyH }, layout: side });
      } else {
        // too wide or too long to sit beside its chart: the chart on its own slide, the table on the next ones
        addChart(pptx, slide, table, spec, { x: MARGIN, y: BODY_TOP, w: CONTENT_W, h: bodyH });
        tableSlides(pptx, model, table, cells, lines);
      }
    } else if (single) {
      const slide = pptx.addSlide();
      header(slide, model.title, table.title);
      footer(slide, model, lines);
      const textH = 0.5;
      slide.addText(single, { x: MARGIN, y: BODY_TOP, w: CONTENT_W, h: textH, fontFace: FONT, fontSize: 12, color: "404040", margin: 0 });
      const layout = layoutTable(cells, CONTENT_W, bodyH - textH - 0.15, TABLE_FONTS, true)!;
      tableSlides(pptx, model, table, cells, lines, { slide, area: { x: MARGIN, y: BODY_TOP + textH + 0.15, w: CONTENT_W, h: bodyH - textH - 0.15 }, layout });
    } else tableSlides(pptx, model, table, cells, lines);
    for (const map of model.maps?.filter((m) => m.table === t) ?? []) mapSlide(pptx, model, map);
  });
}

/** The deck's reference date in French: « 31/12/2022 », or the day the analyst gave. */
const situationOf = (meta: DeckMeta) => (meta.date ? frenchDate(meta.date) : `31/12/${meta.annee}`);

/** The key figures of the sheets, after the title slide, as the commission decks open: up to 9 cards. */
function keyFiguresSlide(pptx: PptxGenJS, models: readonly SheetModel[], meta: DeckMeta): void {
  const figures = models.flatMap((m) => m.keyFigures ?? []).filter((f) => f.value !== "");
  if (!figures.length) return;
  const slide = pptx.addSlide();
  header(slide, "Chiffres clés", `${meta.region || "Région"} — situation au ${situationOf(meta)}`);
  const columns = 3;
  const cardW = (CONTENT_W - (columns - 1) * GAP) / columns;
  const cardH = 1.55;
  figures.slice(0, 9).forEach((f, i) => {
    const x = MARGIN + (i % columns) * (cardW + GAP);
    const y = BODY_TOP + 0.1 + Math.floor(i / columns) * (cardH + 0.2);
    slide.addShape("rect", { x, y, w: cardW, h: cardH, fill: { color: "EEF4FA" }, line: { color: "C9DAEC", width: 0.75 } });
    slide.addText(slideText(f.value, f.format), {
      x: x + 0.15,
      y: y + 0.1,
      w: cardW - 0.3,
      h: 0.6,
      fontFace: FONT,
      fontSize: 28,
      bold: true,
      color: BLUE,
      margin: 0,
    });
    slide.addText(f.label, { x: x + 0.15, y: y + 0.72, w: cardW - 0.3, h: 0.5, fontFace: FONT, fontSize: 12, color: "1F1F1F", margin: 0, valign: "top" });
    slide.addText(f.when, { x: x + 0.15, y: y + 1.2, w: cardW - 0.3, h: 0.25, fontFace: FONT, fontSize: 10, color: "606060", margin: 0 });
  });
}

/** The deck: a title slide, the key figures, the slides of each sheet, and the « Contrôles » slides last. */
export function buildDeck(models: readonly SheetModel[], meta: DeckMeta): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = "Coordination régionale de la gestion du risque";
  pptx.company = "Assurance Maladie";
  pptx.title = `Commission paritaire régionale ${meta.region} — situation au ${situationOf(meta)}`;
  const title = pptx.addSlide();
  title.background = { color: BLUE };
  title.addText("Commission paritaire régionale", { x: 0.8, y: 1.6, w: 11.7, h: 0.8, fontFace: FONT, fontSize: 32, bold: true, color: "FFFFFF" });
  title.addText(meta.region || "Région", { x: 0.8, y: 2.5, w: 11.7, h: 0.7, fontFace: FONT, fontSize: 26, color: "FFFFFF" });
  title.addText(`Situation au ${situationOf(meta)}`, { x: 0.8, y: 3.4, w: 11.7, h: 0.6, fontFace: FONT, fontSize: 22, color: "FFFFFF" });
  title.addText(`Données du ${frenchDate(meta.dateDonnees)} — ${meta.anneeNote}`, {
    x: 0.8,
    y: 4.3,
    w: 11.7,
    h: 0.6,
    fontFace: FONT,
    fontSize: 12,
    color: "FFFFFF",
  });
  keyFiguresSlide(pptx, models, meta);
  for (const model of models) if (model.name !== CONTROLS_SHEET_NAME) sheetSlides(pptx, model);
  const controls = models.find((m) => m.name === CONTROLS_SHEET_NAME);
  if (controls) sheetSlides(pptx, controls);
  return pptx;
}

/**
 * The deck's bytes, its zip deflated (stored, the demo deck is 2 MB). pptxgenjs 4.0.1 ignores `compression` whenever
 * an output type is given, so its zip is read back and written again deflated, with the same entries.
 */
export async function deckBytes<T extends "nodebuffer" | "blob">(pptx: PptxGenJS, outputType: T): Promise<T extends "blob" ? Blob : Buffer> {
  const stored = (await pptx.write({ outputType: "arraybuffer" })) as ArrayBuffer;
  const zip = await JSZip.loadAsync(stored);
  const mimeType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  return (await zip.generateAsync({ type: outputType, compression: "DEFLATE", compressionOptions: { level: 6 }, mimeType })) as T extends "blob"
    ? Blob
    : Buffer;
}
