/**
 * The regional job without Excel: `npm run regional -- <entrée.xlsx> <sortie.xlsx> [--annee AAAA] [--remplacer]`.
 * Reads the Communes, CPTS, MSP and Contrats AM tables of the input workbook
 * and writes the regional sheets into a new workbook. The input is never
 * modified; an existing output is replaced only with --remplacer.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { buildRegionalSheets, problemText } from "../src/core/regional";
import { readSourceTables, renderWorkbook } from "../src/offline/xlsx";

export async function runRegional(args: string[]): Promise<number> {
  const flags = args.filter((a) => a.startsWith("--"));
  const files = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--annee");
  const anneeFlag = args.indexOf("--annee");
  const annee = anneeFlag >= 0 ? Number(args[anneeFlag + 1]) : new Date().getUTCFullYear() - 1;
  if (files.length !== 2) {
    console.error("Usage : npm run regional -- <entrée.xlsx> <sortie.xlsx> [--annee AAAA] [--remplacer]");
    return 2;
  }
  const [input, output] = files.map((f) => resolve(f));
  if (input === output) {
    console.error("Erreur : le classeur de sortie doit être différent du classeur d'entrée (le classeur d'entrée n'est jamais modifié).");
    return 2;
  }
  if (!existsSync(input)) {
    console.error(`Erreur : classeur d'entrée introuvable : ${input}`);
    return 2;
  }
  if (existsSync(output) && !flags.includes("--remplacer")) {
    console.error(`Erreur : ${output} existe déjà ; ajouter --remplacer pour le remplacer.`);
    return 2;
  }
  const tables = await readSourceTables(input);
  const result = buildRegionalSheets({ tables, annee });
  if (result.problems.length) {
    console.error(`Aucune feuille écrite : ${result.problems.length} problème(s) dans les tableaux.`);
    for (const p of result.problems) console.error(`- ${problemText(p)}`);
    return 1;
  }
  for (const w of result.warnings) console.warn(`Attention : ${w}`);
  await renderWorkbook(result.sheets).xlsx.writeFile(output);
  console.log(`${result.sheets.length} feuilles écrites dans ${output} (situation au 31/12/${annee}) :`);
  for (const s of result.sheets) console.log(`- ${s.name}`);
  return 0;
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
