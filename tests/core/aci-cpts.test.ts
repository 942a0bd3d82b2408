import { describe, expect, it } from "vitest";
import { cptsMission, cptsTaille, type MissionCode, type Taille, type Volet } from "../../src/core/aci-cpts";

const TAILLES: Taille[] = [1, 2, 3, 4];

function amount(taille: Taille, mission: MissionCode, volet: Volet, date: string, extra: Partial<{ atteinte: number; membres: number; sas: boolean }> = {}) {
  return cptsMission({ taille, mission, volet, dateSignature: date, atteinte: extra.atteinte ?? 1, membres: extra.membres ?? 0, sas: extra.sas ?? true })
    .montant;
}

describe("CPTS taille", () => {
  // seed 003, « Taille de la CPTS / Nombre d'habitants »; boundaries per RULES.md
  it.each([
    [0, 1],
    [39_999, 1],
    [40_000, 2],
    [80_000, 2],
    [80_001, 3],
    [175_000, 3],
    [175_001, 4],
    [2_000_000, 4],
  ])("population %i gives taille %i", (population, taille) => {
    expect(cptsTaille(population)).toBe(taille);
  });

  it("rejects a negative population", () => {
    expect(() => cptsTaille(-1)).toThrow(/population/);
  });
});

describe("ACI CPTS 2019 table (seed 003, « Financement des missions »)", () => {
  const date = "2020-01-01";
  // Each line: fixe and variable by taille, as printed in seed 003.
  const table: [MissionCode, number[], number[]][] = [
    ["fonctionnement", [50_000, 60_000, 75_000, 90_000], [0, 0, 0, 0]],
    ["acces", [15_000, 17_500, 25_000, 30_000], [15_000, 17_500, 25_000, 30_000]],
    ["snp_compensation", [10_000, 12_000, 15_000, 20_000], [0, 0, 0, 0]],
    ["regulation", [35_000, 45_000, 55_000, 70_000], [0, 0, 0, 0]],
    ["parcours", [25_000, 35_000, 45_000, 50_000], [25_000, 35_000, 45_000, 50_000]],
    ["prevention", [10_000, 15_000, 17_500, 20_000], [10_000, 15_000, 17_500, 20_000]],
    ["qualite", [7_500, 10_000, 15_000, 20_000], [7_500, 10_000, 15_000, 20_000]],
    ["accompagnement", [5_000, 7_500, 10_000, 15_000], [5_000, 7_500, 10_000, 15_000]],
  ];
  // the accès total also holds the SNP compensation volet (next test): its own line is fixe + variable
  for (const [mission, fixe, variable] of table) {
    it.each(TAILLES)(`${mission}, taille %i`, (t) => {
      expect(amount(t, mission, "fixe", date)).toBe(fixe[t - 1]);
      expect(amount(t, mission, "variable", date)).toBe(variable[t - 1]);
      const snp = mission === "acces" ? table[2][1][t - 1] : 0;
      expect(amount(t, mission, "total", date)).toBe(fixe[t - 1] + variable[t - 1] + snp);
    });
  }

  it.each([
    // seed 003 « Total » of the accès aux soins mission: fixe + variable + volet supp SNP
    [1, 40_000],
    [2, 47_000],
    [3, 65_000],
    [4, 80_000],
  ] as [Taille, number][])("accès aux soins total, taille %i = %i", (t, total) => {
    // issue 10 item 7: CPTS.MISSION's acces total is that total (snp_compensation alone stays available)
    expect(amount(t, "acces", "total", date)).toBe(total);
    // at 60 % achievement only the variable volet moves: T2 17 500 + 17 500 × 60 % + 12 000
    if (t === 2) expect(amount(t, "acces", "total", date, { atteinte: 0.6 })).toBe(17_500 + 10_500 + 12_000);
  });

  it.each([
    // seed 003 « Financement total possible, volets fixe et variable »: 185 000 / 242 000 / 315 000 / 380 000
    [1, 185_000],
    [2, 242_000],
    [3, 315_000],
    [4, 380_000],
  ] as [Taille, number][])("financement total possible, taille %i = %i", (t, total) => {
    const missions: MissionCode[] = ["fonctionnement", "acces", "parcours", "prevention", "qualite", "accompagnement"];
    expect(missions.reduce((s, m) => s + amount(t, m, "total", date), 0)).toBe(total);
  });

  it("has no crise sanitaire, mission précoce or majoration before avenant 2", () => {
    expect(amount(1, "crise_redaction", "total", date)).toBe(0);
    expect(amount(1, "precoce", "total", date)).toBe(0);
    // T4 with 150 members in 2020: no +10 % (not retroactive, seed 001)
    expect(amount(4, "parcours", "total", date, { membres: 150 })).toBe(100_000);
  });

  it("refuses a signature before the ACI CPTS came into force (25/08/2019)", () => {
    expect(() => amount(1, "parcours", "total", "2019-08-24")).toThrow(/date_signature.*25\/08\/2019/);
  });
});

