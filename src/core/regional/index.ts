/**
 * The regional job: from the analyst's raw tables to the sheet models. Tables
 * are validated first; if anything is wrong, no sheet is produced and every
 * problem is listed with its table, column and row.
 */
import { amContractsSheet } from "./am-contracts";
import type { BuildContext } from "./context";
import { coverageSheet } from "./coverage";
import { cptsSheet } from "./cpts-remuneration";
import { mspSheet } from "./msp-remuneration";
import { projectsSheet } from "./projects";
import { SHEET_KINDS, SHEET_NAMES, type SheetKind, type SheetModel } from "./sheet-model";
import { readCommunes, readContratsAm, readCpts, readMspTable, TABLE_LABELS, type Problem, type RawTable, type RegionalTables, type TableKind } from "./tables";

export * from "./sheet-model";
export { problemText, TABLE_LABELS, tableKindOf, requiredColumns, type Problem, type RawTable, type TableKind } from "./tables";

export const SHEET_NEEDS: Readonly<Record<SheetKind, readonly TableKind[]>> = {
  couverture: ["communes", "cpts"],
  projets: ["cpts"],
  contrats_am: ["contrats_am"],
  remunerations_msp: ["msp"],
  remunerations_cpts: ["cpts"],
};

const BUILDERS: Readonly<Record<SheetKind, (ctx: BuildContext) => SheetModel>> = {
  couverture: coverageSheet,
  projets: projectsSheet,
  contrats_am: amContractsSheet,
  remunerations_msp: mspSheet,
  remunerations_cpts: cptsSheet,
};

export interface RegionalRequest {
  tables: Partial<Record<TableKind, RawTable>>;
  /** Reference year (situation at 31/12). */
  annee: number;
  /** Sheets to build; all of them by default. */
  kinds?: readonly SheetKind[];
}

export interface RegionalResult {
  sheets: SheetModel[];
  problems: Problem[];
  warnings: string[];
}

export function buildRegionalSheets(request: RegionalRequest): RegionalResult {
  const kinds = request.kinds ?? SHEET_KINDS;
  const problems: Problem[] = [];
  if (!Number.isInteger(request.annee) || request.annee < 2017 || request.annee > 2100) {
    problems.push({ table: "paramètres", column: "année", message: `année de référence entre 2017 et 2100 attendue, reçu ${request.annee}` });
  }
  const needed = new Set(kinds.flatMap((k) => SHEET_NEEDS[k]));
  for (const kind of needed) {
    if (!request.tables[kind]) {
      const sheets = kinds.filter((k) => SHEET_NEEDS[k].includes(kind)).map((k) => `« ${SHEET_NAMES[k]} »`);
      problems.push({
        table: TABLE_LABELS[kind],
        message: `tableau introuvable : il faut un tableau (ou une feuille) « ${TABLE_LABELS[kind]} » pour ${sheets.join(", ")}`,
      });
    }
  }
  const t = request.tables;
  const tables: RegionalTables = {
    communes: needed.has("communes") && t.communes ? readCommunes(t.communes, problems) : [],
    cpts: needed.has("cpts") && t.cpts ? readCpts(t.cpts, problems) : [],
    msp: needed.has("msp") && t.msp ? readMspTable(t.msp, problems) : [],
    contratsAm: needed.has("contrats_am") && t.contrats_am ? readContratsAm(t.contrats_am, problems) : [],
  };
  if (problems.length) return { sheets: [], problems, warnings: [] };
  const sources = Object.fromEntries([...needed].map((k) => [k, { source: t[k]!.source, rows: t[k]!.rows.length }]));
  const ctx: BuildContext = { tables, annee: request.annee, sources, warnings: [] };
  const sheets = kinds.map((k) => BUILDERS[k](ctx));
  return { sheets, problems: [], warnings: ctx.warnings };
}
