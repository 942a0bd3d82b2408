/**
 * The one cache of the rules core: a pure function of one key, remembered. Bounded: once `max` keys are held, the
 * memo is emptied and starts again (a workbook recalculates the same few thousand headers, codes and dates; a national
 * table of unique values never grows it past the bound). Only for pure functions of a primitive key; `undefined`
 * results are remembered too. Two caches keep a map of their own because they compute from more than their key: the
 * French texts of keyed steps (aci-msp/explain.ts, from the step) and the still rows of the detail spill
 * (aci-msp/detail.ts, from the year's texts and its evaluation); both are bounded.
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

/**
 * The same for a function of one object that lives as long as the rules (a dated value, its sources): remembered
 * beside the object, so held no longer than it is.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key: K): V => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
