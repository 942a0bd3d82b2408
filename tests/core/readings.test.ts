/**
 * The readings of the product (issue 21 item 5): each has a stable id, and every output that applies a reading cites
 * it — both ways: no id cited that the list lacks, no reading the product never cites; the help page lists them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { READINGS } from "../../src/core/readings";

const SRC = resolve(__dirname, "../../src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.ts$/.test(f) ? [join(dir, f)] : []));

describe("the readings", () => {
  const sources = files(SRC).filter((f) => !f.endsWith("readings.ts"));
  const cited = new Set(sources.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/(?:cite|readingReference)\("(L-\d\d)"\)/g)].map((m) => m[1])));

  it("have unique ids, numbered in order", () => {
    expect(READINGS.map((r) => r.id)).toEqual(READINGS.map((_, i) => `L-${String(i + 1).padStart(2, "0")}`));
  });

  it("are each cited where they apply, and none is cited that the list lacks", () => {
    const ids = new Set<string>(READINGS.map((r) => r.id));
    for (const id of cited) expect(ids.has(id), id).toBe(true);
    for (const id of ids) expect(cited.has(id), `${id} cité nulle part`).toBe(true);
  });

  it("have replaced the anonymous « lecture retenue par le complément »", () => {
    for (const f of sources) expect(readFileSync(f, "utf8"), f).not.toMatch(/lecture retenue par le complément|lecture retenue :/);
  });
});
