/**
 * Small aggregates shared by the regional sheets. An empty group has no mean,
 * no minimum, no maximum and no share: its cells stay empty (never a 0 that a
 * slide would show as a figure).
 */
import type { CellValue } from "./sheet-model";

export interface Summary {
  count: number;
  mean?: number;
  min?: number;
  max?: number;
  total: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, total: 0 };
  const total = values.reduce((s, v) => s + v, 0);
  return { count: values.length, mean: total / values.length, min: Math.min(...values), max: Math.max(...values), total };
}

/** `part / whole`, or undefined when there is no whole to share. */
export const share = (part: number, whole: number): number | undefined => (whole > 0 ? part / whole : undefined);

/** A figure for a cell: an undefined one is an empty cell. */
export const cell = (n: number | undefined): CellValue => (n === undefined ? "" : n);

/** Count, mean, min, max and total as cells; an empty group's total is empty too. */
export const summaryCells = (s: Summary): CellValue[] => [s.count, cell(s.mean), cell(s.min), cell(s.max), s.count ? s.total : ""];

/** Groups items by a key, keeping first-seen order, then sorts keys naturally (« 2 » before « 10 », « 2bis » after « 2 »). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b, "fr", { numeric: true })));
}
