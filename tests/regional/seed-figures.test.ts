/**
 * Issue 12, the figures the seed slides show that the sheets lacked: CPTS amounts actually due for the year (first
 * contract year prorated, 2022 split at 03/09/2022) and the taille × mission table (seed 001), the change of each axis's
 * weight and the ACI adhesions by year since 2017 (seed 000: +136 % in Bretagne from 2017 to 2020), the stage table by
 * département (seed 001, « Revue des projets CPTS »). Expected values computed by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { buildRegionalSheets, tableColumns, type SheetModel } from "../../src/core/regional";
import { segmentsOf } from "../../src/core/regional/cpts-remuneration";
import { table } from "./fixtures";
import { PREREQUISITE_FIELDS } from "../support/msp-fields";

const CPTS_HEADER = ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"];
const byTitle = (sheet: SheetModel, title: RegExp) => sheet.tables.find((t) => title.test(t.title))!.rows;
const cents = (n: number) => Math.round(n * 100) / 100;

describe("Rémunérations CPTS: the amounts due for the year", () => {
  it("a CPTS signed on 01/07 gets its fonctionnement in full and 184/365 of each mission's yearly envelope", () => {
    // T1 (30 000 inhabitants), SAS, signed 01/07/2023: 184 days of 2023
    const cpts = table("CPTS", CPTS_HEADER, [["A", "CPTS A", "33", "5", 30_000, "01/07/2023", 20, 1]]);
    const sheet = buildRegionalSheets({ tables: { cpts }, annee: 2023, kinds: ["remunerations_cpts"] }).sheets[0];
    const byMission = byTitle(sheet, /^Par mission/);
    // seed 001, T1: fonctionnement 50 000; parcours 50 000; accès (avenant 2) 80 000; crise year 1 25 000
    expect(byMission.find((r) => r[0] === "Fonctionnement")![2]).toBe(50_000);
    expect(byMission.find((r) => r[0] === "Parcours")![2]).toBe(cents((50_000 * 184) / 365));
    expect(byMission.find((r) => r[0] === "Accès aux soins")![2]).toBe(cents((80_000 * 184) / 365));
    expect(byMission.find((r) => r[0] === "Crises sanitaires")![2]).toBe(cents((25_000 * 184) / 365));
    expect(sheet.notes.join(" ")).toMatch(/proratisée par jours depuis la signature la première année/);
  });

  it("2022 is split at 03/09/2022: 2019 tables for 245 days, avenant 2 for 120", () => {
    expect(segmentsOf("2021-06-01", 2022)).toEqual([
      { start: "2022-01-01", days: 245 },
      { start: "2022-09-03", days: 120 },
    ]);
    // T2 (60 000), SAS, signed 01/06/2021: accès 47 000 (2019 total with the SNP volet) × 245/365 + 100 000 × 120/365;
    // crisis plan drafted in 2022 (first avenant-2 year): 35 000 × 120/365
    const cpts = table("CPTS", CPTS_HEADER, [["B", "CPTS B", "33", "5", 60_000, "01/06/2021", 20, 1]]);
    const sheet = buildRegionalSheets({ tables: { cpts }, annee: 2022, kinds: ["remunerations_cpts"] }).sheets[0];
    const byMission = byTitle(sheet, /^Par mission/);
    expect(byMission.find((r) => r[0] === "Accès aux soins")![2]).toBe(cents((47_000 * 245) / 365 + (100_000 * 120) / 365));
    expect(byMission.find((r) => r[0] === "Crises sanitaires")![2]).toBe(cents((35_000 * 120) / 365));
    expect(sheet.notes.join(" ")).toMatch(/en 2022 barèmes 2019 jusqu'au 02\/09 puis avenant 2 à partir du 03\/09\/2022/);
    // the text in force at 31/12, from the version leaf: avenant 2 since 03/09/2022; the ACI 2019 before, no cut
    expect(sheet.notes.join(" ")).toMatch(/Règles : ACI CPTS avenant 2 \(en vigueur le 03\/09\/2022\), calcul/);
    const sheet2021 = buildRegionalSheets({ tables: { cpts }, annee: 2021, kinds: ["remunerations_cpts"] }).sheets[0];
    expect(sheet2021.notes.join(" ")).toMatch(/Règles : ACI CPTS ACI 2019, calcul/);
    expect(sheet2021.notes.join(" ")).not.toMatch(/jusqu'au 02\/09/);
  });

  it("a taille × mission table: count, mean, min, max; empty groups empty", () => {
    const cpts = table("CPTS", CPTS_HEADER, [
      ["A", "CPTS A", "33", "5", 30_000, "01/01/2021", 20, 1],
      ["B", "CPTS B", "33", "5", 35_000, "01/01/2021", 20, 0],
    ]);
    const sheet = buildRegionalSheets({ tables: { cpts }, annee: 2023, kinds: ["remunerations_cpts"] }).sheets[0];
    const rows = byTitle(sheet, /^Par taille et par mission/);
    // T1 accès: with SAS 80 000 (avenant 2), without SAS the 2019 total 40 000
    expect(rows.find((r) => r[0] === "Taille 1" && r[1] === "Accès aux soins")).toEqual(["Taille 1", "Accès aux soins", 2, 60_000, 40_000, 80_000]);
    expect(rows.find((r) => r[0] === "Taille 4" && r[1] === "Parcours")).toEqual(["Taille 4", "Parcours", 0, "", "", ""]);
    expect(rows.length).toBe(4 * 7);
  });
});

describe("Rémunérations MSP: axis weights N−1/N and adhesions since 2017", () => {
  const header = [...tableColumns("msp"), ...PREREQUISITE_FIELDS];
  // 11 MSP under contract: 5 signed in 2017, 2 in 2018, 3 in 2019, 1 in 2020 → stock 5, 7, 10, 11 (+120 % from 2017 to 2020)
  const years = [2017, 2017, 2017, 2017, 2017, 2018, 2018, 2019, 2019, 2019, 2020];
  const rows: unknown[][] = [];
  years.forEach((y, i) => {
    rows.push([`M${i}`, `MSP ${i}`, "35", 1, 2020, y, 4_000, 10, 12, 1, 1, 1, 1]);
    if (y <= 2019) rows.push([`M${i}`, `MSP ${i}`, "35", 1, 2019, y, 4_000, 10, 12, 1, 1, 1, 1]);
  });
  rows.push(["X", "MSP hors ACI", "35", 0, 2020, "", 4_000, 10, 12, 1, 1, 1, 1]);
  const sheet = buildRegionalSheets({ tables: { msp: table("MSP", header, rows) }, annee: 2020, kinds: ["remunerations_msp"] }).sheets[0];

  it("counts new adhesions and the stock by year, and its growth since 2017", () => {
    const rows = byTitle(sheet, /^Adhésions à l'ACI/);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["2017", 5, 5],
      ["2018", 2, 7],
      ["2019", 3, 10],
      ["2020", 1, 11],
    ]);
    [0, 0.4, 1, 1.2].forEach((growth, i) => expect(rows[i][3] as number).toBeCloseTo(growth, 12));
  });

  it("gives the weight of each axis in N−1 and N, and the change in points", () => {
    const change = byTitle(sheet, /^Évolution du poids de chaque axe 2019\/2020/);
    // 2019 (ACI 2017, 4 000 patients, 10 PS): accès 800, équipe 2 050, SI 2 500 of 5 350; 2020 the same MSP plus a new one
    expect(change[0][0]).toBe("Accès aux soins");
    expect(change[0][1]).toBeCloseTo(800 / 5_350, 10);
    expect(change[0][2]).toBeCloseTo(800 / 5_350, 10);
    expect(change[0][3]).toBeCloseTo(0, 10);
    expect(change.map((r) => r[0])).toEqual(["Accès aux soins", "Travail en équipe et coordination", "Système d'information"]);
  });
});

describe("Projets CPTS by département", () => {
  it("counts the stages of each département, and the region", () => {
    const cpts = table("CPTS", CPTS_HEADER, [
      ["A", "CPTS A", "33", "5", 30_000, "01/01/2021", 20, 1],
      ["B", "CPTS B", "33", "3", 30_000, "", 20, 1],
      ["C", "CPTS C", "24", "5", 30_000, "01/01/2023", 20, 1],
      ["D", "CPTS D", "24", "1", 30_000, "", 20, 1],
    ]);
    const sheet = buildRegionalSheets({ tables: { cpts }, annee: 2022, kinds: ["projets"] }).sheets[0];
    const rows = byTitle(sheet, /par stade et par département/);
    // columns: département, nom, stades 5, 4, 3, 2bis, 2, 1, total; C signed in 2023 is a project (stade 4) at 31/12/2022
    expect(rows).toEqual([
      ["24", "Dordogne", 0, 1, 0, 0, 0, 1, 2],
      ["33", "Gironde", 1, 0, 1, 0, 0, 0, 2],
      ["Région", "", 1, 1, 1, 0, 0, 1, 4],
    ]);
  });
});
