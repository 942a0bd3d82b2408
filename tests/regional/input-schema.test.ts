/**
 * Issue 20: cells as analysts type them, read one way wherever they are read. Each variant of the clean workbook
 * gives the clean figures or is refused with a French message naming table, column and Excel row, nothing written.
 * Readings: ../shared/RULES.md, « One input schema » (normalised keys, CPAM codes read in the workbook's region,
 * ambiguous commas, formulas without results, merged cells, rows outside tables, 1904 dates).
 */
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildRegionalSheets, CONTROLS_SHEET_NAME, SHEET_KINDS, type RawTable } from "../../src/core/regional";
import { generateSheets } from "../../src/taskpane/generate";
import { AM, clean, fakeWorkbook, figures, OUTPUT_SHEETS, runOffline, runPane, xlsxWorkbook, type Cell, type Workbook } from "./workbooks";

afterEach(() => vi.restoreAllMocks());

const both = (name: string) => [`${name} (task pane)`, `${name} (offline)`];

describe("one key per id, one reading per CPAM code: same figures as the clean workbook", () => {
  const SAME: { name: string; change: (w: Workbook) => void; reading?: RegExp }[] = [
    {
      // typed again a year later, with a non-breaking space and a zero-width one pasted from a web page: one MSP, whose
      // 2022 row is compared with its 2021 row (N/N-1), not a new MSP of 2022
      name: "an MSP id typed differently in its two years",
      change: (w) => (w.msp.rows[1][0] = "m1\u200b\u00a0"),
    },
    {
      name: "CPAM codes as caisse numbers and with a leading zero",
      change: (w) => ((w.am.rows[0][1] = "331"), (w.am.rows[1][1] = "024")),
      reading: /code CPAM lu dans la région du classeur/,
    },
  ];
  for (const v of SAME) {
    const [pane, offline] = both(v.name);
    it(pane, async () => {
      const base = await runPane(clean());
      const w = clean();
      v.change(w);
      const run = await runPane(w);
      expect(run.outcome.problems).toEqual([]);
      for (const name of OUTPUT_SHEETS) expect(figures(run.sheet(name)), name).toEqual(figures(base.sheet(name)));
      if (v.reading) expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toMatch(v.reading);
    });
    it(offline, async () => {
      const base = await runOffline(await xlsxWorkbook(clean()));
      const w = clean();
      v.change(w);
      const run = await runOffline(await xlsxWorkbook(w));
      expect(run.code, run.errors.join("\n")).toBe(0);
      for (const name of OUTPUT_SHEETS) expect(figures(run.sheets.get(name)), name).toEqual(figures(base.sheets.get(name)));
    });
  }
});

describe("cells that cannot be read one way: refused by table, column and Excel row, nothing written", () => {
  const REFUSED: { name: string; change: (w: Workbook) => void; message: string }[] = [
    {
      // 250,000 is 250 000 in an English export and 250 in a French reading: a wrong figure either way
      name: "a population typed « 250,000 »",
      change: (w) => (w.communes.rows[0][2] = "250,000"),
      message:
        "tableau Communes, colonne « population », ligne 2 : nombre ambigu « 250,000 » : la virgule sépare-t-elle les milliers (à l'anglaise) ou les décimales ? saisir 250 000 pour des milliers, ou un nombre (pas un texte) pour une décimale",
    },
    {
      name: "a population with decimals",
      change: (w) => (w.communes.rows[1][2] = 50_000.5),
      message: "tableau Communes, colonne « population », ligne 3 : nombre entier attendu, reçu 50000,5",
    },
    {
      // 41 is the Loir-et-Cher (Centre-Val de Loire) or the caisse 041 (Alpes-de-Haute-Provence): neither in a
      // Nouvelle-Aquitaine workbook
      name: "a CPAM code of another region",
      change: (w) => (w.am.rows[1][1] = 41),
      message:
        "tableau Contrats AM, colonne « cpam », ligne 3 : code CPAM « 41 » hors de la région du classeur (Nouvelle-Aquitaine) : CPAM Loir-et-Cher, Centre-Val de Loire ou CPAM Alpes-de-Haute-Provence, Provence-Alpes-Côte d'Azur",
    },
    {
      // the Pyrénées-Atlantiques have two caisses (Bayonne 641, Pau 642)
      name: "the CPAM of a département with two caisses written as the département",
      change: (w) => (w.am.rows[1][1] = "64"),
      message:
        "tableau Contrats AM, colonne « cpam », ligne 3 : le département 64 compte 2 caisses : saisir le numéro de la caisse (641 CPAM de Bayonne, 642 CPAM de Pau)",
    },
    {
      // CDS avenant 3 created the aid in centres de santé from 03/09/2020: the job stopped with « Erreur : date : … »
      name: "a centre de santé contract signed before the CDS avenant 3",
      change: (w) => ((w.am.rows[1][4] = "cds"), (w.am.rows[1][2] = "01/06/2020")),
      message:
        "tableau Contrats AM, colonne « date_signature », ligne 3 : l'aide à l'emploi d'un assistant médical en centre de santé existe depuis le 03/09/2020 (avenant 3)",
    },
    {
      // avenant 7: a libéral option is 1/3, 1/2 or 1 ETP; 0,4 was counted in the options and left out of the aids
      name: "a libéral contract of 0,4 ETP",
      change: (w) => (w.am.rows[1][3] = 0.4),
      message: "tableau Contrats AM, colonne « etp », ligne 3 : pour un médecin libéral, option 1/3, 0,5 ou 1 ETP attendue, reçu 0,4",
    },
  ];
  for (const v of REFUSED) {
    const [pane, offline] = both(v.name);
    it(pane, async () => {
      const w = clean();
      v.change(w);
      const run = await runPane(w);
      expect(run.outcome.written).toEqual([]);
      expect(run.outcome.problems).toContain(v.message);
      expect(run.untouched()).toBe(true);
    });
    it(offline, async () => {
      const w = clean();
      v.change(w);
      const run = await runOffline(await xlsxWorkbook(w));
      expect(run.code).toBe(1);
      expect(run.errors).toContain(`- ${v.message}`);
      expect(existsSync(run.output)).toBe(false);
    });
  }
});

