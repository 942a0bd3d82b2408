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
