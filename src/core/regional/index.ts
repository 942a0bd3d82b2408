/**
 * The regional job: from the analyst's raw tables to the sheet models. Tables
 * are validated first; if anything is wrong, no sheet is produced and every
 * problem is listed with its table, column and row.
 */
import { aldMtSheet } from "./ald-mt";
import { cdsSheet } from "./cds";
import { depensesCdsSheet } from "./depenses-cds";
import { imtSheet } from "./imt";
import { mtDentSheet } from "./mt-dent";
import { amContractsSheet } from "./am-contracts";
import { referenceDate, type BuildContext } from "./context";
import { readDepartement, regionOf, regionOfDepartement } from "./codes";
import { controlsSheet } from "./controls";
import { coverageSheet } from "./coverage";
import { cptsSheet } from "./cpts-remuneration";
import { mspSheet } from "./msp-remuneration";
import { projectsSheet } from "./projects";
import { OPTIONAL_SHEETS, SHEET_KINDS, SHEET_NAMES, type SheetKind, type SheetModel } from "./sheet-model";
import { frenchDate, yearOf } from "../dates";
import { normalizeCode } from "../text";
import { DomainError } from "../errors";
import { maxOf } from "./aggregates";
import {
  readCommunes,
  readAldMt,
  readCdsTable,
  readDepensesCds,
  readImt,
  readMtDent,
  readContratsAm,
  readCpts,
  readMspTable,
  isBlankRow,
  ReadLog,
  stadeAt,
  TABLE_LABELS,
  type Problem,
  type RawTable,
  type Reading,
  type RegionalTables,
  type TableKind,
} from "./tables";

export * from "./sheet-model";
export {
  groupedProblemTexts,
  problemText,
  readingText,
  TABLE_LABELS,
  tableFromGrid,
  tableKindOf,
  tableColumns,
  requiredColumns,
  type Problem,
  type RawTable,
  type TableIssue,
  mergedCellsIssue,
  outsideRowsIssue,
  type Reading,
  type TableKind,
} from "./tables";
export { departementName, regionOf } from "./codes";

export const SHEET_NEEDS: Readonly<Record<SheetKind, readonly TableKind[]>> = {
  couverture: ["communes", "cpts"],
  projets: ["cpts"],
  contrats_am: ["contrats_am"],
  remunerations_msp: ["msp"],
  remunerations_cpts: ["cpts"],
  ald_mt: ["ald_mt"],
  mt_dent: ["mt_dent"],
  cds: ["cds"],
  imt: ["imt"],
  depenses_cds: ["depenses_cds"],
};

const BUILDERS: Readonly<Record<SheetKind, (ctx: BuildContext) => SheetModel>> = {
  couverture: coverageSheet,
  projets: projectsSheet,
  contrats_am: amContractsSheet,
  remunerations_msp: mspSheet,
  remunerations_cpts: cptsSheet,
  ald_mt: aldMtSheet,
  mt_dent: mtDentSheet,
  cds: cdsSheet,
  imt: imtSheet,
  depenses_cds: depensesCdsSheet,
};

export interface RegionalRequest {
  tables: Partial<Record<TableKind, RawTable>>;
  /** Reference year (situation at 31/12); without it, the year of `date`, else `defaultYear` of the tables. */
  annee?: number;
  /**
   * Reference date, ISO (situation at that day: stages, contracts in force); its year is the reference year. Given with
   * `annee`, both must agree.
   */
  date?: string;
  /** Sheets to build; all of them by default. */
  kinds?: readonly SheetKind[];
}

export interface RegionalResult {
  /** The sheets asked for, then « Contrôles » (only when there is no problem). */
  sheets: SheetModel[];
  problems: Problem[];
  warnings: string[];
  /** Readings applied to cells (département names read as codes…), also written into « Contrôles ». */
  readings: Reading[];
  /** The reference year used, and why (given, or chosen from the tables). */
  annee?: number;
  /** Reference date, ISO (31/12 of `annee` unless one was given). */
  date?: string;
  anneeNote?: string;
  /** The region of the tables' départements (« Nouvelle-Aquitaine »), for the deck's title. */
  region?: string;
}

export const FIRST_REFERENCE_YEAR = 2017;
export const LAST_REFERENCE_YEAR = 2100;