describe("Avenant 2 (seed 001)", () => {
  const date = "2022-10-01";

  it.each([
    // « Fusion des 4 enveloppes précédentes »: fixe 55/70/90/110 k, variable 25/30/35/45 k, total 80/100/125/155 k
    [1, 55_000, 25_000, 80_000],
    [2, 70_000, 30_000, 100_000],
    [3, 90_000, 35_000, 125_000],
    [4, 110_000, 45_000, 155_000],
  ] as [Taille, number, number, number][])("accès aux soins with SAS, taille %i", (t, fixe, variable, total) => {
    expect(amount(t, "acces", "fixe", date)).toBe(fixe);
    expect(amount(t, "acces", "variable", date)).toBe(variable);
    expect(amount(t, "acces", "total", date)).toBe(total);
    // the merged envelope replaces the SNP compensation and régulation add-ons
    expect(amount(t, "snp_compensation", "total", date)).toBe(0);
    expect(amount(t, "regulation", "total", date)).toBe(0);
  });

  it.each([
    // « Les 4 cas possibles »: without SAS, the 2019 accès-aux-soins provisions are kept
    // acces total = 2019 fixe + variable + SNP compensation (seed 003 « Total »)
    [1, 40_000, 10_000, 35_000],
    [4, 80_000, 20_000, 70_000],
  ] as [Taille, number, number, number][])("accès aux soins without SAS keeps the 2019 table, taille %i", (t, acces, snp, regulation) => {
    expect(amount(t, "acces", "total", date, { sas: false })).toBe(acces);
    expect(amount(t, "snp_compensation", "total", date, { sas: false })).toBe(snp);
    expect(amount(t, "regulation", "total", date, { sas: false })).toBe(regulation);
    // every other avenant-2 measure still applies
    expect(amount(t, "crise_redaction", "total", date, { sas: false })).toBeGreaterThan(0);
  });

  it.each([
    // « Nouvelle mission : crise sanitaire »
    [1, 25_000, 12_500, 37_500],
    [2, 35_000, 17_500, 52_500],
    [3, 45_000, 22_500, 67_500],
    [4, 50_000, 25_000, 75_000],
  ] as [Taille, number, number, number][])("crise sanitaire, taille %i", (t, redaction, miseAJour, survenue) => {
    expect(amount(t, "crise_redaction", "total", date)).toBe(redaction);
    expect(amount(t, "crise_mise_a_jour", "total", date)).toBe(miseAJour);
    expect(amount(t, "crise_survenue", "total", date)).toBe(survenue);
    expect(amount(t, "crise_survenue", "fixe", date)).toBe(0);
    expect(amount(t, "crise_survenue", "variable", date, { atteinte: 0.5 })).toBe(survenue / 2);
  });

  it.each([
    // « Contrat mission précoce »: 15 000 / 17 500 / 25 000 / 30 000
    [1, 15_000],
    [2, 17_500],
    [3, 25_000],
    [4, 30_000],
  ] as [Taille, number][])("mission précoce, taille %i", (t, montant) => {
    expect(amount(t, "precoce", "total", date)).toBe(montant);
  });

  it.each([
    // « Augmentation de l'enveloppe de fonctionnement »: +37 500 / +45 000 / +56 250 / +67 500 for contracts signed by 30/09/2022
    [1, 37_500],
    [2, 45_000],
    [3, 56_250],
    [4, 67_500],
  ] as [Taille, number][])("fonctionnement supplement, taille %i", (t, montant) => {
    expect(amount(t, "fonctionnement_supplement", "total", "2021-03-01")).toBe(montant);
    expect(amount(t, "fonctionnement_supplement", "total", "2022-09-30")).toBe(montant);
    expect(amount(t, "fonctionnement_supplement", "total", "2022-10-01")).toBe(0);
    // base + supplement: 87 500 / 105 000 / 131 250 / 157 500 (seed 001 with the CNAM drafts)
    expect(amount(t, "fonctionnement", "total", "2022-09-15") + amount(t, "fonctionnement_supplement", "total", "2022-09-15")).toBe(
      [87_500, 105_000, 131_250, 157_500][t - 1],
    );
  });

  it.each([
    // « Majoration des rémunérations pour les CPTS de taille 4 »: financement / total
    ["acces", 155_000, 170_500],
    ["parcours", 100_000, 110_000],
    ["prevention", 40_000, 44_000],
    ["qualite", 40_000, 44_000],
    ["accompagnement", 30_000, 33_000],
  ] as [MissionCode, number, number][])("T4 with 100 members or more: %s %i becomes %i", (mission, base, majore) => {
    expect(amount(4, mission, "total", date, { membres: 99 })).toBe(base);
    expect(amount(4, mission, "total", date, { membres: 100 })).toBe(majore);
  });

  it("never raises fonctionnement, and only taille 4", () => {
    expect(amount(4, "fonctionnement", "total", date, { membres: 500 })).toBe(90_000);
    expect(amount(3, "parcours", "total", date, { membres: 500 })).toBe(90_000);
    // crise sanitaire is a socle mission: raised too (RULES.md)
    expect(amount(4, "crise_redaction", "total", date, { membres: 120 })).toBe(55_000);
  });

  it("pays the variable part at the achievement rate", () => {
    // parcours T2: fixe 35 000 + variable 35 000 × 60 %
    expect(amount(2, "parcours", "total", date, { atteinte: 0.6 })).toBe(56_000);
    expect(amount(2, "parcours", "fixe", date, { atteinte: 0.6 })).toBe(35_000);
  });
});
