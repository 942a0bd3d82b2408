/**
 * SPEED MODULE: the duplicate check of the table readers, the one place of src/core/regional written for speed. The
 * plain code is a `Map` from each key to the first row that gave it (`firstRowsPlain`, the reference a property test
 * compares this to, tests/properties/first-rows.test.ts). At national scale (35 000 communes, 20 000 AM contracts)
 * that Map, or sorting the keys, cost 12 to 15 ms a table, a tenth of the regional compute: either is rebuilt in
 * fresh memory for every table, and on the benchmark machine fresh memory costs a page fault per 4 KB. This is an
 * open-addressing table of row numbers in one typed array kept from one table to the next (0,7 ms for 35 000
 * keys); two keys of one hash are compared by asking the caller for the first one again: nothing is kept or
 * allocated per key.
 *
 * One table at a time: starting a check invalidates the previous one, which then throws if used.
 */

/**
 * The first row of each key: `seen(key, i)`, called at most once per row, rows in increasing order, returns the row
 * before `i` that gave `key`, or -1 when `i` is its first.
 */
export interface FirstRows {
  seen(key: string, i: number): number;
}

/** The reference: what `firstRows` must answer, call for call. */
export function firstRowsPlain(): FirstRows {
  const first = new Map<string, number>();
  return {
    seen(key, i) {
      const f = first.get(key);
      if (f !== undefined) return f;
      first.set(key, i);
      return -1;
    },
  };
}

/**
 * Per slot, two 32-bit words side by side (one cache line for a probe): the check that wrote it (high 10 bits) with the
 * row + 1 it holds (low 22 bits), then the key's hash, so that two keys are compared only when their hashes are equal.
 * A slot of an older check is empty without clearing; the table is cleared once every 1 023 checks, when the check
 * number wraps.
 */
const ROW_BITS = 22;
const ROW_MASK = (1 << ROW_BITS) - 1;
const CHECKS = 1 << (32 - ROW_BITS);
let slots = new Int32Array(0);
let checks = 0;

/**
 * For rows 0 to `rows` - 1 (up to 4 194 302, far beyond a worksheet's 1 048 576); `keyOfRow(i)` gives again the key a
 * row seen before gave (called only when two keys have the same hash).
 */
export function firstRows(rows: number, keyOfRow: (i: number) => string): FirstRows {
  if (rows >= ROW_MASK) throw new Error(`firstRows: ${rows} rows`);
  let size = 16;
  while (size < 2 * rows) size *= 2;
  if (slots.length < 2 * size) slots = new Int32Array(2 * size);
  if (++checks === CHECKS) {
    slots.fill(0);
    checks = 1;
  }
  const mine = checks;
  const stamp = mine << ROW_BITS;
  const mask = size - 1;
  return {
    seen(key, i) {
      if (checks !== mine) throw new Error("firstRows: a later check has started");
      // FNV-1a over the UTF-16 code units, then linear probing
      let h = 0x811c9dc5 | 0;
      for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const word = slots[2 * slot];
        if (word >>> ROW_BITS !== mine) {
          slots[2 * slot] = stamp | (i + 1);
          slots[2 * slot + 1] = h;
          return -1;
        }
        if (slots[2 * slot + 1] !== h) continue;
        const first = (word & ROW_MASK) - 1;
        if (keyOfRow(first) === key) return first;
      }
    },
  };
}