/**
 * The reference year when none is given: the latest remuneration year of the MSP table, else the latest signature
 * year of the CPTS and assistant médical contracts (RULES.md, « Regional tables: choices »); the note says which.
 */
export function defaultYear(tables: RegionalTables): { annee: number; note: string } | undefined {
  if (tables.msp.length) {
    const annee = maxOf(tables.msp.map((m) => m.annee));
    return { annee, note: `année de référence ${annee} : dernière année de rémunération du tableau MSP (aucune année indiquée)` };
  }
  const dates = [...tables.cpts.map((c) => c.dateSignature), ...tables.contratsAm.map((c) => c.dateSignature), ...tables.aldMt.map((r) => r.date)].filter(
    (d): d is string => !!d,
  );
  if (!dates.length) return undefined;
  const annee = maxOf(dates.map(yearOf));
  return {
    annee,
    note: `année de référence ${annee} : dernière année de signature des tableaux CPTS et Contrats AM, ou de l'extraction ALD_MT (aucune année indiquée, pas de tableau MSP)`,
  };
}

export function buildRegionalSheets(request: RegionalRequest): RegionalResult {
  const requested = request.kinds ?? SHEET_KINDS;
  // a sheet of an optional table (ALD_MT) asked for with others is left out when its table is not there (said in
  // Contrôles); asked for alone, its table is required
  const leftOut = requested.length > 1 ? requested.filter((k) => OPTIONAL_SHEETS.has(k) && SHEET_NEEDS[k].some((t) => !request.tables[t])) : [];
  const kinds = requested.filter((k) => !leftOut.includes(k));
  const log = new ReadLog();
  const problems: Problem[] = log.problems;
  const date = request.date;
  if (date !== undefined && request.annee !== undefined && yearOf(date) !== request.annee) {
    problems.push({
      table: "paramètres",
      column: "date",
      message: `date de référence ${frenchDate(date)} hors de l'année de référence ${request.annee} : indiquer l'une ou l'autre, ou les accorder`,
    });
  }
  const given = request.annee ?? (date !== undefined ? yearOf(date) : undefined);
  if (given !== undefined && (!Number.isInteger(given) || given < FIRST_REFERENCE_YEAR || given > LAST_REFERENCE_YEAR)) {
    problems.push({
      table: "paramètres",
      column: "année",
      message: `année de référence entre ${FIRST_REFERENCE_YEAR} et ${LAST_REFERENCE_YEAR} attendue, reçu ${given}`,
    });
  }
  const needed = new Set(kinds.flatMap((k) => SHEET_NEEDS[k]));
  // without a year, the MSP table gives it: read it whenever it is there
  if (given === undefined && request.tables.msp) needed.add("msp");
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
  // the workbook's region, in which the CPAM codes of four tables are read: worked out once, when one is read
  let regions: Set<string> | undefined;
  const inRegions = () => (regions ??= workbookRegions(t));
  const tables: RegionalTables = {
    communes: needed.has("communes") && t.communes ? readCommunes(t.communes, log) : [],
    cpts: needed.has("cpts") && t.cpts ? readCpts(t.cpts, log) : [],
    msp: needed.has("msp") && t.msp ? readMspTable(t.msp, log) : [],
    contratsAm: needed.has("contrats_am") && t.contrats_am ? readContratsAm(t.contrats_am, log, inRegions()) : [],
    aldMt: needed.has("ald_mt") && t.ald_mt ? readAldMt(t.ald_mt, log, inRegions()) : [],
    mtDent: needed.has("mt_dent") && t.mt_dent ? readMtDent(t.mt_dent, log, inRegions()) : [],
    cds: needed.has("cds") && t.cds ? readCdsTable(t.cds, log) : [],
    imt: needed.has("imt") && t.imt ? readImt(t.imt, log, inRegions()) : [],
    depensesCds: needed.has("depenses_cds") && t.depenses_cds ? readDepensesCds(t.depenses_cds, log) : [],
  };
  const chosen =
    date !== undefined
      ? { annee: given!, note: `date de référence ${frenchDate(date)} : indiquée par l'utilisateur` }
      : given !== undefined
        ? { annee: given, note: `année de référence ${given} : indiquée par l'utilisateur` }
        : defaultYear(tables);
  if (!chosen && !problems.length) {
    problems.push({
      table: "paramètres",
      column: "année",
      message: "aucune année de référence : les tableaux ne contiennent ni année de rémunération MSP ni date de signature ; indiquer l'année",
    });
  }
  if (problems.length || !chosen) return { sheets: [], problems, warnings: [], readings: log.readings };
  const sources = Object.fromEntries([...needed].filter((k) => t[k]).map((k) => [k, { source: t[k]!.source, rows: dataRows(t[k]!) }]));
  const ctx: BuildContext = { tables, annee: chosen.annee, date: date ?? referenceDate(chosen.annee), sources, warnings: [], problems };
  warnLateSignatures(ctx);
  // one line for all of them: most workbooks have none of the optional tables
  if (leftOut.length)
    ctx.warnings.push(
      `feuilles des tableaux facultatifs non produites, faute de tableau dans le classeur : ${leftOut.map((k) => `« ${SHEET_NAMES[k]} » (${SHEET_NEEDS[k].map((t) => TABLE_LABELS[t]).join(", ")})`).join(", ")}`,
    );
  const sheets: SheetModel[] = [];
  for (const k of kinds) {
    try {
      sheets.push(BUILDERS[k](ctx));
    } catch (error) {
      // a rule refusing what the readers let through: said with its tables, never a bare « Erreur : date : … »
      if (!(error instanceof DomainError)) throw error;
      problems.push({ table: SHEET_NEEDS[k].map((t) => TABLE_LABELS[t]).join(", "), column: error.argument, message: error.reason });
    }
  }
  if (problems.length) return { sheets: [], problems, warnings: [], readings: log.readings };
  const readings = log.readings;
  sheets.push(controlsSheet(ctx, chosen.note, readings));
  const departements = new Set<string>();
  for (const list of [tables.communes, tables.cpts, tables.msp]) for (let i = 0; i < list.length; i++) departements.add(list[i].departement);
  const region = regionOf(departements);
  return { sheets, problems: [], warnings: ctx.warnings, readings, annee: chosen.annee, date: ctx.date, anneeNote: chosen.note, region };
}

