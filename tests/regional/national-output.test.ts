/**
 * The regional job's output on the bench's national input (35 000 communes, 1 000 CPTS, 2 500 MSP, 20 000 AM
 * contracts, reference year 2023), compared cell by cell, to the last bit of every number, with what the job produced
 * before its table readers were rewritten for speed (issue 23: readers by slot, the duplicate check, the MSP and AM
 * records; the first fixture was written by commit 7bba221, and matched by the rewritten readers to the last bit).
 * When the bench's communes moved into CPTS of their own département, the fixture was written again on that input, by
 * the code of commit 395fc4a (before the communes were grouped as read); the code of 7bba221 writes the same file, byte
 * for byte. A change of reader, key check or year rule that moves a figure, a message or a reading fails here. Regenerate only for a change of rules, with the CHANGELOG entry saying which figures
 * move: UPDATE_NATIONAL_FIXTURE=1 npx vitest run tests/regional/national-output.test.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { nationalInput } from "../../scripts/bench-input";
import { mulberry32 } from "../../scripts/random";
import { buildRegionalSheets } from "../../src/core/regional";

const FIXTURE = resolve(__dirname, "fixtures/national-2023.json");

describe("the regional job at national scale", () => {
  it("gives the sheets, warnings and readings it gave before the readers were rewritten", () => {
    const { tables } = nationalInput(mulberry32(42));
    const result = JSON.parse(JSON.stringify(buildRegionalSheets({ tables, annee: 2023 })));
    if (process.env.UPDATE_NATIONAL_FIXTURE) writeFileSync(FIXTURE, JSON.stringify(result));
    expect(result.problems).toEqual([]);
    expect(result.sheets.length).toBe(6);
    expect(result).toEqual(JSON.parse(readFileSync(FIXTURE, "utf8")));
  }, 60_000);
});
