import { describe, expect, it } from "vitest";
import { evaluate, excelDate } from "../support/built-functions";

describe("examples of issue 2, called on the built bundle as Excel calls them", () => {
  it('=CPTS.MISSION(4;"acces";"total";1;DATE(2022;10;1);120;VRAI) → 170 500 (seed 001, majoration taille 4)', () => {
    expect(evaluate("CPTS.MISSION", 4, "acces", "total", 1, excelDate(2022, 10, 1), 120, true)).toBe(170_500);
  });
  it('=CPTS.MISSION(2;"parcours";"fixe";1;DATE(2020;1;1)) → 35 000 (seed 003)', () => {
    expect(evaluate("CPTS.MISSION", 2, "parcours", "fixe", 1, excelDate(2020, 1, 1))).toBe(35_000);
  });
  it('=CPTS.MISSION(1;"crise_redaction";"total";1;DATE(2023;1;1)) → 25 000 (seed 001)', () => {
    expect(evaluate("CPTS.MISSION", 1, "crise_redaction", "total", 1, excelDate(2023, 1, 1))).toBe(25_000);
  });
  it("=AM.AID(1/3;2;DATE(2020;1;1)) → 9 000 (seed 002)", () => {
    expect(evaluate("AM.AID", 1 / 3, 2, excelDate(2020, 1, 1))).toBe(9_000);
  });
  it("=AM.AID(0,5;1;DATE(2024;9;1)) → 19 000 (ameli 2024 table)", () => {
    expect(evaluate("AM.AID", 0.5, 1, excelDate(2024, 9, 1))).toBe(19_000);
  });
  it('=AM.AID(2,4;1;DATE(2024;9;1);"P50-P70";1;"cds") → 86 400 (seed 004: 36 000 × 2,4 ETP)', () => {
    expect(evaluate("AM.AID", 2.4, 1, excelDate(2024, 9, 1), "P50-P70", 1, "cds")).toBe(86_400);
  });
  it("=CPTS.TAILLE(120000) → 3", () => {
    expect(evaluate("CPTS.TAILLE", 120_000)).toBe(3);
  });
});

describe("what analysts type, tolerated", () => {
  it("matches mission codes without case or accents", () => {
    expect(evaluate("CPTS.MISSION", 2, "Prévention", "Fixe", null, excelDate(2020, 1, 1))).toBe(15_000);
    expect(evaluate("CPTS.MISSION", 1, "Crise mise à jour", null, null, excelDate(2023, 1, 1))).toBe(12_500);
    expect(evaluate("CPTS.MISSION", 3, "QUALITÉ", null, null, "15/03/2021")).toBe(30_000);
  });
  it("caps the achievement rate at 100 % and reads text rates", () => {
    expect(evaluate("CPTS.MISSION", 1, "parcours", "variable", 1.4, excelDate(2020, 1, 1))).toBe(25_000);
    expect(evaluate("CPTS.MISSION", 1, "parcours", "variable", "50%", excelDate(2020, 1, 1))).toBe(12_500);
  });
  it("reads SAS as FAUX/non (no SAS: the 2019 accès total with its SNP volet, seed 003: T1 40 000) or VRAI/1", () => {
    const date = excelDate(2023, 1, 1);
    expect(evaluate("CPTS.MISSION", 1, "acces", "total", 1, date, 0, "non")).toBe(40_000);
    expect(evaluate("CPTS.MISSION", 1, "acces", "total", 1, date, 0, false)).toBe(40_000);
    expect(evaluate("CPTS.MISSION", 1, "acces", "total", 1, date, 0, 1)).toBe(80_000);
  });
  it("reads the 1/3 ETP as a fraction, 0,33 or the text « 1/3 »", () => {
    const date = excelDate(2020, 1, 1);
    expect(evaluate("AM.AID", 0.33, 1, date)).toBe(12_000);
    expect(evaluate("AM.AID", "1/3", 1, date)).toBe(12_000);
    expect(evaluate("AM.AID", 0.5, 1, date, "p90-p94")).toBe(18_000);
    expect(evaluate("AM.AID", 1, 2, date, "≥ P95")).toBe(36_000);
    expect(evaluate("AM.AID", 1, 1, excelDate(2024, 9, 1), null, null, "Centre de santé")).toBe(36_000);
  });
});

describe("bad input gives #VALUE! with a French message naming the argument", () => {
  const date = excelDate(2023, 1, 1);
  it.each([
    ["taille 5", ["CPTS.MISSION", 5, "acces", "total", 1, date], /taille.*1, 2, 3 ou 4/],
    ["unknown mission", ["CPTS.MISSION", 1, "urgences", "total", 1, date], /mission : code inconnu « urgences » ; codes : acces/],
    ["unknown volet", ["CPTS.MISSION", 1, "acces", "moitie", 1, date], /volet.*fixe.*variable.*total/],
    ["negative rate", ["CPTS.MISSION", 1, "acces", "total", -0.2, date], /atteinte.*positif/],
    ["text date", ["CPTS.MISSION", 1, "acces", "total", 1, "demain"], /date_signature.*date attendue/],
    // a year alone in a date cell is Excel's day 2023, 15/07/1905: said as such, not « before the ACI CPTS »
    [
      "a year for a date",
      ["CPTS.MISSION", 1, "acces", "total", 1, 2023],
      /^date_signature : 2023 : une année seule \? Excel la lit comme le 15\/07\/1905 ; saisir la date complète \(ex\. 01\/01\/2023\)$/,
    ],
    ["a year for a date, as text", ["AM.AID", 0.5, 1, "2021"], /^date_signature : 2021 : une année seule \?/],
    ["negative members", ["CPTS.MISSION", 4, "acces", "total", 1, date, -3], /membres.*positive/],
    ["bad SAS", ["CPTS.MISSION", 4, "acces", "total", 1, date, 0, "peut-être"], /sas.*VRAI ou FAUX/],
    ["negative population", ["CPTS.TAILLE", -10], /population.*positive/],
    ["text population", ["CPTS.TAILLE", "beaucoup"], /population.*nombre attendu/],
    ["1/3 ETP after 01/05/2023", ["AM.AID", 1 / 3, 1, excelDate(2023, 6, 1)], /etp.*1\/3.*fermée/],
    ["more than 4 ETP in a centre", ["AM.AID", 5, 1, excelDate(2024, 9, 1), null, null, "cds"], /etp.*entre 0 et 4/],
    ["0,7 ETP libéral", ["AM.AID", 0.7, 1, date], /etp.*1\/3, 0,5 ou 1/],
    ["contract year 0", ["AM.AID", 0.5, 0, date], /annee_contrat/],
    ["contract year 1,5", ["AM.AID", 0.5, 1.5, date], /annee_contrat/],
    ["unknown band", ["AM.AID", 0.5, 3, date, "P10-P20"], /bande.*P30-P50/],
    ["unknown regime", ["AM.AID", 0.5, 3, date, null, null, "hopital"], /regime.*liberal.*cds/],
    ["a range where a value is expected", ["CPTS.MISSION", [[1, 2]], "acces"], /taille.*plage/],
  ])("%s", (_label, [id, ...args], message) => {
    const result = evaluate(id as string, ...args) as { code: string; message: string };
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(message);
  });

  it("uses today's rules when the date is left out", () => {
    // 2026 rules: avenant 2, accès T1 80 000; CM 2024, 1/2 ETP year 1 = 19 000
    expect(evaluate("CPTS.MISSION", 1, "acces")).toBe(80_000);
    expect(evaluate("AM.AID", 0.5, 1)).toBe(19_000);
  });
});
