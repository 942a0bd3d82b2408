/* global Excel, Blob */
/**
 * One click of the task pane: read the workbook (two syncs), build the sheets
 * in the rules core, check everything, then write each sheet with one sync.
 * If anything is wrong, nothing is written.
 */
import { todayParisIso } from "../core/dates";
import { buildRegionalSheets, groupedProblemTexts, readingText, type SheetKind, type TableKind } from "../core/regional";
import { defaultChoice, nameConflicts, readWorkbook, recalculate, writeSheet, type GenerationOutcome, type WriteOptions } from "./excel-io";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface GenerationRequest {
  kinds: readonly SheetKind[];
  /** Reference year; without it, the one the tables give (latest MSP remuneration year…), said in the outcome. */
  annee?: number;
  /** Reference date, ISO (the pane's date field): the situation at that day; its year must be `annee` if both are given. */
  date?: string;
  /** Sources picked in the pane; kinds left out use the default (table or sheet named like the kind). */
  choice: Partial<Record<TableKind, string>>;
  options: WriteOptions;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Reads the chosen tables (each once) and builds the sheet models; the problems and warnings as the pane lists them. */
async function readAndBuild(context: Excel.RequestContext, request: Pick<GenerationRequest, "annee" | "date" | "choice">, kinds?: readonly SheetKind[]) {
  const read = await readWorkbook(context, (inv) => ({ ...defaultChoice(inv), ...request.choice }));
  if (read.problems.length) return { read, problems: read.problems, warnings: [] as string[] };
  const result = buildRegionalSheets({ tables: read.tables, annee: request.annee, date: request.date, kinds });
  const warnings = [...result.readings.map((r) => `Lecture : ${readingText(r)}`), ...result.warnings];
  return { read, result, problems: groupedProblemTexts(result.problems), warnings };
}

export async function generateSheets(run: ExcelRun, request: GenerationRequest): Promise<GenerationOutcome> {
  return run(async (context) => {
    const progress = request.onProgress ?? (() => {});
    const total = request.kinds.length + 2;
    progress(0, total, "Lecture des tableaux…");
    const { read, result, problems: found, warnings } = await readAndBuild(context, request, request.kinds);
    if (!result) return { written: [], problems: found, warnings };
    const problems = [...found, ...nameConflicts(result.sheets, read.inv)];
    if (problems.length) return { written: [], problems, warnings };
    const written: string[] = [];
    for (const [i, sheet] of result.sheets.entries()) {
      progress(i + 1, total, `Écriture de « ${sheet.name} »…`);
      // screen updating suspended once per run, with the first sheet's batch
      const notes = await writeSheet(context, sheet, read.inv, { ...request.options, suspendScreenUpdating: request.options.suspendScreenUpdating && i === 0 });
      warnings.push(...notes);
      written.push(sheet.name);
    }
    await recalculate(context);
    progress(total, total, "Terminé");
    return { written, problems: [], warnings, annee: result.annee, date: result.date, anneeNote: result.anneeNote };
  });
}

export interface DeckOutcome {
  problems: string[];
  warnings: string[];
  /** The deck's bytes, ready to download, and its file name. */
  deck?: Blob;
  fileName?: string;
  annee?: number;
  date?: string;
}

/**
 * The « Diaporama » button: the same reading and the same sheet models as the sheets, rendered as the commission deck
 * in the browser (pptxgenjs is loaded only then). Nothing is written in the workbook.
 */
export async function generateDeck(run: ExcelRun, request: Omit<GenerationRequest, "kinds" | "options">): Promise<DeckOutcome> {
  const { result, problems, warnings } = await run((context) => readAndBuild(context, request));
  if (!result || problems.length) return { problems, warnings };
  const { buildDeck, deckBytes } = await import(/* webpackChunkName: "diaporama" */ "../deck/deck");
  const pptx = buildDeck(result.sheets, {
    region: result.region ?? "",
    annee: result.annee!,
    date: result.date,
    anneeNote: result.anneeNote!,
    dateDonnees: todayParisIso(),
  });
  const deck = await deckBytes(pptx, "blob");
  return { problems: [], warnings, deck, fileName: `commission-${result.annee}.pptx`, annee: result.annee, date: result.date };
}