/** Rows holding data (blank rows left out, as the readers skip them), for the sources note. */
function dataRows(t: RawTable): number {
  let n = 0;
  for (let i = 0; i < t.rows.length; i++) if (!isBlankRow(t.rows[i])) n++;
  return n;
}

/** A CPTS conventionnée after the reference date is a project at that date, in every sheet (`stadeAt`): say so once. */
function warnLateSignatures(ctx: BuildContext): void {
  const date = ctx.date;
  const late = ctx.tables.cpts.filter((c) => stadeAt(c, date) !== c.stade);
  if (!late.length) return;
  const ids = late.slice(0, 5).map((c) => c.id);
  ctx.warnings.push(
    `CPTS : ${late.length} CPTS conventionnée(s) après le ${frenchDate(date)} (${ids.join(", ")}${late.length > 5 ? "…" : ""}) comptée(s) comme projet (stade 4, zone grise) dans toutes les feuilles`,
  );
}

/**
 * The region(s) of the workbook, in which CPAM codes are read: those of the départements of its Communes table, else
 * of its CPTS and MSP tables (a cell that is no département is reported by its own table, not here).
 */
function workbookRegions(t: Partial<Record<TableKind, RawTable>>): Set<string> {
  for (const group of [["communes"], ["cpts", "msp"]] as TableKind[][]) {
    const regions = new Set<string>();
    for (const kind of group) {
      const table = t[kind];
      if (!table) continue;
      const column = table.headers.findIndex((h) => typeof h === "string" && normalizeCode(h) === "departement");
      if (column < 0) continue;
      // a national table repeats a hundred départements: each distinct cell read once
      const cells = new Set<unknown>();
      for (let i = 0; i < table.rows.length; i++) cells.add(table.rows[i][column]);
      for (const cell of cells) {
        try {
          const region = regionOfDepartement(readDepartement(cell).code);
          if (region) regions.add(region);
        } catch {
          // reported where the table is read
        }
      }
    }
    if (regions.size) return regions;
  }
  return new Set();
}
