/** The rules core's one cache (issue 21 item 4): same answers as the function, bounded, `undefined` remembered. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memo, memoByObject } from "../../src/core/memo";
import { normalizeCode } from "../../src/core/text";

describe("memo", () => {
  it("answers as the function does and computes each key once", () => {
    let calls = 0;
    const square = memo((n: number) => (calls++, n * n));
    expect([square(3), square(3), square(4)]).toEqual([9, 9, 16]);
    expect(calls).toBe(2);
  });

  it("remembers an undefined answer (a header that is no field)", () => {
    let calls = 0;
    const none = memo((_: string) => (calls++, undefined));
    none("x");
    none("x");
    expect(calls).toBe(1);
  });

  it("never holds more than its bound: emptied, then filled again", () => {
    let calls = 0;
    const f = memo((n: number) => (calls++, n), 3);
    for (const n of [1, 2, 3, 4, 1]) f(n);
    // 1, 2, 3 held; 4 empties it; 1 is computed again
    expect(calls).toBe(5);
  });

  it("keeps normalizeCode's answers (codes matched without case, accents or spaces)", () => {
    expect(normalizeCode("  Prévention ")).toBe("prevention");
    expect(normalizeCode("Mon soutien psy")).toBe("mon_soutien_psy");
    expect(normalizeCode("Mon soutien psy")).toBe("mon_soutien_psy");
  });

  it("folds a plain ASCII code by its case alone, as the full folding would (the fast path of normalizeCode)", () => {
    // the full folding, written out: accents and invisible characters dropped, case, spaces and dashes
    const full = (t: string) =>
      t
        .normalize("NFD")
        .replace(/[\u0300-\u036f\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
        .toLowerCase()
        .trim()
        .replace(/[\s\-–—'’]+/g, "_");
    const chars = fc.constantFrom(..."aZ09_-' .,/(é\u00a0\u200bÉ\t’–".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: chars }), fc.string({ unit: "grapheme-ascii" })), (t) => normalizeCode(t) === full(t)),
      {
        numRuns: 2_000,
      },
    );
    expect(normalizeCode("CPTS_033")).toBe("cpts_033");
    expect(normalizeCode("MSP-Nord 2")).toBe("msp_nord_2");
  });

  it("memoByObject computes once per object and tells two equal objects apart", () => {
    let calls = 0;
    const size = memoByObject((o: { n: number }) => (calls++, o.n * 2));
    const a = { n: 2 };
    expect([size(a), size(a), size({ n: 2 })]).toEqual([4, 4, 4]);
    expect(calls).toBe(2);
  });
});
