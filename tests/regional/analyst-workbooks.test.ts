/**
 * Issue 8: workbooks built the way analysts build them. Each variant of a clean workbook either gives the same
 * figures as the clean one or is refused with a French message naming table, column and Excel row, with nothing
 * written — on the offline job (.xlsx written here with ExcelJS) and on the task pane (fake Excel host) alike.
 * Readings: ../shared/RULES.md, « Reading cells » and « Regional tables: choices ».
 */
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseArgs, runRegional } from "../../scripts/regional";
import { buildRegionalSheets, CONTROLS_SHEET_NAME, SHEET_KINDS, SHEET_NAMES } from "../../src/core/regional";
import { generateSheets } from "../../src/taskpane/generate";
import { FakeExcel } from "../support/fake-excel";
import { PREREQUISITE_FIELDS } from "../support/msp-fields";
import { table } from "./fixtures";
import { AM, clean, CPTS, dir, figures, MSP, OUTPUT_SHEETS, runOffline, runPane, xlsxWorkbook, type Cell, type Workbook } from "./workbooks";

afterEach(() => vi.restoreAllMocks());

// ---------------------------------------------------------------- variants that must give the clean figures

interface SameFigures {
  name: string;
  change: (w: Workbook) => void;
  /** A reading the « Contrôles » sheet must name. */
  reading?: RegExp;
}

const SAME: SameFigures[] = [
  {
    name: "CPTS ids typed in another case, with spaces",
    change: (w) => ((w.communes.rows[0][3] = " cpts-33-001 "), (w.communes.rows[2][3] = "Cpts-24-001")),
  },
  {
    name: "département names and 033",
    change: (w) => ((w.communes.rows[0][1] = "Gironde"), (w.communes.rows[2][1] = "DORDOGNE"), (w.cpts.rows[0][2] = "033"), (w.msp.rows[2][2] = "dordogne")),
    reading: /nom de département lu comme son code \(ex\. « Gironde » → 33\)/,
  },
  {
    name: "a blank row between data rows",
    change: (w) => w.communes.rows.splice(2, 0, ["", "", "", ""]),
    reading: /tableau Communes, ligne 4 : ligne vide entre des lignes de données, ignorée/,
  },
  { name: "Excel totals rows on every table", change: (w) => Object.values(w).forEach((s) => (s.totals = true)) },
  {
    name: "tables starting at A4 under a title",
    change: (w) => Object.values(w).forEach((s) => ((s.at = 3), (s.above = [["Données 2022 — ne pas diffuser"]]))),
  },
  {
    name: "plain ranges with two title rows above the header",
    change: (w) =>
      Object.values(w).forEach((s) => {
        delete s.table;
        s.sheet = s.sheet === "Liste AM" ? "Contrats_AM" : s.sheet;
        s.above = [["Extraction du 05/01/2023"], ["Source : SNDS, ARS Nouvelle-Aquitaine"]];
        s.at = 3;
      }),
  },
];

describe("variants that read the same: same figures as the clean workbook", () => {
  it.each(SAME)("$name (task pane)", async ({ change, reading }) => {
    const base = await runPane(clean());
    expect(base.outcome.problems).toEqual([]);
    const w = clean();
    change(w);
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheet(name)), name).toEqual(figures(base.sheet(name)));
    if (reading) expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toMatch(reading);
  });

  it.each(SAME)("$name (offline)", async ({ change, reading }) => {
    const base = await runOffline(await xlsxWorkbook(clean()));
    expect(base.code, base.errors.join("\n")).toBe(0);
    const w = clean();
    change(w);
    const run = await runOffline(await xlsxWorkbook(w));
    expect(run.code, run.errors.join("\n")).toBe(0);
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheets.get(name)), name).toEqual(figures(base.sheets.get(name)));
    if (reading) expect(figures(run.sheets.get(CONTROLS_SHEET_NAME)).join("\n")).toMatch(reading);
  });

  it("offline and pane write the same cells", async () => {
    const pane = await runPane(clean());
    const offline = await runOffline(await xlsxWorkbook(clean()));
    for (const name of [...OUTPUT_SHEETS, CONTROLS_SHEET_NAME]) {
      // the sources note names « CPTS » in the pane and « CPTS!CPTS » (sheet!table) offline
      expect(figures(offline.sheets.get(name)), name).toEqual(figures(pane.sheet(name)));
    }
  });

  it("a formatted empty cell at XFD60000 does not widen what is read (offline)", async () => {
    const w = clean();
    Object.values(w).forEach((s) => delete s.table);
    w.am.sheet = "Contrats_AM";
    const base = await runOffline(await xlsxWorkbook(w));
    const input = await xlsxWorkbook(w, (wb) => {
      const far = wb.getWorksheet("Communes")!.getCell("XFD60000");
      far.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      far.border = { top: { style: "thin" } };
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const run = await runOffline(input);
    expect(run.code, run.errors.join("\n")).toBe(0);
    // 60 000 × 16 384 cells would be a billion values: the read stays within a few MB
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheets.get(name)), name).toEqual(figures(base.sheets.get(name)));
  });
});

