/**
 * Writes examples/region-exemple.xlsx: the real communes and populations of
 * Nouvelle-Aquitaine (@etalab/decoupage-administratif, devDependency) with
 * fictional CPTS, MSP and assistant médical contracts. Deterministic (seeded
 * generator), so the sample only changes when this script does.
 * Run: npx tsx scripts/make-sample.ts
 */
import ExcelJS from "exceljs";
import { mulberry32 } from "./random";
import { tableColumns } from "../src/core/regional";

interface EtalabCommune {
  code: string;
  nom: string;
  departement: string;
  region: string;
  type: string;
  population?: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The sample of a région (INSEE code; Nouvelle-Aquitaine, 75, by default): its real communes, fictional contracts. */
export function buildSample(region = "75") {
  // a fresh generator on every call: the same sample each time
  const random = mulberry32(20221231);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const dateBetween = (from: string, to: string) => {
    const a = Date.parse(from);
    const b = Date.parse(to);
    return new Date(a + Math.floor(random() * (b - a))).toISOString().slice(0, 10);
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const all: EtalabCommune[] = require("@etalab/decoupage-administratif/data/communes.json");
  const communes = all.filter((c) => c.region === region && c.type === "commune-actuelle").sort((a, b) => a.code.localeCompare(b.code));
  const departements = [...new Set(communes.map((c) => c.departement))].sort();

  // CPTS territories: consecutive communes of a département, 30 000 to 160 000 inhabitants each
  const cptsRows: unknown[][] = [];
  const territoryOf = new Map<string, string>();
  let n = 0;
  for (const d of departements) {
    const list = communes.filter((c) => c.departement === d);
    let current: EtalabCommune[] = [];
    let target = between(30_000, 160_000);
    const close = () => {
      if (!current.length) return;
      n++;
      const id = `CPTS-${d}-${pad(n, 3)}`;
      const population = current.reduce((s, c) => s + (c.population ?? 0), 0);
      const hasCpts = chance(0.85);
      if (hasCpts) {
        for (const c of current) territoryOf.set(c.code, id);
        const stade = chance(0.4) ? "5" : pick(["1", "1", "2", "2bis", "3", "3", "4"]);
        const signed = stade === "5" ? dateBetween("2019-10-01", "2022-11-30") : "";
        cptsRows.push([
          id,
          `CPTS ${current[0].nom}`,
          d,
          stade,
          population,
          signed,
          between(15, 220),
          chance(0.7) ? 1 : 0,
          Math.round((0.6 + random() * 0.4) * 100) / 100,
          Math.round((0.5 + random() * 0.5) * 100) / 100,
          Math.round((0.5 + random() * 0.5) * 100) / 100,
          chance(0.5) ? 1 : 0,
          chance(0.4) ? 1 : 0,
        ]);
      }
      current = [];
      target = between(30_000, 160_000);
    };
    let sum = 0;
    for (const c of list) {
      current.push(c);
      sum += c.population ?? 0;
      if (sum >= target) {
        close();
        sum = 0;
      }
    }
    close();
  }
  const communeRows = communes.map((c) => [c.code, c.nom, c.departement, c.population ?? 0, territoryOf.get(c.code) ?? ""]);

  // MSP: one row per MSP and remuneration year (2021 under ACI 2017, 2022 under avenant 1)
  const mspHeader = [
    "id",
    "nom",
    "departement",
    "aci",
    "annee",
    "annee_adhesion",
    "patientele",
    "nb_ps",
    "amplitude_h",
    "samedi_matin",
    "fermeture_conges",
    "snp",
    "coordination",
    "si_standard",
    "protocoles",
    "reunions",
    "dossiers",
    "patients_ald75",
    "missions_sp",
    "diversite",
    "second_recours",
    "cstm",
    "formation",
    "coord_externe",
    "si_avance",
    "taux_css",
    "taux_ame",
    "taux_css_national",
    "taux_ame_national",
    "ipa",
    "crise_plan",
  ];
  const mspRows: unknown[][] = [];
  for (let i = 1; i <= 260; i++) {
    const d = pick(departements);
    const aci = chance(0.6) ? 1 : 0;
    const adhesion = between(2017, 2022);
    const base = { patientele: between(1_500, 12_000), nbPs: between(5, 28) };
    for (const annee of aci ? [2021, 2022].filter((y) => y >= adhesion) : [2022]) {
      const patientele = Math.round(base.patientele * (annee === 2022 ? 1 + random() * 0.08 : 1));
      const ald = Math.round(patientele * (0.18 + random() * 0.1));
      mspRows.push([
        `MSP-${pad(i, 3)}`,
        `Maison de santé ${i}`,
        d,
        aci,
        annee,
        adhesion,
        patientele,
        base.nbPs,
        pick([8.5, 9, 10, 11, 11.5, 12, 12]),
        chance(0.75) ? 1 : 0,
        chance(0.3) ? 1 : 0,
        chance(0.95) ? 1 : 0,
        chance(0.92) ? 1 : 0,
        chance(0.95) ? 1 : 0,
        between(0, 10),
        between(3, 14),
        Math.round(ald * (0.02 + random() * 0.05)),
        ald,
        between(0, 3),
        between(0, 2),
        between(0, 2),
        chance(0.15) ? 1 : 0,
        chance(0.4) ? 1 : 0,
        chance(0.5) ? 1 : 0,
        chance(0.2) ? 1 : 0,
        Math.round((0.04 + random() * 0.12) * 1000) / 1000,
        Math.round(random() * 0.03 * 1000) / 1000,
        0.078,
        0.012,
        annee >= 2022 && chance(0.2) ? 1 : 0,
        annee >= 2022 && chance(0.7) ? 1 : 0,
      ]);
    }
  }

  // Assistant médical contracts, by CPAM (département code, or caisse number where a département has several), from the autumn of 2019; centres de santé under avenant 3
  // (2021–2023) and avenant 5 (from 06/08/2024); the objective's follow-up for part of the contracts in year 3+
  const amRows: unknown[][] = [];
  for (let i = 1; i <= 635; i++) {
    const cds = i > 600;
    const avenant3 = i > 620;
    const signed = avenant3 ? dateBetween("2021-01-01", "2023-12-31") : cds ? dateBetween("2024-08-06", "2025-10-31") : dateBetween("2019-09-01", "2022-12-31");
    const etp = cds ? pick([0.5, 1, 1.5, 2]) : signed < "2023-05-01" && chance(0.5) ? "1/3" : pick([0.5, 0.5, 1]);
    const bande = pick(["P30-P50", "P50-P70", "P70-P90", "P90-P95", "P95+"]);
    const followed = !cds && signed <= "2020-12-31" && chance(0.6);
    const depart = 800 + Math.floor(random() * 1_200);
    const fin = Math.round(depart * (0.95 + random() * 0.3));
    // option 1/3: the objective comes from the band (AM.OBJECTIF); the other options' grids are partly unpublished
    const withFa = followed && chance(0.3);
    const objectif = followed && etp !== "1/3" ? pick([0.06, 0.15, 0.25]) : "";
    const etpMedecins = cds ? Number((Number(etp) * 2 + (chance(0.9) ? random() * 3 : -0.5)).toFixed(1)) : "";
    const departement = pick(departements);
    amRows.push([
      `AM-${pad(i, 4)}`,
      // the Pyrénées-Atlantiques have two caisses (Bayonne 641, Pau 642): its contracts name theirs
      departement === "64" ? (i % 3 ? "641" : "642") : departement,
      signed,
      etp,
      cds ? "cds" : "liberal",
      bande,
      chance(0.05) ? dateBetween(signed, cds ? "2026-06-30" : "2022-12-31") : "",
      followed ? depart : "",
      followed ? fin : "",
      withFa ? depart + 150 : "",
      withFa ? depart + 150 + Math.round(random() * 200) : "",
      objectif,
      etpMedecins,
    ]);
  }

  return {
    communes: { header: ["code_commune", "nom", "departement", "population", "cpts"], rows: communeRows },
    cpts: {
      header: [
        "id",
        "nom",
        "departement",
        "stade",
        "population",
        "date_signature",
        "membres",
        "sas",
        "atteinte_acces",
        "atteinte_parcours",
        "atteinte_prevention",
        "qualite",
        "accompagnement",
      ],
      rows: cptsRows,
    },
    msp: { header: mspHeader, rows: mspRows },
    contratsAm: { header: tableColumns("contrats_am"), rows: amRows },
  };
}

export async function writeSample(path: string, region = "75"): Promise<void> {
  const sample = buildSample(region);
  const wb = new ExcelJS.Workbook();
  wb.creator = "GDR exercice coordonné (exemple fictif)";
  const sheets: [string, string, { header: string[]; rows: unknown[][] }][] = [
    ["Communes", "Communes", sample.communes],
    ["CPTS", "CPTS", sample.cpts],
    ["MSP", "MSP", sample.msp],
    ["Liste contrats AM", "Contrats_AM", sample.contratsAm],
  ];
  for (const [sheetName, tableName, data] of sheets) {
    const ws = wb.addWorksheet(sheetName);
    ws.addTable({
      name: tableName,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: data.header.map((name) => ({ name, filterButton: true })),
      rows: data.rows as ExcelJS.CellValue[][],
    });
    data.header.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(12, h.length + 3)));
  }
  await wb.xlsx.writeFile(path);
}

if (require.main === module) {
  writeSample("examples/region-exemple.xlsx").then(() => console.log("examples/region-exemple.xlsx écrit"));
}
