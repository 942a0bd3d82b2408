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
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  // a loop, never Math.min(...values): a spread of 130 000 values overflows the call stack
  for (const v of values) {
    total += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count: values.length, mean: total / values.length, min, max, total };
}

/** The largest of `values` (a loop: a spread of a whole column overflows the call stack), or `empty`. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values`, or `empty`. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** `part / whole`, or undefined when there is no whole to share. */
export const share = (part: number, whole: number): number | undefined => (whole > 0 ? part / whole : undefined);

/** A figure for a cell: an undefined one is an empty cell. */
export const cell = (n: number | undefined): CellValue => (n === undefined ? "" : n);

/** Count, mean, min, max and total as cells; an empty group's total is empty too. */
export const summaryCells = (s: Summary): CellValue[] => [s.count, cell(s.mean), cell(s.min), cell(s.max), s.count ? s.total : ""];

/**
 * The sheets' two orders, one collator each (a `localeCompare` with options builds one per comparison): codes in
 * natural order (« 2 » before « 10 », « 2bis » after « 2 », caisse « 041 » before « 131 »), labels in French order.
 */
export const byCode: (a: string, b: string) => number = new Intl.Collator("fr", { numeric: true }).compare;
export const byLabel: (a: string, b: string) => number = new Intl.Collator("fr").compare;

/** Groups items by a key, keeping first-seen order, then sorts keys naturally (« 2 » before « 10 », « 2bis » after « 2 »). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => byCode(a, b)));
}
