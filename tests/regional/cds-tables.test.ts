/**
 * Two more tables of the Journée régionale des centres de santé PACA (16/04/2024): « Données relatives au dispositif
 * M'T dent 2023 » and « 225 centres de santé implantés en région PACA » — their figures must come out exactly.
 */
import { describe, expect, it } from "vitest";
import { buildRegionalSheets } from "../../src/core/regional";
import { slideText } from "../../src/deck/deck";
import { table } from "./fixtures";

const pct2 = (v: unknown) => ((v as number) * 100).toFixed(2).replace(".", ",");

describe("M'T dent 2023 (PACA)", () => {
  // caisse, eligible patients, EBD done, rate as the deck prints it, mean rate of the dentists with 12 months of activity
  const SEED: [string, number, number, string, number][] = [
    ["41", 294, 57, "19,39", 0.198],
    ["51", 369, 115, "31,17", 0.3117],
    ["61", 10_493, 1_580, "15,06", 0.1486],
    ["131", 16_024, 2_624, "16,38", 0.1638],
    ["831", 4_171, 932, "22,34", 0.2252],
    ["841", 2_734, 634, "23,19", 0.2346],
  ];
  const mtDent = table(
    "MT_dent",
    ["cpam", "annee", "patients_eligibles", "ebd_realises", "taux_moyen_ps"],
    SEED.map(([c, e, r, , m]) => [c, 2023, e, r, m]),
  );
  const result = buildRegionalSheets({ tables: { mt_dent: mtDent }, date: "2024-04-02", kinds: ["mt_dent"] });
  const sheet = result.sheets[0];

  it("gives each caisse's rate and the région's 34 085 / 5 942 → 17,43 %", () => {
    expect(result.problems).toEqual([]);
    // the latest year of the table up to the reference year (2024): 2023
    expect(sheet.title).toBe("Dispositif M'T dent 2023");
    const rows = sheet.tables[0].rows;
    SEED.forEach(([, e, r, taux, moyen], i) => {
      expect(rows[i].slice(1)).toEqual([e, r, expect.anything(), moyen]);
      expect(pct2(rows[i][3])).toBe(taux);
    });
    expect(rows.at(-1)!.slice(0, 3)).toEqual(["Région", 34_085, 5_942]);
    expect(pct2(rows.at(-1)![3])).toBe("17,43");
    expect(slideText(rows.at(-1)![3] as number, "percent").replace("\u00a0", " ")).toBe("17,4 %");
  });

  it("refuses more examinations than eligible patients", () => {
    const bad = table("MT_dent", ["cpam", "annee", "patients_eligibles", "ebd_realises"], [["131", 2023, 57, 294]]);
    const r = buildRegionalSheets({ tables: { mt_dent: bad }, date: "2024-04-02", kinds: ["mt_dent"] });
    expect(r.problems).toContainEqual(expect.objectContaining({ table: "MT_dent", column: "ebd_realises", row: 2 }));
  });
});

describe("Centres de santé (PACA: 225 = 126 dentaires, 33 médicaux dont 19 ophtalmologiques, 66 polyvalents)", () => {
  const rows: unknown[][] = [];
  const add = (n: number, type: string, specialite = "") => {
    for (let i = 0; i < n; i++)
      rows.push([`C${rows.length + 1}`, `Centre ${rows.length + 1}`, ["04", "05", "06", "13", "83", "84"][rows.length % 6], type, specialite]);
  };
  add(126, "dentaire");
  add(19, "Médical", "Ophtalmologie");
  add(14, "medical");
  add(66, "Polyvalent");
  const cds = table("CDS", ["id", "nom", "departement", "type", "specialite"], rows);
  const sheet = buildRegionalSheets({ tables: { cds }, date: "2024-04-02", kinds: ["cds"] }).sheets[0];

  it("counts the centres by type, the région's total 225", () => {
    const region = sheet.tables[0].rows.at(-1)!;
    expect(sheet.tables[0].header).toEqual(["Département", "Nom", "Dentaires", "Médicaux", "Polyvalents", "Infirmiers", "Total"]);
    expect(region).toEqual(["Région", "", 126, 33, 66, 0, 225]);
    expect(sheet.title).toBe("Centres de santé de la région : 225");
  });

  it("gives the médicaux by spécialité: 19 ophtalmologiques of 33", () => {
    expect(sheet.tables[1].rows).toEqual([
      ["Ophtalmologie", 19],
      ["Sans spécialité indiquée", 14],
      ["Total", 33],
    ]);
  });

  it("refuses an unknown type, naming its row and the accepted codes", () => {
    const bad = table("CDS", ["id", "nom", "departement", "type"], [["X", "Centre X", "13", "pharmacie"]]);
    const r = buildRegionalSheets({ tables: { cds: bad }, date: "2024-04-02", kinds: ["cds"] });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ table: "CDS", column: "type", row: 2, message: expect.stringMatching(/code inconnu « pharmacie »/) }),
    );
  });
});

