/**
 * The one cache of the rules core: a pure function of one key, remembered. Bounded: once `max` keys are held, the
 * memo is emptied and starts again (a workbook recalculates the same few thousand headers, codes and dates; a national
 * table of unique values never grows it past the bound). Only for pure functions of a primitive key; `undefined`
 * results are remembered too.
 */
export function memo<K extends string | number, V>(compute: (key: K) => V, max = 10_000): (key: K) => V {
  const values = new Map<K, V>();
  return (key: K): V => {
    const hit = values.get(key);
    if (hit !== undefined || values.has(key)) return hit as V;
    const value = compute(key);
    if (values.size >= max) values.clear();
    values.set(key, value);
    return value;
  };
}
