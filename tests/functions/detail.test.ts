/**
 * Issue 10 item 11: a cell can be followed to its law. ACI.MSP_DETAIL's Source column shows the reference title and
 * URL; CPTS.DETAIL and AM.DETAIL (the arguments of CPTS.MISSION and AM.AID) spill the amount, the table line used, the
 * version, the majorations and the reference. Called on the built bundle as Excel calls them.
 */
import { describe, expect, it } from "vitest";
import { CPTS_DETAIL_SIZE } from "../../src/core/aci-cpts/detail";
import { AM_DETAIL_SIZE } from "../../src/core/assistant-medical/detail";
import { evaluate, excelDate } from "../support/built-functions";
import { SEED_002_FIELDS, SEED_002_VALUES } from "../support/msp-fields";

const row = (rows: unknown[][], label: string) => rows.find((r) => r[0] === label)?.[1];

describe("CPTS.DETAIL", () => {
  it('=CPTS.DETAIL(4;"acces";"total";1;DATE(2022;10;1);120;VRAI): 170 500 €, avenant 2, +10 % (seed 001)', () => {
    const rows = evaluate("CPTS.DETAIL", 4, "acces", "total", 1, excelDate(2022, 10, 1), 120, true) as unknown[][];
    expect([rows[0].length, rows.length]).toEqual(CPTS_DETAIL_SIZE);
    expect(row(rows, "Montant (volet demandé)")).toBe(170_500);
    expect(row(rows, "Montant (volet demandé)")).toBe(evaluate("CPTS.MISSION", 4, "acces", "total", 1, excelDate(2022, 10, 1), 120, true));
    expect(row(rows, "Version")).toBe("ACI CPTS : avenant 2");
    expect(row(rows, "Majoration")).toBe("+10 % (taille 4, 120 membres)");
    expect(row(rows, "Référence")).toMatch(/CPR ACI CPTS Nouvelle-Aquitaine.*« Modifications de la mission accès aux soins »/);
    expect(row(rows, "Ligne du barème")).toMatch(/Accès aux soins \(socle\), taille 4, barème en vigueur le 01\/10\/2022/);
  });

  it("says whether the territory has a SAS where it picks the accès table: the default is said too (seed 001, « 4 cas possibles »)", () => {
    const d = excelDate(2022, 10, 1);
    // sas left out (or a blank cell, or a desktop 0): the avenant 2 table, 170 500 €, and the reading said
    const withSas = evaluate("CPTS.DETAIL", 4, "acces", "total", 1, d, 120) as unknown[][];
    expect(row(withSas, "Ligne du barème")).toBe(
      "Accès aux soins (socle), taille 4, barème en vigueur le 01/10/2022, territoire avec SAS (sas : VRAI par défaut ; sans SAS, saisir FAUX ou non), atteinte 100 %",
    );
    // FAUX: seed 003's 2019 T4 total, 80 000 €, +10 % (120 members) = 88 000 €
    const without = evaluate("CPTS.DETAIL", 4, "acces", "total", 1, d, 120, false) as unknown[][];
    expect(row(without, "Montant (volet demandé)")).toBe(88_000);
    expect(row(without, "Ligne du barème")).toMatch(/barème en vigueur le 02\/09\/2022 \(sans SAS : barème 2019 de l'accès aux soins\)/);
    // before avenant 2 the SAS changes nothing, and nothing is said
    expect(row(evaluate("CPTS.DETAIL", 4, "acces", "total", 1, excelDate(2020, 1, 1)) as unknown[][], "Ligne du barème")).not.toMatch(/SAS/);
  });

  it("2019 accès total: the SNP compensation volet included, with the ACI CPTS's text and address (seed 003: T2 47 000 €)", () => {
    const rows = evaluate("CPTS.DETAIL", 2, "acces", "total", 1, excelDate(2020, 1, 1)) as unknown[][];
    expect(row(rows, "Total")).toBe(47_000);
    expect(row(rows, "Inclus dans le total")).toMatch(/12\s000 €/);
    expect(row(rows, "Référence")).toMatch(/Bilan de la négociation ACI CPTS 2019.*ACI CPTS, arrêté du 21\/08\/2019.*https:\/\/juriblio\.fr/);
  });

  it("bad input: the same French message as CPTS.MISSION", () => {
    expect((evaluate("CPTS.DETAIL", 5, "acces") as { message: string }).message).toMatch(/taille.*1, 2, 3 ou 4/);
  });
});

describe("AM.DETAIL", () => {
  it('=AM.DETAIL(2,4;1;DATE(2024;9;1);"P50-P70";1;"cds"): 86 400 €, 36 000 per ETP × 2,4 (seed 004)', () => {
    const rows = evaluate("AM.DETAIL", 2.4, 1, excelDate(2024, 9, 1), "P50-P70", 1, "cds") as unknown[][];
    expect([rows[0].length, rows.length]).toEqual(AM_DETAIL_SIZE);
    expect(row(rows, "Montant de l'année")).toBe(86_400);
    expect(row(rows, "Barème (par option ou par ETP)")).toBe(36_000);
    expect(row(rows, "Version")).toBe("avenant 5 centres de santé");
    expect(row(rows, "Multiplicateur")).toBe("2,4 ETP d'assistant médical");
  });

  it("an avenant 3 centre contract says its value is to confirm, and why", () => {
    const rows = evaluate("AM.DETAIL", 1, 3, excelDate(2021, 3, 1), "P90-P95", 1, "cds") as unknown[][];
    expect(row(rows, "Montant de l'année")).toBe(21_000);
    expect(row(rows, "Statut")).toMatch(/^valeur à confirmer : .*aucune majoration P90-P95 ni P95\+/);
    expect(row(rows, "Référence")).toMatch(/avenant 3 à l'accord national des centres de santé/);
  });
});

describe("ACI.MSP_DETAIL's Source column", () => {
  it("shows the CNAM guide's title and address for an avenant 1 year", () => {
    const rows = evaluate("ACI.MSP_DETAIL", [["annee", "patientele", "coordination"]], [[2022, 4_000, 1]]) as unknown[][];
    const coordination = rows.find((r) => r[1] === "Fonction de coordination")!;
    expect(coordination[7]).toMatch(/Guide des indicateurs ACI.*« Fonction de coordination ».*\(https:\/\/github\.com\/aspart-am\/PartnerCompensation\)/);
  });
});

describe("ACI.MSP_DETAIL's rows, which Excel keeps until it sends them", () => {
  // The custom-functions runtime stores a result by reference and serializes it some 50 ms later, with the results of
  // other cells (custom-functions-runtime.js, _setResultWithOutboundData / _executeSetResultsTask): a detail must not
  // change when the next cells are computed, although the rows no indicator changes are shared between cells.
  const detail = (fields: Record<string, unknown>) => evaluate("ACI.MSP_DETAIL", [Object.keys(fields)], [Object.values(fields)]) as unknown[][];
  const seed002 = Object.fromEntries(SEED_002_FIELDS.map((code, i) => [code, SEED_002_VALUES[i]]));
  const total = (rows: unknown[][]) => rows.find((r) => r[0] === "Total")!;
  const cstm = (rows: unknown[][]) => rows.find((r) => r[1] === "Accueil de médecins CSTM")!;

  it("a detail is unchanged by the details computed after it (seed 002's example: 6 170 points, 43 190 €)", () => {
    const first = detail(seed002);
    const sent = JSON.stringify(first);
    expect(total(first).slice(5, 7)).toEqual([6_170, 43_190]);
    expect(cstm(first).slice(3, 9)).toEqual([0, 0, 0, 0, expect.stringMatching(/Accueil CSTM/), ""]);
    for (let annee = 2017; annee <= 2025; annee++) {
      // the same MSP claiming the CSTM indicator (seed 002: 200 points fixes), with a crisis plan from 2022
      const other = detail({ ...seed002, annee, cstm: 1, crise_plan: 1, protocoles: annee % 9 });
      if (annee === 2020) expect(cstm(other).slice(3, 7)).toEqual([200, 0, 200, 1_400]);
    }
    expect(JSON.stringify(first)).toBe(sent);
  });

  it("a row shared between cells cannot be written into", () => {
    const row = cstm(detail(seed002));
    expect(() => {
      row[6] = 1_400;
    }).toThrow(TypeError);
    expect(cstm(detail(seed002))[6]).toBe(0);
  });
});