describe("date_fin, the first day without contract (avenant 7 contracts)", () => {
  // C1 signed 15/10/2021 ends on its anniversary: its 2nd year, starting 15/10/2022, is not due, and it is not in force
  // on 31/12/2022. C2 (1 ETP, signed 01/02/2022) ends 01/08/2022: 181 of its first year's 365 days, so 36 000 €
  // (avenant 7, 1 ETP, 1st year) × 181/365 = 17 852,05 €
  const ended = () => {
    const w = clean();
    w.am.header = [...AM, "date_fin"];
    w.am.rows[0].push("15/10/2022");
    w.am.rows[1].push("01/08/2022");
    return w;
  };
  const aidRows = (rows: string[]) => rows.slice(rows.indexOf("Aides dues au titre de 2022") + 1).slice(0, 4);
  const expected = ["CPAM|Contrats|Montant", "24|1|17852.05", "33|0|0", "Région|1|17852.05"];
  const stock = (rows: string[]) => rows.slice(rows.indexOf("Contrats en cours au 31/12 (stock)") + 2).slice(0, 3);

  it("task pane: a year starting on date_fin is not due, one it cuts is prorated, and Contrôles says so", async () => {
    const run = await runPane(ended());
    expect(run.outcome.problems).toEqual([]);
    const am = figures(run.sheet("Contrats AM"));
    expect(aidRows(am)).toEqual(expected);
    expect(stock(am)).toEqual(["24|0|0", "33|1|0", "Région|1|0"]);
    expect(figures(run.sheet(CONTROLS_SHEET_NAME)).join("\n")).toContain("C2 (ligne 3, fin au 01/08/2022 : 181 jours sur 365)");
  });

  it("offline: the same figures", async () => {
    const run = await runOffline(await xlsxWorkbook(ended()));
    expect(run.code, run.errors.join("\n")).toBe(0);
    const am = figures(run.sheets.get("Contrats AM"));
    expect(aidRows(am)).toEqual(expected);
    expect(stock(am)).toEqual(["24|0|0", "33|1|0", "Région|1|0"]);
  });
});