// ---------------------------------------------------------------- variants that must be refused

interface Refused {
  name: string;
  change: (w: Workbook) => void;
  /** The exact French message (grouped per table and column). */
  message: string;
}

const REFUSED: Refused[] = [
  {
    name: "an achievement rate typed 70 for 70 %",
    change: (w) => (w.cpts.rows[0][8] = 70),
    message: "tableau CPTS, colonne « atteinte_parcours », ligne 2 : taux saisi 70 : saisir 70 % ou 0,7",
  },
  {
    name: "an MSP rate typed 12 for 12 %",
    change: (w) => {
      w.msp.header = [...MSP, "taux_css", "taux_css_national"];
      w.msp.rows.forEach((r) => r.push(12, 0.08));
    },
    message: "tableau MSP, colonne « taux_css », lignes 2, 3, 4 : taux saisi 12 : saisir 12 % ou 0,12",
  },
  // desktop Excel passes a blank cell as 0 and the offline job reads it as empty: either way the MSP was paid its fixed
  // points alone, without a word (coordination 700 points instead of 2 050 at 4 000 patients, seed 002)
  {
    name: "a signed MSP's patientèle left blank",
    change: (w) => (w.msp.rows[2][MSP.indexOf("patientele")] = ""),
    message:
      "tableau MSP, colonne « patientele », ligne 4 : champ non renseigné (ou 0) : les points variables de chaque indicateur lui sont proportionnels ; le renseigner",
  },
  {
    name: "a signed MSP's PS count left at 0 with the labelled software",
    change: (w) => (w.msp.rows[0][MSP.indexOf("nb_ps")] = 0),
    message:
      "tableau MSP, colonne « nb_ps », ligne 2 : champ non renseigné (ou 0) alors que si_standard = 1 : les points du système d'information sont comptés par professionnel ; le renseigner",
  },
  {
    // read as 0 h, the opening-hours prerequisite failed and the MSP was paid nothing, without a word
    name: "a signed MSP's opening amplitude left blank",
    change: (w) => (w.msp.rows[1][MSP.indexOf("amplitude_h")] = ""),
    message:
      "tableau MSP, colonne « amplitude_h », ligne 3 : champ non renseigné (ou 0) alors que snp = 1 (sans derogation_pdsa ni fermeture_longue) : sous l'amplitude minimale, le prérequis horaires n'est pas atteint et rien n'est versé (8 h par jour) ; le renseigner",
  },
  {
    // the functions' default, the current year, would file the row under a year without data (and, without --annee,
    // make that year the reference year)
    name: "an MSP row without its year",
    change: (w) => (w.msp.rows[1][MSP.indexOf("annee")] = ""),
    message: "tableau MSP, colonne « annee », ligne 3 : année de rémunération obligatoire pour chaque ligne (ex. 2022)",
  },
  {
    // guide CNAM (avenant 1): the crisis plan is a prerequisite from 2023; a table built before has no such column, and
    // read as 0 in every row it would leave every MSP of 2023 unpaid
    name: "a 2023 MSP row in a table without the crisis-plan column",
    change: (w) => w.msp.rows.push(["M1", "MSP 1", "33", 1, 2023, 2019, 4_400, 13, 12, 1, 1, 1, 1]),
    message:
      "tableau MSP, colonne « crise_plan » : colonne absente : plan de préparation aux crises sanitaires, prérequis de l'ACI MSP en 2023 ; sans elle aucune MSP sous contrat de cette année ne serait rémunérée : l'ajouter (1 ou 0 pour chaque MSP)",
  },
  {
    name: "a contract signed in 1922",
    change: (w) => (w.am.rows[1][2] = "01/02/1922"),
    message:
      "tableau Contrats AM, colonne « date_signature », ligne 3 : date du 01/02/1922 antérieure à l'avenant 7 qui crée l'aide à l'emploi d'un assistant médical (21/08/2019) : vérifier l'année",
  },
  {
    name: "a département that does not exist",
    change: (w) => (w.communes.rows[1][1] = "Aquitaine"),
    message:
      "tableau Communes, colonne « departement », ligne 3 : département inconnu « Aquitaine » : code officiel (33, 2A, 971) ou nom du département attendu",
  },
  {
    name: "a commune code that is not an INSEE code",
    change: (w) => (w.communes.rows[1][0] = "Mérignac"),
    message: "tableau Communes, colonne « code_commune », ligne 3 : code commune INSEE attendu (5 caractères, ex. 33063, 2A004), reçu « Mérignac »",
  },
  {
    name: "a hand-written Total line",
    change: (w) => w.communes.rows.push(["Total", "", 360_000, ""]),
    message:
      "tableau Communes, ligne 6 : ligne de total saisie à la main : le complément calcule les totaux ; supprimer cette ligne (la ligne de total d'un tableau Excel est, elle, ignorée)",
  },
  {
    name: "a bad row in a table starting at A4: the Excel row is named",
    change: (w) => ((w.cpts.at = 3), (w.cpts.above = [["CPTS de la région"]]), (w.cpts.rows[1][4] = "beaucoup")),
    message: "tableau CPTS, colonne « population », ligne 6 : nombre attendu, reçu « beaucoup »",
  },
];

