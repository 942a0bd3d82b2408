/** Small aggregates shared by the regional sheets. */
export interface Summary {
  count: number;
  mean: number;
  min: number;
  max: number;
  total: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, mean: 0, min: 0, max: 0, total: 0 };
  const total = values.reduce((s, v) => s + v, 0);
  return { count: values.length, mean: total / values.length, min: Math.min(...values), max: Math.max(...values), total };
}

export const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

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