describe("what a saved .xlsx holds beside its cells (offline)", () => {
  it("a formula saved without its result is refused with its cell, not read as empty", async () => {
    const input = await xlsxWorkbook(clean(), (wb) => {
      // a script wrote =B3*1000 and nobody opened the workbook in Excel: no value is saved
      wb.getWorksheet("Communes")!.getCell("C3").value = { formula: "B3*1000" } as never;
    });
    const run = await runOffline(input);
    expect(run.code).toBe(1);
    expect(run.errors.join("\n")).toContain(
      "- tableau Communes, colonne « population » : ligne 3 : formule sans résultat enregistré (cellule C3) : le classeur a été écrit par un programme sans être calculé ; l'ouvrir dans Excel, le laisser calculer et l'enregistrer",
    );
    expect(existsSync(run.output)).toBe(false);
  });

  it('a formula whose result is the empty text (SIERREUR(…;"")) is an empty cell, not refused', async () => {
    const w = clean();
    w.communes.rows[1][3] = "";
    const base = await runOffline(await xlsxWorkbook(w));
    const input = await xlsxWorkbook(w, (wb) => {
      wb.getWorksheet("Communes")!.getCell("D3").value = { formula: 'IFERROR(VLOOKUP(A3,X:Y,2,0),"")', result: "" } as never;
    });
    const run = await runOffline(input);
    expect(run.code, run.errors.join("\n")).toBe(0);
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheets.get(name)), name).toEqual(figures(base.sheets.get(name)));
  });

  it("formulas whose results are 0 and a number read as those numbers, not as empty cells", async () => {
    const w = clean();
    const base = await runOffline(await xlsxWorkbook(w));
    const input = await xlsxWorkbook(w, (wb) => {
      // M2's fourth prerequisite-table flag is 0 in the clean workbook (row 4, column J), Périgueux' population 40 000
      const msp = wb.getWorksheet("MSP")!;
      expect(msp.getCell("J4").value).toBe(0);
      msp.getCell("J4").value = { formula: "IF(1=1,0,1)", result: 0 } as never;
      wb.getWorksheet("Communes")!.getCell("C4").value = { formula: "4*10000", result: 40_000 } as never;
    });
    const run = await runOffline(input);
    expect(run.code, run.errors.join("\n")).toBe(0);
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheets.get(name)), name).toEqual(figures(base.sheets.get(name)));
  });

  it("merged cells in a table's data are refused: the merged value belongs to the first cell only", async () => {
    const input = await xlsxWorkbook(clean(), (wb) => wb.getWorksheet("Communes")!.mergeCells("B2:B3"));
    const run = await runOffline(input);
    expect(run.code).toBe(1);
    expect(run.errors).toContain(
      "- tableau Communes, colonne « departement », ligne 2 : cellules fusionnées B2:B3 : une valeur fusionnée n'appartient qu'à sa première cellule ; annuler la fusion et remplir chaque cellule",
    );
  });

  it("a title merged above a plain range is no problem", async () => {
    const w = clean();
    Object.values(w).forEach((s) => ((s.table = undefined), (s.above = [["Données 2022"]]), (s.at = 2)));
    w.am.sheet = "Contrats_AM";
    const base = await runOffline(await xlsxWorkbook(w));
    const run = await runOffline(await xlsxWorkbook(w, (wb) => wb.getWorksheet("Communes")!.mergeCells("A1:D1")));
    expect(run.code, run.errors.join("\n")).toBe(0);
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheets.get(name)), name).toEqual(figures(base.sheets.get(name)));
  });

  it("rows typed under an Excel table, outside its range, are refused rather than left out", async () => {
    const input = await xlsxWorkbook(clean(), (wb) => {
      const ws = wb.getWorksheet("Communes")!;
      ws.getRow(7).values = ["24520", "24", 5_000, ""];
    });
    const run = await runOffline(input);
    expect(run.code).toBe(1);
    expect(run.errors).toContain(
      "- tableau Communes : ligne 7 saisie sous ou à côté du tableau Excel « Communes », hors de sa plage : étendre le tableau ou la supprimer",
    );
  });

  it("a workbook counting its dates from 1904 gives the same figures", async () => {
    // 15/10/2021 and 01/02/2022 are the serial numbers 44 484 and 44 593 from 1900, 1 462 days fewer from 1904
    const serials = (w: Workbook, shift: number) => ((w.am.rows[0][2] = 44_484 - shift), (w.am.rows[1][2] = 44_593 - shift));
    const w1900 = clean();
    serials(w1900, 0);
    const base = await runOffline(await xlsxWorkbook(w1900));
    expect(base.code, base.errors.join("\n")).toBe(0);
    const w1904 = clean();
    serials(w1904, 1_462);
    const run = await runOffline(await xlsxWorkbook(w1904, (wb) => ((wb.properties as { date1904?: boolean }).date1904 = true)));
    expect(run.code, run.errors.join("\n")).toBe(0);
    for (const name of OUTPUT_SHEETS) expect(figures(run.sheets.get(name)), name).toEqual(figures(base.sheets.get(name)));
    // read in 1900, the same serials are four years earlier: before avenant 7, refused
    const wrong = await runOffline(await xlsxWorkbook(w1904));
    expect(wrong.code).toBe(1);
  });
});