describe("variants that cannot be read right: refused by table, column and Excel row, nothing written", () => {
  it.each(REFUSED)("$name (task pane)", async ({ change, message }) => {
    const w = clean();
    change(w);
    const run = await runPane(w);
    expect(run.outcome.written).toEqual([]);
    expect(run.outcome.problems).toContain(message);
    expect(run.untouched()).toBe(true);
  });

  it.each(REFUSED)("$name (offline)", async ({ change, message }) => {
    const w = clean();
    change(w);
    const run = await runOffline(await xlsxWorkbook(w));
    expect(run.code).toBe(1);
    expect(run.errors).toContain(`- ${message}`);
    expect(existsSync(run.output)).toBe(false);
  });

  it("groups 392 bad rows of one column: the first five named, then « et 387 autres lignes »", async () => {
    const w = clean();
    for (let i = 0; i < 392; i++) w.communes.rows.push([String(33_500 + i), "33", "n.c.", ""]);
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([
      "tableau Communes, colonne « population », lignes 6, 7, 8, 9, 10 et 387 autres lignes : nombre attendu, reçu « n.c. »",
    ]);
    // different messages in one column: each of the first five with its row
    const v = clean();
    for (let i = 0; i < 7; i++) v.communes.rows.push([String(33_500 + i), "33", `x${i}`, ""]);
    expect((await runPane(v)).outcome.problems).toEqual([
      "tableau Communes, colonne « population » : ligne 6 : nombre attendu, reçu « x0 » ; ligne 7 : nombre attendu, reçu « x1 » ; ligne 8 : nombre attendu, reçu « x2 » ; ligne 9 : nombre attendu, reçu « x3 » ; ligne 10 : nombre attendu, reçu « x4 » et 2 autres lignes",
    ]);
  });
});

// ---------------------------------------------------------------- dates and the reference year

