/**
 * The regional job without Excel: `npm run regional -- <entrée.xlsx> <sortie.xlsx|sortie.pptx> [--annee AAAA] [--remplacer]`.
 * Reads the Communes, CPTS, MSP and Contrats AM tables of the input workbook
 * and writes the regional sheets, then « Contrôles », into a new workbook — or,
 * for an output ending in .pptx, the commission deck with native charts. The
 * input is never modified; an existing output is replaced only with --remplacer;
 * a file is written whole or not at all. Without --annee, the reference year is
 * chosen from the tables and said.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { buildRegionalSheets, groupedProblemTexts, readingText } from "../src/core/regional";
import { frenchDate } from "../src/core/dates";
import { buildDeck, deckBytes } from "../src/deck/deck";
import { readSourceTables, renderWorkbook, WorkbookFileError } from "../src/offline/xlsx";

const USAGE = "Usage : npm run regional -- <entrée.xlsx> <sortie.xlsx ou sortie.pptx> [--annee AAAA] [--date JJ/MM/AAAA] [--remplacer]";
const FLAGS = ["--annee", "--date", "--remplacer"];

export interface RegionalArgs {
  files: string[];
  annee?: number;
  /** Reference date, ISO. */
  date?: string;
  remplacer: boolean;
}

/** Reads the command line; an unknown flag, a missing or malformed year is an error saying what is accepted. */
export function parseArgs(args: readonly string[]): RegionalArgs | string {
  const out: RegionalArgs = { files: [], remplacer: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      out.files.push(arg);
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === "--remplacer" && inline === undefined) out.remplacer = true;
    else if (flag === "--annee") {
      const value = inline ?? args[++i];
      if (value === undefined || !/^\d{4}$/.test(value.trim())) return `année attendue après --annee (ex. --annee 2022), reçu « ${value ?? ""} »`;
      out.annee = Number(value);
    } else if (flag === "--date") {
      const value = inline ?? args[++i];
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value?.trim() ?? "");
      const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : "";
      const valid = m && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
      if (!valid) return `date attendue après --date au format JJ/MM/AAAA (ex. --date 02/04/2024), reçu « ${value ?? ""} »`;
      out.date = iso;
    } else return `option inconnue « ${arg} » ; options acceptées : ${FLAGS.join(", ")}`;
  }
  if (out.files.length !== 2) return `il faut un classeur d'entrée et un classeur de sortie, reçu ${out.files.length} chemin(s)`;
  return out;
}

/** Where the output cannot be written: said before anything is read. */
function outputProblem(output: string, remplacer: boolean): string | undefined {
  const folder = dirname(output);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return `dossier de sortie introuvable : ${folder}`;
  if (!/\.(xlsx|pptx)$/i.test(output)) return `la sortie doit se terminer par .xlsx (feuilles) ou .pptx (diaporama) : ${output}`;
  if (existsSync(output) && statSync(output).isDirectory()) return `« ${output} » est un dossier : indiquer un fichier .xlsx`;
  if (existsSync(output) && !remplacer) return `${output} existe déjà ; ajouter --remplacer pour le remplacer.`;
  return undefined;
}

export async function runRegional(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    console.error(`Erreur : ${parsed}\n${USAGE}`);
    return 2;
  }
  const [input, output] = parsed.files.map((f) => resolve(f));
  if (input === output) {
    console.error("Erreur : le classeur de sortie doit être différent du classeur d'entrée (le classeur d'entrée n'est jamais modifié).");
    return 2;
  }
  const unwritable = outputProblem(output, parsed.remplacer);
  if (unwritable) {
    console.error(`Erreur : ${unwritable}`);
    return 2;
  }
  let tables;
  try {
    tables = await readSourceTables(input);
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    console.error(`Erreur : ${error.message}`);
    return 2;
  }
  const result = buildRegionalSheets({ tables, annee: parsed.annee, date: parsed.date });
  if (result.problems.length) {
    const lines = groupedProblemTexts(result.problems);
    console.error(`Aucune feuille écrite : ${result.problems.length} problème(s) dans les tableaux.`);
    for (const line of lines) console.error(`- ${line}`);
    return 1;
  }
  console.log(`Situation au ${frenchDate(result.date!)} (${result.anneeNote}).`);
  for (const r of result.readings) console.log(`Lecture : ${readingText(r)}`);
  for (const w of result.warnings) console.warn(`Attention : ${w}`);
  const deck = /\.pptx$/i.test(output);
  try {
    const bytes = deck
      ? await deckBytes(
          buildDeck(result.sheets, {
            region: result.region ?? "",
            annee: result.annee!,
            date: result.date,
            anneeNote: result.anneeNote!,
            dateDonnees: statSync(input).mtime.toISOString().slice(0, 10),
          }),
          "nodebuffer",
        )
      : Buffer.from(await renderWorkbook(result.sheets).xlsx.writeBuffer());
    writeWhole(output, bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`Erreur : impossible d'écrire ${output} (fichier ouvert, protégé en écriture ou disque plein : ${detail}) ; rien n'a été écrit`);
    return 2;
  }
  if (deck) console.log(`Diaporama écrit dans ${output} : ${result.sheets.length} feuilles en diapositives, graphiques natifs modifiables dans PowerPoint.`);
  else {
    console.log(`${result.sheets.length} feuilles écrites dans ${output} :`);
    for (const s of result.sheets) console.log(`- ${s.name}`);
  }
  return 0;
}

/** Writes a file whole or not at all: a temporary file beside it, renamed at the end. */
function writeWhole(path: string, bytes: Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

if (require.main === module) {
  runRegional(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
