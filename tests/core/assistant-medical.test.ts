import { describe, expect, it } from "vitest";
import { amAid, type Bande } from "../../src/core/assistant-medical";
import { LIBERAL } from "../../src/core/assistant-medical/params";
import { confidenceOf } from "../../src/core/params";

function aid(etp: number, annee: number, date: string, bande?: Bande, atteinte = 1, regime: "liberal" | "cds" = "liberal") {
  return amAid({ etp, anneeContrat: annee, dateSignature: date, bande, atteinte, regime }).montant;
}

describe("médecins libéraux, avenant 7 (seed 002 « Assistants médicaux » and « Zone sous dense »)", () => {
  it.each([
    [1 / 3, [12_000, 9_000, 7_000]],
    [0.5, [18_000, 13_500, 10_500]],
    [1, [36_000, 27_000, 21_000]],
  ])("option %f: years 1, 2, 3 and 4", (etp, [y1, y2, y3]) => {
    const date = "2020-01-01";
    expect(aid(etp, 1, date)).toBe(y1);
    expect(aid(etp, 2, date)).toBe(y2);
    expect(aid(etp, 3, date)).toBe(y3);
    expect(aid(etp, 4, date)).toBe(y3);
  });

  it.each([
    // avenant 7 art. 9-5-2-2 / ameli 2024 « avant » column: P90-P95 from year 3, P95+ every year
    [1 / 3, 8_350, 12_000],
    [0.5, 12_500, 18_000],
    [1, 25_000, 36_000],
  ])("option %f: P90-P95 and P95+", (etp, p90, p95) => {
    const date = "2019-10-01";
    expect(aid(etp, 1, date, "P90-P95")).toBe([12_000, 18_000, 36_000][[1 / 3, 0.5, 1].indexOf(etp)]);
    expect(aid(etp, 3, date, "P90-P95")).toBe(p90);
    expect(aid(etp, 1, date, "P95+")).toBe(p95);
    expect(aid(etp, 3, date, "P95+")).toBe(p95);
  });

  it("modulates from year 3 only (seed 002: « modulation à partir de la 3e année »)", () => {
    expect(aid(0.5, 2, "2020-01-01", undefined, 0.5)).toBe(13_500);
    expect(aid(0.5, 3, "2020-01-01", undefined, 0.5)).toBe(5_250);
  });
});

describe("convention médicale 2024 (ameli, « ce qui change dès juin 2024 »)", () => {
  it.each([
    [0.5, [19_000, 14_000, 11_000], 13_000, 19_000],
    [1, [38_000, 28_000, 22_000], 26_000, 38_000],
  ])("new contract, option %f", (etp, [y1, y2, y3], p90, p95) => {
    const date = "2024-09-01";
    expect(aid(etp, 1, date)).toBe(y1);
    expect(aid(etp, 2, date)).toBe(y2);
    expect(aid(etp, 3, date)).toBe(y3);
    expect(aid(etp, 3, date, "P90-P95")).toBe(p90);
    expect(aid(etp, 1, date, "P95+")).toBe(p95);
  });

  it("raises a running 1/3 ETP contract at its anniversary: 7 350 / 8 767 / 12 600", () => {
    // signed 01/03/2023 (before the closure): year 2 starts 01/03/2024 (old table), year 3 on 01/03/2025 (new table)
    expect(aid(1 / 3, 2, "2023-03-01")).toBe(9_000);
    expect(aid(1 / 3, 3, "2023-03-01")).toBe(7_350);
    // signed 22/06/2022: year 3 starts on 22/06/2024, the first day of the new table
    expect(aid(1 / 3, 2, "2022-06-22")).toBe(9_000);
    expect(aid(1 / 3, 3, "2022-06-22")).toBe(7_350);
    expect(aid(1 / 3, 3, "2022-06-22", "P90-P95")).toBe(8_767);
    expect(aid(1 / 3, 3, "2022-06-22", "P95+")).toBe(12_600);
    // signed 21/06/2021: year 4 starts on 21/06/2024, still the old table
    expect(aid(1 / 3, 4, "2021-06-21")).toBe(7_000);
  });

  it("holds every cell of the 2024 table for the 1/3 option", () => {
    // The 1/3 option closed on 01/05/2023, so a year 2 starting after 22/06/2024 cannot happen:
    // the 9 450 cell is checked on the parameter table itself.
    const cm2024 = LIBERAL["1/3"].find((e) => e.from === "2024-06-22");
    expect(cm2024?.value).toEqual({ annee1: null, annee2: 9_450, annee3: 7_350, annee3P90: 8_767, p95: 12_600 });
    expect(cm2024 && confidenceOf(cm2024)).toBe("official");
  });

  it("refuses the 1/3 option for contracts signed from 01/05/2023 (règlement arbitral)", () => {
    expect(() => aid(1 / 3, 1, "2023-05-01")).toThrow(/etp.*1\/3.*01\/05\/2023/);
    expect(aid(1 / 3, 1, "2023-04-30")).toBe(12_000);
  });
});