describe("the reference year and the reference date", () => {
  it("without a year, uses the latest remuneration year of the MSP table, and says so in « Contrôles »", async () => {
    const explicit = await runPane(clean(), 2022);
    const run = await runPane(clean(), "auto");
    expect(run.outcome.annee).toBe(2022);
    expect(run.outcome.anneeNote).toBe("année de référence 2022 : dernière année de rémunération du tableau MSP (aucune année indiquée)");
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheet(name)), name).toEqual(figures(explicit.sheet(name)));
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toContain(
      "Année de référence|année de référence 2022 : dernière année de rémunération du tableau MSP",
    );
    const offline = await runOffline(await xlsxWorkbook(clean()), []);
    expect(offline.code).toBe(0);
    expect(offline.logs[0]).toBe("Situation au 31/12/2022 (année de référence 2022 : dernière année de rémunération du tableau MSP (aucune année indiquée)).");
  });

  it("without an MSP table, uses the latest signature year", () => {
    const w = clean();
    const result = buildRegionalSheets({
      tables: { cpts: table("CPTS", w.cpts.header, w.cpts.rows), contrats_am: table("AM", w.am.header, w.am.rows) },
      kinds: ["projets", "contrats_am"],
    });
    expect(result.annee).toBe(2022);
    expect(result.anneeNote).toMatch(/dernière année de signature/);
  });

  it("--annee=2021 works like --annee 2021; typos and unknown flags are errors listing the flags", async () => {
    expect(parseArgs(["a.xlsx", "b.xlsx", "--annee=2021"])).toEqual({ files: ["a.xlsx", "b.xlsx"], annee: 2021, remplacer: false });
    expect(parseArgs(["a.xlsx", "b.xlsx", "--annee", "2021"])).toEqual({ files: ["a.xlsx", "b.xlsx"], annee: 2021, remplacer: false });
    expect(parseArgs(["a.xlsx", "b.xlsx", "--remplace"])).toBe("option inconnue « --remplace » ; options acceptées : --annee, --date, --remplacer");
    expect(parseArgs(["a.xlsx", "b.xlsx", "--année", "2021"])).toBe("option inconnue « --année » ; options acceptées : --annee, --date, --remplacer");
    expect(parseArgs(["a.xlsx", "b.xlsx", "--annee", "abc"])).toBe("année attendue après --annee (ex. --annee 2022), reçu « abc »");
    const input = await xlsxWorkbook(clean());
    const a = await runOffline(input, ["--annee=2021"]);
    const b = await runOffline(input, ["--annee", "2021"]);
    expect(a.code).toBe(0);
    for (const name of OUTPUT_SHEETS) expect(figures(a.sheets.get(name))).toEqual(figures(b.sheets.get(name)));
    const typo = await runOffline(input, ["--remplace"]);
    expect(typo.code).toBe(2);
    expect(typo.errors[0]).toMatch(/^Erreur : option inconnue « --remplace » ; options acceptées : --annee, --date, --remplacer/);
  });

  it("at a date before its signature, a stade-5 CPTS is a project in Projets, Couverture and Rémunérations CPTS", async () => {
    const run = await runPane(clean(), 2020); // CPTS-33-001 signed on 15/03/2021
    expect(run.outcome.problems).toEqual([]);
    const projets = run.sheet("Projets CPTS")!;
    expect(projets.find((r) => r[0] === "5")![2]).toBe(0);
    expect(projets.find((r) => r[0] === "4")![2]).toBe(1);
    const gironde = run.sheet("Couverture CPTS")!.find((r) => r[0] === "33")!;
    expect(gironde.slice(3, 6)).toEqual([0, 250_000 / 300_000, 50_000 / 300_000]);
    const cpts = run.sheet("Rémunérations CPTS")!;
    expect(cpts.find((r) => r[0] === "Ensemble")!.slice(1)).toEqual([0, "", "", "", ""]);
    expect(
      cpts.some((r) => String(r[0]).startsWith("Aucune CPTS conventionnée au 31/12/2020 dans le tableau CPTS ; années de signature présentes : 2021")),
    ).toBe(true);
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toMatch(
      /CPTS-33-001\) comptée\(s\) comme projet \(stade 4, zone grise\) dans toutes les feuilles/,
    );
  });

  it("a commune attached to a CPTS missing from the CPTS table is counted in zone blanche and listed in « Contrôles »", async () => {
    const w = clean();
    w.communes.rows[2][3] = "CPTS-24-999";
    const run = await runPane(w);
    const dordogne = run.sheet("Couverture CPTS")!.find((r) => r[0] === "24")!;
    expect(dordogne.slice(3, 6)).toEqual([0, 0, 1]);
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toContain(
      "Avertissement|Couverture : 1 commune(s) du tableau Communes rattachée(s) à une CPTS absente du tableau CPTS, comptée(s) en zone blanche (ligne 4) : « CPTS-24-999 »",
    );
  });

  it("an MSP without a contract may leave its ACI columns blank: counted, never paid", async () => {
    const w = clean();
    w.msp.rows.push(["M3", "MSP 3", "33", 0, 2022, "", "", "", "", "", "", "", ""], ["M4", "MSP 4", "33", "", 2022, "", "", "", "", "", "", "", ""]);
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    // a blank aci is read as no contract, and said
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toContain(
      "tableau MSP, colonne « aci », ligne 6 : cellule vide lue comme 0 : MSP sans contrat ACI, comptée mais non rémunérée",
    );
    // Gironde: M1, M3 and M4, one under contract; the region: four MSP, two under contract
    const msp = run.sheet("Rémunérations MSP")!;
    expect(msp.find((r) => r[0] === "33")!.slice(2, 5)).toEqual([3, 1, 1 / 3]);
    expect(msp.find((r) => r[0] === "Région")!.slice(2, 5)).toEqual([4, 2, 0.5]);
  });

  it("a CPTS conventionnée with its members and SAS cells blank: read as CPTS.MISSION reads them, and said", async () => {
    const w = clean();
    w.cpts.rows[0][6] = "";
    w.cpts.rows[0][7] = "";
    // the project (stade 3) is paid nothing: its blanks change no amount and are not listed
    w.cpts.rows[1][6] = "";
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    const controls = figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n");
    expect(controls).toContain("tableau CPTS, colonne « membres », ligne 2 : cellule vide lue comme 0 membre : pas de majoration des CPTS de taille 4");
    expect(controls).toContain("tableau CPTS, colonne « sas », ligne 2 : cellule vide lue comme VRAI (territoire avec SAS, valeur par défaut de CPTS.MISSION)");
    expect(controls).not.toContain("ligne 3 : cellule vide");
  });

  it("an AM contract with its regime and band blank: read as AM.AID reads them, and said", async () => {
    const w = clean();
    w.am.rows[0][4] = "";
    w.am.rows[0][5] = "";
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    const controls = figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n");
    expect(controls).toContain("tableau Contrats AM, colonne « regime », ligne 2 : cellule vide lue comme liberal (valeur par défaut d'AM.AID)");
    expect(controls).toContain(
      "tableau Contrats AM, colonne « bande », ligne 2 : cellule vide : aucune bande de patientèle, aide sans les montants des bandes P90-P95 et P95+ (comme AM.AID sans bande)",
    );
  });

  it("an avenant 1 field filled in a 2021 row is ignored, as ACI.MSP_EUROS ignores it, and said", async () => {
    const w = clean();
    w.msp.header = [...MSP, "crise_plan"];
    w.msp.rows.forEach((r) => r.push(1));
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    const controls = figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n");
    expect(controls).toContain(
      "tableau MSP, colonne « crise_plan », ligne 2 : champ de l'avenant 1 ignoré pour 2021 (règles de l'ACI 2017, comme ACI.MSP_EUROS)",
    );
    // 2022 rows: avenant 1 applies, nothing ignored
    expect(controls).not.toMatch(/ignoré pour 2022/);
  });

  it("an MSP under contract with its CSS rate blank beside the national rate: no précarité on it, and said", async () => {
    const w = clean();
    w.msp.header = [...MSP, "taux_css", "taux_css_national"];
    w.msp.rows.forEach((r) => r.push(0.12, 0.08));
    w.msp.rows[1][MSP.length] = "";
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toContain(
      "tableau MSP, colonne « taux_css », ligne 3 : cellule vide lue comme 0 % alors que taux_css_national est renseigné : pas de majoration précarité sur ce taux",
    );
  });

  it("an MSP under contract without its signing year is left out of the adhesions by year, and said", async () => {
    const w = clean();
    w.msp.rows[2][MSP.indexOf("annee_adhesion")] = "";
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toContain(
      "tableau MSP, colonne « annee_adhesion », ligne 4 : MSP sous contrat sans année de signature (annee_adhesion ou date_adhesion vide) : hors du tableau des adhésions par année, et sans la dérogation des nouvelles structures",
    );
    // adhesions by year: M1 alone signed in 2019, two MSP under contract in the département table
    const msp = run.sheet("Rémunérations MSP")!;
    expect(msp.find((r) => r[0] === "2019")!.slice(1, 3)).toEqual([1, 1]);
    expect(msp.find((r) => r[0] === "Région")!.slice(2, 4)).toEqual([2, 2]);
  });

  it("an MSP under contract paid nothing (a prerequisite missing) is named in « Contrôles », left out of the means", async () => {
    const w = clean();
    // M2 in 2022 without its soins non programmés organisation (snp = 0): opening hours not met, so nothing is paid
    w.msp.rows[2][MSP.indexOf("snp")] = 0;
    const run = await runPane(w);
    expect(run.outcome.problems).toEqual([]);
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toContain(
      "Avertissement|Rémunérations MSP : 1 MSP sous contrat sans rémunération au titre de 2022, hors « MSP rémunérées » et moyennes : M2 (ligne 4 : prérequis manquant(s) : Horaires d'ouverture et soins non programmés)",
    );
    // only M1 is paid in 2022
    expect(run.sheet("Rémunérations MSP")!.find((r) => r[0] === "2022")![1]).toBe(1);
  });

  it("a year with no MSP paid says so in words, and its figures stay empty, never 0", async () => {
    const run = await runPane(clean(), 2025);
    const msp = run.sheet("Rémunérations MSP")!;
    expect(msp.some((r) => r[0] === "Aucune MSP rémunérée au titre de 2025 dans le tableau MSP ; années présentes : 2021, 2022.")).toBe(true);
    expect(msp.find((r) => r[0] === "2025")!.slice(1)).toEqual([0, "", "", "", ""]);
    // Taille 1, 2, 3 have no CPTS: empty mean, min, max, total
    const cpts = run.sheet("Rémunérations CPTS")!;
    expect(cpts.find((r) => r[0] === "Taille 1")!.slice(1)).toEqual([0, "", "", "", ""]);
    expect(cpts.find((r) => r[0] === "Taille 4")![1]).toBe(1);
  });
});

