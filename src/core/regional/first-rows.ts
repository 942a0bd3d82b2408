/**
 * SPEED MODULE: the duplicate check of the table readers, the one place of src/core/regional written for speed. The
 * plain code is a `Map` from each key to the first row that gave it (`firstRowsPlain`, the reference a property test
 * compares this to, tests/properties/first-rows.test.ts). At national scale (35 000 communes, 20 000 AM contracts)
 * that Map, or sorting the keys, cost 12 to 15 ms a table, a tenth of the regional compute: either is rebuilt in
 * fresh memory for every table, and on the benchmark machine fresh memory costs a page fault per 4 KB. This is an
 * open-addressing table of row numbers in two typed arrays kept from one table to the next (0,7 ms for 35 000
 * keys), the keys compared through the caller's array of them: nothing is allocated per key.
 *
 * One table at a time: starting a check invalidates the previous one, which then throws if used.
 */

/**
 * The first row of each key of `keys` (the caller's array, indexed by row): `seen(i)`, called once per row in
 * increasing order after `keys[i]` is set, returns the row before `i` with the same key, or -1 when it is the first.
 */
export interface FirstRows {
  seen(i: number): number;
}

/** The reference: what `firstRows` must answer, call for call. */
export function firstRowsPlain(keys: readonly string[]): FirstRows {
  const first = new Map<string, number>();
  return {
    seen(i) {
      const f = first.get(keys[i]);
      if (f !== undefined) return f;
      first.set(keys[i], i);
      return -1;
    },
  };
}

/** Per slot: the row + 1 it holds, and the check that wrote it (a slot of an older check is empty: no clearing). */
let rows = new Int32Array(0);
let stamps = new Int32Array(0);
let checks = 0;

/** For at most `keys.length` rows. */
export function firstRows(keys: readonly string[]): FirstRows {
  let size = 16;
  while (size < 2 * keys.length) size *= 2;
  if (rows.length < size) {
    rows = new Int32Array(size);
    stamps = new Int32Array(size);
  }
  const mine = ++checks;
  const mask = size - 1;
  return {
    seen(i) {
      if (checks !== mine) throw new Error("firstRows: a later check has started");
      const key = keys[i];
      // FNV-1a over the UTF-16 code units, then linear probing
      let h = 0x811c9dc5;
      for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        if (stamps[slot] !== mine) {
          stamps[slot] = mine;
          rows[slot] = i + 1;
          return -1;
        }
        const first = rows[slot] - 1;
        if (keys[first] === key) return first;
      }
    },
  };
}
