/**
 * Issue 9: the same result in every Excel. This file runs in both vitest projects: « web » (an empty referenced cell
 * reaches the function as null) and « desktop » (as 0, office-js issues #4702 and #5262). Every expected value below
 * is the one of the documented example with the argument omitted: a blank cell must give the same.
 * Readings: ../shared/RULES.md, « Reading cells ».
 */
import { describe, expect, it } from "vitest";
import { MISSIONS } from "../../src/core/aci-cpts";
import { todayParisIso } from "../../src/core/dates";
import { BLANK, EXCEL_MODE, evaluate, excelDate } from "../support/built-functions";
import { formulaEngine } from "../support/formula-engine";
import { SEED_002_FIELDS, SEED_002_VALUES } from "../support/msp-fields";

const error = (value: unknown) => value as { code: string; message: string };
const SAS_ZERO =
  "sas : 0 ne dit pas s'il y a un SAS (Excel bureau transmet aussi une cellule vide comme 0), et le SAS choisit ici le barème de l'accès aux soins : saisir VRAI ou FAUX (oui/non), ou omettre l'argument (VRAI par défaut)";

describe(`blank cells in ${EXCEL_MODE} Excel give what the omitted argument gives`, () => {
  const d2023 = excelDate(2023, 1, 1);

  it('=CPTS.MISSION(4;"acces";"total";1;DATE(2023;1;1);120;C2), C2 empty: 170 500 € on the web (a SAS by default; seed 001, T4 +10 %), refused on desktop', () => {
    expect(evaluate("CPTS.MISSION", 4, "acces", "total", 1, d2023, 120)).toBe(170_500);
    // desktop Excel passes the blank cell as 0, which is also how a 1/0 column says « no SAS »: neither reading is safe
    const blank = evaluate("CPTS.MISSION", 4, "acces", "total", 1, d2023, 120, BLANK);
    if (EXCEL_MODE === "web") expect(blank).toBe(170_500);
    else expect(error(blank)).toEqual({ code: "#VALUE!", message: SAS_ZERO });
  });

  it("sas = 0 is refused where the SAS picks the accès-aux-soins table, in both Excels; FAUX is the 2019 table", () => {
    // seed 001, T4 with 120 members from 03/09/2022: 155 000 × 1,10 = 170 500 € with a SAS; without one the 2019 table
    // (seed 003, T4 80 000 € at 100 %) × 1,10 = 88 000 €. Typed 0 was read as VRAI: 170 500 €, without a word
    expect(error(evaluate("CPTS.MISSION", 4, "acces", "total", 1, d2023, 120, 0))).toEqual({ code: "#VALUE!", message: SAS_ZERO });
    expect(evaluate("CPTS.MISSION", 4, "acces", "total", 1, d2023, 120, false)).toBe(88_000);
    expect(evaluate("CPTS.MISSION", 4, "acces", "total", 1, d2023, 120, "non")).toBe(88_000);
    expect(evaluate("CPTS.MISSION", 4, "acces", "total", 1, d2023, 120, 1)).toBe(170_500);
    // where the SAS picks nothing, a 0 changes nothing: another mission, or an accès mission under the 2019 rules
    expect(evaluate("CPTS.MISSION", 4, "parcours", "total", 1, d2023, 120, 0)).toBe(evaluate("CPTS.MISSION", 4, "parcours", "total", 1, d2023, 120));
    expect(evaluate("CPTS.MISSION", 4, "acces", "total", 1, excelDate(2021, 1, 1), 120, 0)).toBe(80_000);
  });

  it("an empty volet is the total, an empty membres is no member (seed 003: T2 parcours fixe 35 000, total 70 000)", () => {
    const d2020 = excelDate(2020, 1, 1);
    expect(evaluate("CPTS.MISSION", 2, "parcours", BLANK, 1, d2020, BLANK, BLANK)).toBe(70_000);
    expect(evaluate("CPTS.MISSION", 2, "parcours", "fixe", 1, d2020, BLANK, BLANK)).toBe(35_000);
  });

  it("CPTS.TAILLE of an empty cell is refused in both Excels (desktop's 0 gave taille 1)", () => {
    expect(error(evaluate("CPTS.TAILLE", BLANK))).toEqual({
      code: "#VALUE!",
      message: "population : population du territoire non renseignée (ou 0) : la renseigner",
    });
    // seed 001: T2 from 40 000 to 80 000 inhabitants
    expect(evaluate("CPTS.TAILLE", 40_000)).toBe(2);
  });

  it("an empty date is today in France, as the omitted date", () => {
    expect(evaluate("CPTS.MISSION", 2, "parcours", "total", 1, BLANK)).toBe(evaluate("CPTS.MISSION", 2, "parcours", "total", 1));
    expect(evaluate("AM.AID", 0.5, 1, BLANK)).toBe(evaluate("AM.AID", 0.5, 1));
  });

  it("AM.AID with empty bande and regime: libéral without band (ameli 2024 table: 0,5 ETP year 1, 19 000 €)", () => {
    expect(evaluate("AM.AID", 0.5, 1, excelDate(2024, 9, 1), BLANK, BLANK, BLANK)).toBe(19_000);
  });

  it("ACI.MSP_POINTS with empty header and value cells and an empty date: seed 002 example, 6 170 points", () => {
    const champs = [[...SEED_002_FIELDS, null, "si_date", "date_adhesion"]];
    const valeurs = [[2020, 2017, 4_000, 13, 11, null, 1, 1, 1, 4, 5, 40, 1_000, null, null, null]];
    expect(evaluate("ACI.MSP_POINTS", champs, valeurs)).toBe(6_170);
    expect(evaluate("ACI.MSP_EUROS", champs, valeurs)).toBe(6_170 * 7);
  });

  it("ACI.MSP_* refuse the seed 002 example with its patientèle, its PS count or its amplitude blank, in both Excels", () => {
    // read as 0 (desktop) or left out (web), they paid 6 170 − 1 350 variable coordination points, or the SI's 500
    // fixed points for its 3 100: a refusal naming the field, the same in both Excels
    const champs = [SEED_002_FIELDS];
    const withBlank = (code: string) => [SEED_002_VALUES.map((v, i) => (SEED_002_FIELDS[i] === code ? null : v))];
    for (const id of ["ACI.MSP_POINTS", "ACI.MSP_EUROS", "ACI.MSP_DETAIL"]) {
      expect(error(evaluate(id, champs, withBlank("patientele")))).toEqual({
        code: "#VALUE!",
        message: "patientele : champ non renseigné (ou 0) : les points variables de chaque indicateur lui sont proportionnels ; le renseigner",
      });
      expect(error(evaluate(id, champs, withBlank("nb_ps"))).message).toMatch(/^nb_ps : champ non renseigné \(ou 0\) alors que si_standard = 1/);
      // read as 0 h, the opening-hours prerequisite failed: 0 points instead of 6 170
      expect(error(evaluate(id, champs, withBlank("amplitude_h"))).message).toMatch(/^amplitude_h : champ non renseigné \(ou 0\) alors que snp = 1/);
    }
    expect(evaluate("ACI.MSP_POINTS", champs, [SEED_002_VALUES])).toBe(6_170);
  });

  it("in a formula engine: references to empty cells give the documented amounts", () => {
    const hf = formulaEngine([
      [4, "acces", "total", 1, "=DATE(2023,1,1)", 120, null, "=CPTS.MISSION(A1,B1,C1,D1,E1,F1,G1)"],
      [0.5, 1, "=DATE(2024,9,1)", null, null, null, null, "=AM.AID(A2,B2,C2,D2,E2,F2)"],
    ]);
    // G1, the SAS, blank: VRAI on the web; desktop's 0 is refused for the accès-aux-soins mission (an error value)
    const acces = hf.getCellValue({ sheet: 0, col: 7, row: 0 });
    if (EXCEL_MODE === "web") expect(acces).toBe(170_500);
    else expect(acces).toMatchObject({ type: "VALUE" });
    expect(hf.getCellValue({ sheet: 0, col: 7, row: 1 })).toBe(19_000);
  });

  it("an achievement rate pointing at an empty cell is 0 on desktop: the help says to leave it out", () => {
    // the one argument where 0 means something (nothing achieved): web reads the blank as « omitted » (100 %)
    const variable = evaluate("CPTS.MISSION", 1, "parcours", "variable", BLANK, excelDate(2020, 1, 1));
    expect(variable).toBe(EXCEL_MODE === "desktop" ? 0 : 25_000);
  });
});

