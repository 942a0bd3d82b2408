/**
 * The commission deck: the regional sheet models rendered as a PowerPoint presentation with native, editable charts
 * and tables (pptxgenjs, MIT; the same code in Node for `npm run regional -- … commission.pptx` and in the task pane).
 * Every figure comes from the sheet models the Excel writers render: nothing is computed here but French text.
 */
import PptxGenJS from "pptxgenjs";
import { frenchDate } from "../core/dates";
import { frInteger } from "../core/format";
import {
  CONTROLS_SHEET_NAME,
  NUMBER_FORMATS,
  type CellValue,
  type ChartSpec,
  type NumberFormat,
  type SheetModel,
  type TableBlock,
} from "../core/regional/sheet-model";

export interface DeckMeta {
  /** Region of the data (« Nouvelle-Aquitaine »). */
  region: string;
  annee: number;
  /** Why this reference year (« dernière année de rémunération du tableau MSP… »). */
  anneeNote: string;
  /** Date of the data (the input workbook's), ISO. */
  dateDonnees: string;
}

const NBSP = "\u00a0";
const BLUE = "005CA9";
const FONT = "Arial";

/** A cell as the slide shows it, in French: `69 692 €`, `41,0 %`, `4 293`. */
export function slideText(value: CellValue, format: NumberFormat): string {
  if (typeof value === "string") return value;
  const grouped = (n: number) => frInteger(n).replace(/\u202f/g, NBSP);
  switch (format) {
    case "euro":
      return `${grouped(value)}${NBSP}€`;
    case "percent":
      return `${(value * 100).toFixed(1).replace(".", ",").replace("-0,0", "0,0")}${NBSP}%`;
    case "decimal":
      return value.toFixed(1).replace(".", ",");
    case "integer":
      return grouped(value);
    default:
      return String(value);
  }
}

const SLIDE_W = 13.333;
const MARGIN = 0.4;

function header(slide: PptxGenJS.Slide, title: string, subtitle?: string): void {
  slide.addText(title, { x: MARGIN, y: 0.25, w: SLIDE_W - 2 * MARGIN, h: 0.6, fontFace: FONT, fontSize: 24, bold: true, color: BLUE });
  if (subtitle) slide.addText(subtitle, { x: MARGIN, y: 0.85, w: SLIDE_W - 2 * MARGIN, h: 0.4, fontFace: FONT, fontSize: 14, color: "404040" });
}

/** Sources and rules of the sheet at the foot of the slide, every note of the sheet in the notes pane. */
function footer(slide: PptxGenJS.Slide, model: SheetModel): void {
  const lines = model.notes.filter((n) => /^(Sources|Règles)/.test(n));
  slide.addText(lines.join("\n"), { x: MARGIN, y: 6.85, w: SLIDE_W - 2 * MARGIN, h: 0.55, fontFace: FONT, fontSize: 8, color: "606060", valign: "bottom" });
  slide.addNotes(model.notes.join("\n"));
}

function tableRows(table: TableBlock): PptxGenJS.TableRow[] {
  const head = table.header.map((h) => ({ text: h, options: { bold: true, color: "FFFFFF", fill: { color: BLUE } } }));
  const body = table.rows.map((row, i) =>
    row.map((v, c) => ({
      text: slideText(v, table.formats[c] ?? "text"),
      options: { bold: i >= table.rows.length - table.totalRows, align: (typeof v === "number" ? "right" : "left") as PptxGenJS.HAlign },
    })),
  );
  return [head, ...body];
}

/** Column widths (inches) from each column's longest text, scaled to fit `w`; a narrow table stays narrow. */
function columnWidths(rows: PptxGenJS.TableRow[], w: number, fontSize: number): number[] {
  const perChar = (fontSize / 72) * 0.62;
  // a header may wrap on its words; a figure may not
  const length = (text: string, head: boolean) => (head ? Math.max(...text.split(/\s+/).map((w) => w.length)) : text.length);
  const widths = rows[0].map((_, c) => Math.max(0.6, ...rows.map((r, i) => length(String((r[c] as { text?: string }).text ?? ""), i === 0) * perChar + 0.25)));
  const total = widths.reduce((a, b) => a + b, 0);
  return total > w ? widths.map((x) => (x * w) / total) : widths;
}

/** Adds a table, paged onto new slides when too long; returns those continuation slides. */
function addTable(slide: PptxGenJS.Slide, table: TableBlock, x: number, w: number): PptxGenJS.Slide[] {
  const rows = tableRows(table);
  const fontSize = table.header.length > 6 ? 8 : 10;
  const colW = columnWidths(rows, w, fontSize);
  slide.addTable(rows, {
    x,
    y: 1.35,
    colW,
    fontFace: FONT,
    fontSize,
    border: { type: "solid", pt: 0.5, color: "BFBFBF" },
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageCharWeight: -0.5,
    newSlideStartY: 1.35,
  } as PptxGenJS.TableProps);
  return (slide as unknown as { newAutoPagedSlides?: PptxGenJS.Slide[] }).newAutoPagedSlides ?? [];
}

