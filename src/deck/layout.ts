/**
 * Table layout for the deck, from the content: the width of a text at a font size (Arial's advance widths, in
 * thousandths of an em, grouped), column widths that never break a word or a figure, the lines each cell wraps to,
 * and the rows paginated to what fits under the slide's title. Pure functions: the deck places what they compute,
 * and a LibreOffice rendering test checks that nothing drawn leaves the slide or overlaps.
 */

import { frInteger } from "../core/format";
import type { CellValue, NumberFormat } from "../core/regional/sheet-model";

const NBSP = "\u00a0";

/** A cell as the slide (or the map) shows it, in French: `69 692 €`, `41,0 %`, `4 293`. */
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

/** Arial advance widths (1/1000 em), by group of characters; other characters take `DEFAULT_WIDTH`. */
const WIDTHS: readonly [string, number][] = [
  ["il.,;:!|'’ ", 260],
  ["fjrt()[]-/", 320],
  ["abcdeghknopqsuvxyzàâäçéèêëîïôöùûü0123456789€$#*+=<>~^", 556],
  ["mw", 833],
  ["ABCDEFGHIJKLNOPQRSTUVXYZÀÂÉÈÊÎÔÙÇ&", 722],
  ["MW%@", 944],
];
const DEFAULT_WIDTH = 600;
const WIDTH = new Map<string, number>(WIDTHS.flatMap(([chars, w]) => [...chars].map((c) => [c, w] as [string, number])));
/** Narrow no-break spaces and no-break spaces are as wide as a space. */
WIDTH.set("\u00a0", 278).set("\u202f", 200);

/** Width of `text` in inches at `fontSize` points (bold: 7 % wider, Arial Bold's average). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const c of text) units += WIDTH.get(c) ?? DEFAULT_WIDTH;
  return ((units / 1000) * fontSize * (bold ? 1.07 : 1)) / 72;
}

/** Inner margins of a table cell, inches, left + right and top + bottom. */
export const CELL_PADDING_X = 0.16;
export const CELL_PADDING_Y = 0.08;
/**
 * Room added to each column beyond its text and margins: renderers lay text out with their own rounding (LibreOffice
 * wrapped « 10 323 800 € » in a column exactly as wide as its estimate), and a figure must never wrap.
 */
export const WIDTH_SLACK = 0.1;
/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.22;

/** A word wider than `width` cut where the renderers cut it: after the last character that fits. */
function breakWord(word: string, width: number, fontSize: number, bold: boolean): string[] {
  if (textWidth(word, fontSize, bold) <= width) return [word];
  const parts: string[] = [];
  let part = "";
  for (const c of word) {
    if (part && textWidth(part + c, fontSize, bold) > width) {
      parts.push(part);
      part = c;
    } else part += c;
  }
  return [...parts, part];
}

/**
 * The lines `text` wraps to in a column of inner width `width` (greedy on spaces). A word is broken only when it is
 * wider than the column by itself (the layout avoids it: see `columnWidths`).
 */
export function wrap(text: string, width: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ").flatMap((w) => breakWord(w, width, fontSize, bold))) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && textWidth(candidate, fontSize, bold) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

export interface Cell {
  text: string;
  bold?: boolean;
}

/** The longest word of a cell (what its column cannot be narrower than) and its whole width on one line. */
function cellWidths(cell: Cell, fontSize: number): { min: number; natural: number } {
  const words = cell.text.split(/[ \n]/);
  const min = Math.max(0, ...words.map((w) => textWidth(w, fontSize, cell.bold)));
  const natural = Math.max(0, ...cell.text.split("\n").map((l) => textWidth(l, fontSize, cell.bold)));
  return { min: min + CELL_PADDING_X + WIDTH_SLACK, natural: natural + CELL_PADDING_X + WIDTH_SLACK };
}

/**
 * Column widths (inches) within `maxWidth`: each column as wide as its longest line when they all fit; otherwise
 * each keeps its longest word and the room left goes to the columns that wrap, in proportion to what they lack.
 * Returns undefined when even the longest words do not fit (the caller takes a smaller font), unless `force`: the
 * widest columns are then narrowed to one common width, so that they fill `maxWidth`, and their longest words broken.
 */
export function columnWidths(rows: readonly (readonly Cell[])[], maxWidth: number, fontSize: number, force = false): number[] | undefined {
  const columns = rows[0].length;
  const min = new Array<number>(columns).fill(0);
  const natural = new Array<number>(columns).fill(0);
  for (const row of rows)
    row.forEach((cell, c) => {
      const w = cellWidths(cell, fontSize);
      min[c] = Math.max(min[c], w.min);
      natural[c] = Math.max(natural[c], w.natural);
    });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= maxWidth) return natural;
  if (sum(min) > maxWidth) return force ? capped(min, maxWidth) : undefined;
  const room = maxWidth - sum(min);
  const lack = natural.map((n, c) => n - min[c]);
  const totalLack = sum(lack);
  return min.map((m, c) => m + (room * lack[c]) / totalLack);
}

/** `widths` with the widest cut to one cap, the largest for which they sum to `total` (less than their sum). */
function capped(widths: readonly number[], total: number): number[] {
  const sorted = [...widths].sort((a, b) => a - b);
  let below = 0;
  for (let i = 0; i < sorted.length; i++) {
    // columns i… all at the cap
    const cap = (total - below) / (sorted.length - i);
    if (cap <= sorted[i]) return widths.map((w) => Math.min(w, cap));
    below += sorted[i];
  }
  return [...widths];
}

/** Height (inches) of a row whose cells wrap in columns of `widths`. */
export function rowHeight(row: readonly Cell[], widths: readonly number[], fontSize: number): number {
  const lines = Math.max(1, ...row.map((cell, c) => wrap(cell.text, widths[c] - CELL_PADDING_X - WIDTH_SLACK, fontSize, cell.bold).length));
  return (lines * fontSize * LINE_HEIGHT) / 72 + CELL_PADDING_Y;
}

export interface TableLayout {
  fontSize: number;
  widths: number[];
  /** Row heights, the header's first. */
  heights: number[];
  /** Data rows (indexes into the body, without the header) of each page; the header repeats on every page. */
  pages: number[][];
}

/**
 * Lays a table (`rows[0]` its header) out in a box of `maxWidth` × `maxHeight` inches: the largest of `fontSizes`
 * at which it fits on one page, else the smallest, paginated. When its longest words do not fit even at the smallest
 * font, undefined, unless `force`: the smallest font then, words too long broken (see `columnWidths`).
 */
export function layoutTable(
  rows: readonly (readonly Cell[])[],
  maxWidth: number,
  maxHeight: number,
  fontSizes: readonly number[],
  force = false,
): TableLayout | undefined {
  let last: TableLayout | undefined;
  const sizes = [...fontSizes].sort((a, b) => b - a);
  for (const fontSize of sizes) {
    const widths = columnWidths(rows, maxWidth, fontSize, force && fontSize === sizes.at(-1));
    if (!widths) continue;
    const heights = rows.map((r) => rowHeight(r, widths, fontSize));
    const pages: number[][] = [];
    let page: number[] = [];
    let used = heights[0];
    for (let i = 1; i < rows.length; i++) {
      if (page.length && used + heights[i] > maxHeight) {
        pages.push(page);
        page = [];
        used = heights[0];
      }
      page.push(i - 1);
      used += heights[i];
    }
    pages.push(page);
    last = { fontSize, widths, heights, pages };
    if (pages.length === 1) return last;
  }
  return last;
}