describe("odd cell values get French messages", () => {
  it.each([
    ["CPTS.TAILLE(VRAI)", ["CPTS.TAILLE", true], "population : nombre attendu, reçu la valeur logique VRAI"],
    ["AM.AID(VRAI;1)", ["AM.AID", true, 1], "etp : nombre attendu, reçu la valeur logique VRAI"],
    ["VRAI as a rate", ["CPTS.MISSION", 1, "parcours", "total", true, excelDate(2020, 1, 1)], "atteinte : nombre attendu, reçu la valeur logique VRAI"],
  ])("booleans are not numbers: %s", (_label, args, message) => {
    const r = error(evaluate(...(args as [string, ...unknown[]])));
    expect(r).toEqual({ code: "#VALUE!", message });
  });

  const missionCodes = Object.keys(MISSIONS).join(", ");
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("« %s » is an unknown code everywhere", (code) => {
    const d = excelDate(2023, 1, 1);
    expect(error(evaluate("CPTS.MISSION", 1, code, "total", 1, d))).toEqual({
      code: "#VALUE!",
      message: `mission : code inconnu « ${code} » ; codes : ${missionCodes}`,
    });
    expect(error(evaluate("CPTS.MISSION", 1, "acces", code, 1, d))).toEqual({
      code: "#VALUE!",
      message: `volet : code inconnu « ${code} » ; codes : fixe, variable, total`,
    });
    expect(error(evaluate("AM.AID", 0.5, 1, d, code)).message).toBe(
      `bande : bande inconnue « ${code} » ; valeurs acceptées : P30-P50, P50-P70, P70-P90, P90-P95, P95+`,
    );
    expect(error(evaluate("AM.AID", 0.5, 1, d, null, null, code)).message).toBe(`regime : régime inconnu « ${code} » ; valeurs acceptées : liberal, cds`);
  });

  it("the unknown-mission message lists every code within Excel's 255 characters", () => {
    const r = error(evaluate("CPTS.MISSION", 1, "une mission qui n'existe pas du tout", "total", 1, excelDate(2023, 1, 1)));
    expect(r.message.length).toBeLessThanOrEqual(255);
    for (const code of Object.keys(MISSIONS)) expect(r.message).toContain(code);
    expect(r.message.endsWith("…")).toBe(false);
  });

  it("text numbers: French forms read, the ambiguous 120.000 refused", () => {
    expect(evaluate("CPTS.TAILLE", "120 000")).toBe(3);
    expect(evaluate("CPTS.TAILLE", "120\u202f000")).toBe(3);
    expect(evaluate("CPTS.MISSION", 1, "parcours", "variable", "0,5", excelDate(2020, 1, 1))).toBe(12_500);
    expect(evaluate("CPTS.MISSION", 1, "parcours", "variable", "70 %", excelDate(2020, 1, 1))).toBe(17_500);
    expect(error(evaluate("CPTS.TAILLE", "120.000"))).toEqual({
      code: "#VALUE!",
      message: "population : nombre ambigu « 120.000 » : le point sépare-t-il les milliers ou les décimales ? saisir 120 000 ou 120,000",
    });
  });

  it("a rate typed 80 for 80 % is refused; 1,2 is capped to 100 % (seed 003: T1 parcours variable 25 000)", () => {
    expect(error(evaluate("CPTS.MISSION", 1, "parcours", "variable", 80, excelDate(2020, 1, 1)))).toEqual({
      code: "#VALUE!",
      message: "atteinte : taux saisi 80 : saisir 80 % ou 0,8",
    });
    expect(error(evaluate("AM.AID", 1, 3, excelDate(2020, 1, 1), null, 80)).message).toBe("atteinte : taux saisi 80 : saisir 80 % ou 0,8");
    expect(evaluate("CPTS.MISSION", 1, "parcours", "variable", 1.2, excelDate(2020, 1, 1))).toBe(25_000);
  });

  it("an absurd contract year gets a sensible message", () => {
    expect(error(evaluate("AM.AID", 1, 1_000_000, excelDate(2020, 1, 1))).message).toBe(
      "annee_contrat : année du contrat attendue : 1, 2, 3 ou plus (nombre entier jusqu'à 50), reçu 1000000",
    );
  });

  it("data types: a formatted number or an entity is read by its basicValue", () => {
    const formatted = (basicValue: unknown) => ({ type: "FormattedNumber", basicValue, numberFormat: "#,##0" });
    expect(evaluate("CPTS.TAILLE", formatted(120_000))).toBe(3);
    const entity = { type: "Entity", text: "Parcours", basicValue: "parcours", properties: {} };
    expect(evaluate("CPTS.MISSION", 2, entity, "fixe", 1, formatted(excelDate(2020, 1, 1)))).toBe(35_000);
    expect(evaluate("ACI.MSP_POINTS", [["annee", "patientele", "coordination"]], [[2020, formatted(4_000), 1]])).toBe(0);
  });

  it("data types in an MSP row: every cell read by its basicValue, the same figures as plain cells", () => {
    // the README's example row (seed 002's indicators): 6 170 points, 43 190 €
    const headers = [SEED_002_FIELDS];
    const plain = [SEED_002_VALUES];
    const formatted = (basicValue: number) => ({ type: "FormattedNumber", basicValue, numberFormat: "#,##0" });
    const entity = (basicValue: number) => ({ type: "Entity", text: String(basicValue), basicValue, properties: {} });
    const typed = [plain[0].map((v, k) => (k % 2 ? formatted(v) : entity(v)))];
    expect(evaluate("ACI.MSP_POINTS", headers, typed)).toBe(6_170);
    expect(evaluate("ACI.MSP_EUROS", headers, typed)).toBe(43_190);
    for (const id of ["ACI.MSP_POINTS", "ACI.MSP_EUROS", "ACI.MSP_DETAIL"]) expect(evaluate(id, headers, typed)).toEqual(evaluate(id, headers, plain));
  });
});

describe("today is the date in France", () => {
  it("31/12/2026 at 23:30 UTC is already 01/01/2027 in Paris; 01/07 at 22:30 UTC is 02/07 (summer time)", () => {
    expect(todayParisIso(Date.UTC(2026, 11, 31, 23, 30))).toBe("2027-01-01");
    expect(todayParisIso(Date.UTC(2026, 11, 31, 22, 30))).toBe("2026-12-31");
    expect(todayParisIso(Date.UTC(2026, 6, 1, 22, 30))).toBe("2026-07-02");
  });
});