/** The chart's data, straight from its table block: categories, and one series per charted column. */
function chartData(table: TableBlock, spec: ChartSpec) {
  const rows = spec.withoutTotals ? table.rows.slice(0, table.rows.length - table.totalRows) : table.rows;
  // a category with no figure at all (an empty group) is left out rather than drawn at 0
  const kept = rows.filter((r) => spec.seriesColumns.some((c) => typeof r[c] === "number"));
  const labels = kept.map((r) => String(r[spec.categoryColumn]));
  return spec.seriesColumns.map((c) => ({ name: table.header[c], labels, values: kept.map((r) => (typeof r[c] === "number" ? r[c] : 0)) }));
}

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, table: TableBlock, spec: ChartSpec, x: number, w: number): void {
  const format = NUMBER_FORMATS[table.formats[spec.seriesColumns[0]] ?? "integer"];
  const stacked = spec.kind === "barStacked100";
  slide.addChart(pptx.ChartType.bar, chartData(table, spec), {
    x,
    y: 1.35,
    w,
    h: 5.3,
    barDir: stacked ? "bar" : "col",
    barGrouping: stacked ? "percentStacked" : "clustered",
    title: spec.title,
    showTitle: true,
    titleFontFace: FONT,
    titleFontSize: 12,
    showLegend: spec.seriesColumns.length > 1,
    legendPos: "b",
    legendFontFace: FONT,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 9,
    valAxisLabelFontSize: 9,
    valAxisLabelFormatCode: stacked ? "0%" : format,
    showValue: !stacked || spec.seriesColumns.length <= 3,
    // zero values get no label (« ;; » hides them): an empty stack is not worth a « 0,0 % »
    dataLabelFormatCode: `${format};-${format};;`,
    dataLabelFontSize: 8,
    chartColors: [BLUE, "F39200", "A5A5A5", "5B9BD5", "70AD47", "7030A0"],
  });
}

/** One slide per table block of each sheet; a charted block gets its native chart beside its table. */
function sheetSlides(pptx: PptxGenJS, model: SheetModel): void {
  model.tables.forEach((table, t) => {
    const slide = pptx.addSlide();
    header(slide, model.title, table.title);
    const spec = model.charts?.find((c) => c.table === t);
    let continued: PptxGenJS.Slide[];
    if (spec) {
      addChart(pptx, slide, table, spec, MARGIN, 6.3);
      continued = addTable(slide, table, 6.9, SLIDE_W - 6.9 - MARGIN);
    } else continued = addTable(slide, table, MARGIN, SLIDE_W - 2 * MARGIN);
    footer(slide, model);
    // a table paged onto further slides keeps its titles there, so that a projected slide says what it shows
    for (const next of continued) {
      header(next, model.title, `${table.title ?? ""} (suite)`.trim());
      footer(next, model);
    }
  });
}

/** The deck: a title slide, the slides of each sheet, and the « Contrôles » slide last. */
export function buildDeck(models: readonly SheetModel[], meta: DeckMeta): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = "Coordination régionale de la gestion du risque";
  pptx.company = "Assurance Maladie";
  pptx.title = `Commission paritaire régionale ${meta.region} — situation au 31/12/${meta.annee}`;
  const title = pptx.addSlide();
  title.background = { color: BLUE };
  title.addText("Commission paritaire régionale", { x: 0.8, y: 1.6, w: 11.7, h: 0.8, fontFace: FONT, fontSize: 32, bold: true, color: "FFFFFF" });
  title.addText(meta.region || "Région", { x: 0.8, y: 2.5, w: 11.7, h: 0.7, fontFace: FONT, fontSize: 26, color: "FFFFFF" });
  title.addText(`Situation au 31/12/${meta.annee}`, { x: 0.8, y: 3.4, w: 11.7, h: 0.6, fontFace: FONT, fontSize: 22, color: "FFFFFF" });
  title.addText(`Données du ${frenchDate(meta.dateDonnees)} — ${meta.anneeNote}`, {
    x: 0.8,
    y: 4.3,
    w: 11.7,
    h: 0.6,
    fontFace: FONT,
    fontSize: 12,
    color: "FFFFFF",
  });
  for (const model of models) if (model.name !== CONTROLS_SHEET_NAME) sheetSlides(pptx, model);
  const controls = models.find((m) => m.name === CONTROLS_SHEET_NAME);
  if (controls) sheetSlides(pptx, controls);
  return pptx;
}