describe("Consultations IMT (consultation longue d'inscription MT d'un patient en ALD, 60 € depuis le 15/05/2023)", () => {
  const imt = table(
    "IMT",
    ["cpam", "mois", "nb_imt"],
    [
      ["131", "01/05/2023", 10],
      ["831", "01/05/2023", 4],
      ["131", "01/06/2023", 25],
      ["131", "15/07/2023", 30],
      ["831", "01/07/2023", 6],
      ["131", "01/05/2024", 99],
    ],
  );
  const sheet = buildRegionalSheets({ tables: { imt }, date: "2024-04-02", kinds: ["imt"] }).sheets[0];

  it("counts by month and CPAM, the months up to the reference date, at 60 € each (Journée CDS PACA 2024)", () => {
    expect(sheet.tables[0].header).toEqual(["Mois", "13", "83", "Total", "Montant"]);
    expect(sheet.tables[0].rows).toEqual([
      ["05/2023", 10, 4, 14, 14 * 60],
      ["06/2023", 25, 0, 25, 25 * 60],
      ["07/2023", 30, 6, 36, 36 * 60],
      ["Total", 65, 10, 75, 75 * 60],
    ]);
  });

  it("pays a DROM caisse's consultation at the DROM tariff (72 €, to confirm)", () => {
    const drom = table("IMT", ["cpam", "mois", "nb_imt"], [["971", "01/09/2023", 5]]);
    const s = buildRegionalSheets({ tables: { imt: drom }, date: "2023-12-31", kinds: ["imt"] }).sheets[0];
    expect(s.tables[0].rows.at(-1)).toEqual(["Total", 5, 5, 5 * 72]);
  });

  it("refuses a month before the consultation existed, and a month given twice", () => {
    const bad = table(
      "IMT",
      ["cpam", "mois", "nb_imt"],
      [
        ["131", "01/04/2023", 3],
        ["131", "01/06/2023", 3],
        ["131", "20/06/2023", 4],
      ],
    );
    const r = buildRegionalSheets({ tables: { imt: bad }, date: "2024-04-02", kinds: ["imt"] });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ column: "mois", row: 2, message: "mois 04/2023 : la consultation IMT est facturable depuis le 15/05/2023" }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ column: "mois", row: 4, message: "CPAM 13 déjà donnée pour le mois 06/2023 (ligne 3)" }));
  });
});