describe("centres de santé, avenant 5 (seed 004 « Assistant Médical : financement »)", () => {
  it.each([
    [1, 36_000],
    [2, 27_000],
    [3, 21_000],
    [7, 21_000],
  ])("year %i, 1 ETP: %i", (annee, montant) => {
    expect(aid(1, annee, "2024-09-01", undefined, 1, "cds")).toBe(montant);
  });

  it("multiplies by the ETP count (4,8 ETP médecins → 2,4 ETP AM)", () => {
    expect(aid(2.4, 1, "2024-09-01", "P50-P70", 1, "cds")).toBe(86_400);
  });

  it("uses 25 000 from year 3 between P90 and P95, 36 000 every year at P95", () => {
    expect(aid(1, 2, "2024-09-01", "P90-P95", 1, "cds")).toBe(27_000);
    expect(aid(1, 3, "2024-09-01", "P90-P95", 1, "cds")).toBe(25_000);
    expect(aid(1, 1, "2024-09-01", "P95+", 1, "cds")).toBe(36_000);
    expect(aid(1, 5, "2024-09-01", "P95+", 1, "cds")).toBe(36_000);
  });

  it("caps a centre at 4 ETP and starts on 06/08/2024", () => {
    expect(aid(4, 1, "2024-09-01", undefined, 1, "cds")).toBe(144_000);
    expect(() => aid(4.5, 1, "2024-09-01", undefined, 1, "cds")).toThrow(/etp.*4/);
    // a contract signed the day before is an avenant 3 contract (below)
    expect(aid(1, 1, "2024-08-05", undefined, 1, "cds")).toBe(36_000);
  });
});

describe("centres de santé, avenant 3 (contracts signed before 06/08/2024; RULES.md rule-families table)", () => {
  // 36 000 / 27 000 / 21 000 € per ETP, at most 4 ETP (avenant 3 CDS, S54); no band majoration in the sources
  it.each([
    [1, 36_000],
    [2, 27_000],
    [3, 21_000],
    [5, 21_000],
  ])("year %i, 1 ETP: %i", (annee, montant) => {
    expect(aid(1, annee, "2021-03-01", undefined, 1, "cds")).toBe(montant);
  });

  it("keeps the avenant 3 table for every year of the contract, ETP multiplied, at most 4", () => {
    // signed 01/03/2022: year 3 starts on 01/03/2024, year 4 on 01/03/2025, after avenant 5: still 21 000 per ETP
    expect(aid(2, 4, "2022-03-01", undefined, 1, "cds")).toBe(42_000);
    expect(aid(4, 1, "2021-03-01", undefined, 1, "cds")).toBe(144_000);
    expect(() => aid(4.5, 1, "2021-03-01", undefined, 1, "cds")).toThrow(/etp.*4/);
  });

  it("applies no band majoration and says the value is to confirm, and why", () => {
    expect(aid(1, 3, "2021-03-01", "P90-P95", 1, "cds")).toBe(21_000);
    expect(aid(1, 2, "2021-03-01", "P95+", 1, "cds")).toBe(27_000);
    const r = amAid({ etp: 1, anneeContrat: 3, dateSignature: "2021-03-01", bande: "P95+", atteinte: 1, regime: "cds" });
    expect(r.version).toBe("avenant 3 centres de santé");
    expect(r.confidence).toBe("to-confirm");
    expect(r.why).toMatch(/aucune majoration P90-P95 ni P95\+/);
  });

  it("starts with the avenant 3 (JO 03/09/2020)", () => {
    expect(() => aid(1, 1, "2020-09-02", undefined, 1, "cds")).toThrow(/date_signature.*03\/09\/2020/);
  });
});