// ---------------------------------------------------------------- files

describe("files that are not an .xlsx workbook (offline)", () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    [
      "a CSV file",
      (p) => writeFileSync(p, "code_commune;departement\n33063;33\n"),
      /est un fichier CSV : l'ouvrir dans Excel et l'enregistrer au format \.xlsx/,
    ],
    ["a zero-byte file", (p) => writeFileSync(p, ""), /est un fichier vide \(0 octet\)/],
    ["a truncated workbook", (p) => writeFileSync(p, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), /est illisible \(classeur tronqué ou endommagé/],
    [
      "a password-protected workbook",
      (p) => writeFileSync(p, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      /est protégé par un mot de passe ou au format \.xls/,
    ],
    ["a folder", (p) => mkdirSync(p), /est un dossier : indiquer le classeur \.xlsx à lire/],
  ];
  it.each(cases)("%s", async (name, make, expected) => {
    const input = join(dir, `${name.replace(/\W+/g, "_")}${name === "a CSV file" ? ".csv" : ".xlsx"}`);
    make(input);
    const run = await runOffline(input);
    expect(run.code).toBe(2);
    expect(run.errors[0]).toMatch(expected);
    expect(existsSync(run.output)).toBe(false);
  });

  it("an output folder that does not exist", async () => {
    const input = await xlsxWorkbook(clean());
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    expect(await runRegional([input, join(dir, "absent", "sortie.xlsx")])).toBe(2);
    expect(errors[0]).toBe(`Erreur : dossier de sortie introuvable : ${join(dir, "absent")}`);
  });
});