describe("Suivi des dépenses 2023 des centres de santé (PACA, base de remboursement)", () => {
  // prestation: [régime général, MSA, autres] amounts 2023 and their PCAP, as the deck prints them; France PCAP
  const MEDICAUX: [string, [number, number][], number][] = [
    [
      "Consultations et visites",
      [
        [26_172_553, 0.006],
        [387_032, 0.021],
        [792_925, 0.032],
      ],
      0.16,
    ],
    [
      "Actes techniques médicaux (hors imagerie)",
      [
        [20_766_608, 0.344],
        [424_788, 0.412],
        [359_437, 0.417],
      ],
      0.13,
    ],
    [
      "Actes d'imagerie (hors échographie)",
      [
        [7_620_463, -0.042],
        [132_626, -0.032],
        [154_183, -0.027],
      ],
      -0.014,
    ],
    [
      "Actes de chirurgie",
      [
        [4_445_925, -0.02],
        [111_764, -0.015],
        [72_181, 0.067],
      ],
      -0.036,
    ],
    [
      "Actes échographie",
      [
        [3_845_992, 0.225],
        [49_769, 0.019],
        [66_802, 0.131],
      ],
      0.163,
    ],
  ];
  const REGIMES = ["general", "msa", "autres"];
  const rows: unknown[][] = [];
  for (const [prestation, amounts, france] of MEDICAUX)
    amounts.forEach(([m, pcap], i) => {
      rows.push([2023, "Actes médicaux", prestation, REGIMES[i], m, france]);
      // the previous year's amount, from the deck's change
      rows.push([2022, "Actes médicaux", prestation, REGIMES[i], Math.round(m / (1 + pcap)), ""]);
    });
  // « Aides et rémunérations conventionnelles »: paid by the MSA in 2022, not in 2023 (the deck's −100,0 %)
  rows.push([2023, "Autres dépenses", "Aides et rémunérations conventionnelles", "general", 9_026_080, 0.34]);
  rows.push([2022, "Autres dépenses", "Aides et rémunérations conventionnelles", "general", Math.round(9_026_080 / 1.428), ""]);
  rows.push([2022, "Autres dépenses", "Aides et rémunérations conventionnelles", "msa", 1_200, ""]);
  const depenses = table("Depenses_CDS", ["annee", "groupe", "prestation", "regime", "montant", "pcap_france"], rows);
  const result = buildRegionalSheets({ tables: { depenses_cds: depenses }, date: "2024-04-02", kinds: ["depenses_cds"] });
  const sheet = result.sheets[0];
  const pct1 = (v: unknown) => ((v as number) * 100).toFixed(1).replace(".", ",");

  it("gives the Actes médicaux table: amounts, changes by régime, the région, France beside", () => {
    expect(result.problems).toEqual([]);
    expect(sheet.title).toBe("Suivi des dépenses 2023 des centres de santé");
    const medicaux = sheet.tables.find((t) => t.title === "Actes médicaux 2023")!;
    expect(medicaux.rows.map((r) => r[0])).toEqual([...MEDICAUX.map((m) => m[0]), "Total Actes médicaux"]);
    MEDICAUX.forEach(([, amounts, france], i) => {
      const row = medicaux.rows[i];
      expect([row[1], row[3], row[5]]).toEqual(amounts.map((a) => a[0]));
      expect([row[2], row[4], row[6]].map(pct1)).toEqual(amounts.map((a) => pct1(a[1])));
      expect(row[9]).toBe(france);
    });
    // the deck's « Total Actes médicaux »: 62 851 541 / 1 105 979 / 1 445 528, +10,2 % for the région; its région
    // total 65 403 049 sums amounts in cents, the three whole-euro amounts given here sum to 65 403 048
    const total = medicaux.rows.at(-1)!;
    expect([total[1], total[3], total[5], total[7]]).toEqual([62_851_541, 1_105_979, 1_445_528, 62_851_541 + 1_105_979 + 1_445_528]);
    expect(Math.abs((total[8] as number) - 0.102)).toBeLessThan(0.001);
    // Consultations et visites, région: 27 352 510
    expect(medicaux.rows[0][7]).toBe(27_352_510);
  });

  it("says −100 % for a régime that paid last year and not this one, and sums the groups", () => {
    const autres = sheet.tables.find((t) => t.title === "Autres dépenses 2023")!;
    expect(autres.rows[0][3]).toBe("");
    expect(autres.rows[0][4]).toBe(-1);
    expect(pct1(autres.rows[0][2])).toBe("42,8");
    const summary = sheet.tables[0];
    expect(summary.rows.map((r) => r[0])).toEqual(["Total Actes médicaux", "Total Autres dépenses", "TOTAL"]);
    expect(summary.rows.at(-1)![7]).toBe(65_403_048 + 9_026_080);
  });

  it("refuses a prestation given twice for a régime and a year", () => {
    const bad = table(
      "Depenses_CDS",
      ["annee", "groupe", "prestation", "regime", "montant"],
      [
        [2023, "Actes médicaux", "Actes de chirurgie", "general", 10],
        [2023, "Actes médicaux", "actes de chirurgie ", "Régime général", 11],
      ],
    );
    const r = buildRegionalSheets({ tables: { depenses_cds: bad }, date: "2024-04-02", kinds: ["depenses_cds"] });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ column: "prestation", row: 3, message: "« actes de chirurgie » déjà donnée pour general en 2023 (ligne 2)" }),
    );
  });
});

describe("the centres de santé tables on the deck", () => {
  it("shows the sheets' figures on their slides (M'T dent, centres de santé)", async () => {
    const { buildDeck, deckBytes } = await import("../../src/deck/deck");
    const JSZip = (await import("jszip")).default;
    const mtDent = table(
      "MT_dent",
      ["cpam", "annee", "patients_eligibles", "ebd_realises"],
      [
        ["41", 2023, 294, 57],
        ["131", 2023, 16_024, 2_624],
      ],
    );
    const cds = table(
      "CDS",
      ["id", "nom", "departement", "type"],
      [
        ["A", "Centre A", "13", "dentaire"],
        ["B", "Centre B", "13", "polyvalent"],
      ],
    );
    const r = buildRegionalSheets({ tables: { mt_dent: mtDent, cds }, date: "2024-04-02", kinds: ["mt_dent", "cds"] });
    expect(r.problems).toEqual([]);
    const zip = await JSZip.loadAsync(
      await deckBytes(buildDeck(r.sheets, { region: "PACA", annee: 2024, date: "2024-04-02", anneeNote: "", dateDonnees: "2024-04-16" }), "nodebuffer"),
    );
    const text = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
          .map((f) => zip.file(f)!.async("string")),
      )
    )
      .join(" ")
      .replace(/\u00a0/g, " ");
    // 2 681 / 16 318 → 16,4 %; two centres, one dentaire, one polyvalent
    for (const v of ["Dispositif M'T dent 2023", "16 318", "2 681", "16,4 %", "Centres de santé de la région : 2"])
      expect(text).toContain(v.replace("'", "&apos;"));
  });
});