describe("rows typed outside an Excel table (task pane)", () => {
  it("a contract typed under the table is refused with its row, nothing written", async () => {
    const w = clean();
    const excel = fakeWorkbook(w);
    // the table Contrats_AM holds rows 1–3 of « Liste AM »; a third contract typed on row 5, outside it
    ["C3", "33", "01/03/2022", 1, "liberal", "P50-P70"].forEach((v, c) => excel.sheet("Liste AM")!.setCell(4, c, { value: v }));
    const outcome = await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: { suspendScreenUpdating: true } });
    expect(outcome.written).toEqual([]);
    expect(outcome.problems).toContain(
      "tableau Contrats AM : ligne 5 saisie sous ou à côté du tableau Excel « Contrats_AM », hors de sa plage : étendre le tableau ou la supprimer",
    );
  });

  it("a note typed beside a table's data rows is refused too; a clean table reads as before", async () => {
    const excel = fakeWorkbook(clean());
    excel.sheet("Communes")!.setCell(2, 4, { value: "à vérifier" });
    const outcome = await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: { suspendScreenUpdating: true } });
    expect(outcome.problems).toContain(
      "tableau Communes : ligne 3 saisie sous ou à côté du tableau Excel « Communes », hors de sa plage : étendre le tableau ou la supprimer",
    );
    const ok = await generateSheets(fakeWorkbook(clean()).run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: { suspendScreenUpdating: true } });
    expect(ok.problems).toEqual([]);
  });
});

describe("merged cells and the 1904 date system (task pane)", () => {
  const generate = (excel: ReturnType<typeof fakeWorkbook>) =>
    generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2022, choice: {}, options: { suspendScreenUpdating: true } });

  it("merged cells in a table's data are refused with their range, as offline; nothing written", async () => {
    // Office.js gives a merge's other cells as blank: the second commune would have lost its département
    const excel = fakeWorkbook(clean());
    excel.sheet("Communes")!.merge("B2:B3");
    const outcome = await generate(excel);
    expect(outcome.written).toEqual([]);
    expect(outcome.problems).toContain(
      "tableau Communes, colonne « departement », ligne 2 : cellules fusionnées B2:B3 : une valeur fusionnée n'appartient qu'à sa première cellule ; annuler la fusion et remplir chaque cellule",
    );
  });

  it("a title merged above a table is no problem", async () => {
    const w = clean();
    w.communes.above = [["Communes de la région"]];
    w.communes.at = 2;
    const excel = fakeWorkbook(w);
    excel.sheet("Communes")!.merge("A1:D1");
    expect((await generate(excel)).problems).toEqual([]);
  });

  it("a workbook counting its dates from 1904 gives the same figures; read in 1900 they would be refused", async () => {
    // 15/10/2021 and 01/02/2022: serial numbers 44 484 and 44 593 from 1900, 1 462 days fewer from 1904
    const serials = (w: Workbook, shift: number) => ((w.am.rows[0][2] = 44_484 - shift), (w.am.rows[1][2] = 44_593 - shift));
    const w1900 = clean();
    serials(w1900, 0);
    const base = await runPane(w1900);
    expect(base.outcome.problems).toEqual([]);
    const w1904 = clean();
    serials(w1904, 1_462);
    const excel = fakeWorkbook(w1904);
    excel.date1904 = true;
    const outcome = await generate(excel);
    expect(outcome.problems).toEqual([]);
    for (const name of OUTPUT_SHEETS) expect(figures(excel.sheet(name)?.grid() as Cell[][]), name).toEqual(figures(base.sheet(name)));
    const wrong = await generate(fakeWorkbook(w1904));
    expect(wrong.written).toEqual([]);
  });
});

describe("size", () => {
  it("a Contrats AM table of 200 000 rows is read without overflowing the stack", () => {
    // the earliest and latest dates were once taken by spreading a whole column into Math.min/max: RangeError
    const rows: unknown[][] = [];
    for (let i = 0; i < 200_000; i++) rows.push([`C${i}`, "33", `${String(1 + (i % 28)).padStart(2, "0")}/10/2021`, 1, "liberal", "P50-P70"]);
    const contrats_am: RawTable = { source: "Contrats AM", headers: AM, rows };
    const r = buildRegionalSheets({ tables: { contrats_am }, annee: 2022, kinds: ["contrats_am"] });
    expect(r.problems).toEqual([]);
    // every contract is in the Gironde, signed in 2021: 200 000 of them in the count
    expect(JSON.stringify(r.sheets[0].tables)).toContain("200000");
  });
});
