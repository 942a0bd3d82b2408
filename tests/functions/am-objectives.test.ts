/**
 * Issue 11: assistant médical objectives, on the built bundle (both Excel modes). Sources: seed 004 (« Suivi des
 * engagements selon la composition du CDS », « Le suivi des contreparties d'augmentation de patientèle », « 0,5 ETP
 * d'assistant médical pour 1 ETP de médecin … dans la limite de 4 ETP »), avenant 7 art. 9-5-2-2 (option 1/3 grid,
 * notes/domain-rules.md §3.1).
 */
import { describe, expect, it } from "vitest";
import { BLANK, evaluate, excelDate } from "../support/built-functions";

const cds = excelDate(2024, 9, 1);
const lib = excelDate(2021, 3, 1);
const err = (v: unknown) => v as { code: string; message: string };

describe("AM.OBJECTIF", () => {
  it.each([
    ["P30-P50", 0.25],
    ["P50-P70", 0.2],
    ["P70-P90", 0.15],
    ["P90-P95", 0.05],
    ["P95+", 0],
  ])("centre de santé, %s: %f (seed 004)", (bande, expected) => {
    expect(evaluate("AM.OBJECTIF", bande, null, "cds", cds)).toBe(expected);
  });

  it("seed 004's example: FA in P30-P50, PMT in P70-P90 → +15 % for both, the more favourable", () => {
    expect(evaluate("AM.OBJECTIF", "P70-P90", null, "cds", cds, "P30-P50")).toBe(0.15);
    expect(evaluate("AM.OBJECTIF", "P30-P50", null, "cds", cds, "P70-P90")).toBe(0.15);
  });

  it.each([
    ["P30-P50", 0.2],
    ["P50-P70", 0.15],
    ["P70-P90", 0.075],
    ["P90-P95", 0.04],
    ["P95+", 0],
  ])("libéral avenant 7, option 1/3, %s: %f", (bande, expected) => {
    expect(evaluate("AM.OBJECTIF", bande, 1 / 3, "liberal", lib)).toBe(expected);
  });

  it("the cells no source gives are #N/A, saying to type the objective written in the contract", () => {
    const gap = err(evaluate("AM.OBJECTIF", "P50-P70", 0.5, "liberal", lib));
    expect(gap.code).toBe("#N/A");
    expect(gap.message).toBe("bande : objectif de l'option 1/2 ETP en P50-P70 absent des sources : saisir l'objectif écrit dans le contrat");
    expect(evaluate("AM.OBJECTIF", "P30-P50", 0.5, "liberal", lib)).toBe(0.25);
    const cm2024 = err(evaluate("AM.OBJECTIF", "P30-P50", 0.5, "liberal", excelDate(2024, 9, 1)));
    expect(cm2024.code).toBe("#N/A");
    expect(cm2024.message).toMatch(/convention médicale 2024.*saisir l'objectif écrit dans le contrat/);
    expect(err(evaluate("AM.OBJECTIF", "P30-P50", null, "cds", excelDate(2022, 1, 1))).code).toBe("#N/A");
  });

  it("bad input: an unknown band, no option for a libéral, a file-active band for a libéral", () => {
    expect(err(evaluate("AM.OBJECTIF", "P10-P20", 0.5)).message).toMatch(/^bande : bande inconnue « P10-P20 »/);
    expect(err(evaluate("AM.OBJECTIF", "P30-P50", null, "liberal", lib)).message).toMatch(/^etp : option du contrat attendue/);
    expect(err(evaluate("AM.OBJECTIF", "P30-P50", 0.5, "liberal", lib, "P50-P70")).message).toMatch(/^bande_fa : .*centres de santé/);
  });
});

describe("AM.ATTEINTE (seed 004, « Le suivi des contreparties »)", () => {
  it("one indicator reaching the objective, the other not falling: 1", () => {
    // PMT 1 000 → 1 160 (+16 % ≥ 15 %), FA 1 200 → 1 210
    expect(evaluate("AM.ATTEINTE", 0.15, 1_000, 1_160, 1_200, 1_210, "cds")).toBe(1);
  });

  it("one reaching it while the other falls: 0 for a centre de santé", () => {
    expect(evaluate("AM.ATTEINTE", 0.15, 1_000, 1_160, 1_200, 1_100, "cds")).toBe(0);
  });

  it("both rising without reaching it: prorated on the one that rose most", () => {
    // PMT +6 %, FA +9 % of a 15 % objective → 9 / 15 = 0,6
    expect(evaluate("AM.ATTEINTE", 0.15, 1_000, 1_060, 1_000, 1_090, "cds")).toBeCloseTo(0.6, 12);
  });

  it("maintien: 1 if not below the start, 0 below", () => {
    expect(evaluate("AM.ATTEINTE", 0, 1_000, 1_000)).toBe(1);
    expect(evaluate("AM.ATTEINTE", 0, 1_000, 990)).toBe(0);
  });

  it("a specialist's contract uses the file active alone", () => {
    expect(evaluate("AM.ATTEINTE", 0.1, null, null, 2_000, 2_100, "specialiste")).toBeCloseTo(0.5, 12);
  });

  it("its rate feeds AM.AID: year 3, 1 ETP centre, 60 % of 21 000 = 12 600", () => {
    const rate = evaluate("AM.ATTEINTE", 0.15, 1_000, 1_060, 1_000, 1_090, "cds") as number;
    expect(evaluate("AM.AID", 1, 3, cds, "P50-P70", rate, "cds")).toBe(12_600);
  });

  it("an end count left blank is refused in both Excels, never read as 0 patients (−100 %)", () => {
    // desktop Excel passes the blank as 0: a centre de santé whose file active « fell to 0 » got no aid from year 3
    // (seed 004: one indicator reaching the objective while the other falls → 0)
    const blankEnd = "effectif de fin de période non renseigné (ou 0, cellule vide d'Excel bureau) : le renseigner";
    expect(err(evaluate("AM.ATTEINTE", 0.15, 1_000, BLANK))).toEqual({ code: "#VALUE!", message: `pmt_fin : ${blankEnd}` });
    expect(err(evaluate("AM.ATTEINTE", 0.15, 1_000, 1_100, 800, BLANK, "cds"))).toEqual({ code: "#VALUE!", message: `fa_fin : ${blankEnd}` });
    // the file active left out altogether is still the PMT alone
    expect(evaluate("AM.ATTEINTE", 0.15, 1_000, 1_100, BLANK, BLANK, "cds")).toBeCloseTo(0.1 / 0.15, 12);
  });

  it("starts of 0 or negative counts are errors naming the argument; objectives typed 15 are refused", () => {
    expect(err(evaluate("AM.ATTEINTE", 0.15, 0, 100)).message).toBe("pmt_depart : effectif de départ strictement positif attendu, reçu 0");
    expect(err(evaluate("AM.ATTEINTE", 0.15, 100, -5)).message).toMatch(/^pmt_fin : valeur positive ou nulle attendue/);
    expect(err(evaluate("AM.ATTEINTE", 15, 100, 120)).message).toBe("objectif : taux saisi 15 : saisir 15 % ou 0,15");
    expect(err(evaluate("AM.ATTEINTE", "beaucoup", 100, 120)).message).toMatch(/^objectif : nombre attendu/);
  });
});

describe("AM.ETP_MAX (seed 004: 0,5 ETP per ETP of doctor, at most 4)", () => {
  it.each([
    [4.8, 2.4],
    [7.9, 3.95],
    [8, 4],
    [8.1, 4],
    [20, 4],
    [1, 0.5],
  ])("%f ETP of doctors → %f (contract of 01/09/2024)", (medecins, expected) => {
    expect(evaluate("AM.ETP_MAX", medecins, excelDate(2024, 9, 1))).toBe(expected);
  });
  // accord national des centres de santé of 28/08/2025 (JO 15/10/2025): 8 ETP per centre from 16/10/2025, no ceiling
  // in a zone sous-dense (to confirm)
  it("from 16/10/2025 a centre is financed up to 8 ETP, without ceiling in a zone sous-dense", () => {
    expect(evaluate("AM.ETP_MAX", 20, excelDate(2025, 10, 15))).toBe(4);
    expect(evaluate("AM.ETP_MAX", 20, excelDate(2025, 10, 16))).toBe(8);
    expect(evaluate("AM.ETP_MAX", 12, excelDate(2025, 10, 16))).toBe(6);
    expect(evaluate("AM.ETP_MAX", 20, excelDate(2025, 10, 16), true)).toBe(10);
    // before the accord the zone changes nothing
    expect(evaluate("AM.ETP_MAX", 20, excelDate(2025, 10, 15), true)).toBe(4);
    // the date left out is today's (07/12/2026 or later: the accord's 8)
    expect(evaluate("AM.ETP_MAX", 20)).toBe(8);
  });
  it("refuses 0 and text", () => {
    expect(err(evaluate("AM.ETP_MAX", 0)).message).toMatch(/^etp_medecins : nombre d'ETP de médecins strictement positif/);
    expect(err(evaluate("AM.ETP_MAX", "beaucoup")).code).toBe("#VALUE!");
  });
});
