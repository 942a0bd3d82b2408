/**
 * Part 5 of `npm run bench` (issue 23): the offline national job end to end, as a process, against ExcelJS `readFile`
 * of the same workbook in the same run (the ratio the issue asks to bring to 1.0 or less), with each process's peak
 * memory. Runs alone too: `npx tsx scripts/bench-offline.ts`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { nationalInput } from "./bench-input";
import { mulberry32 } from "./random";

const ROOT = resolve(__dirname, "..");
const DIR = join(ROOT, ".build", "bench");
const RSS = join(ROOT, "scripts", "bench-rss.cjs");
const ROUNDS = 3;

/**
 * The bench's national input written as the analyst's workbook: one sheet and one Excel table per source table.
 * Returns the number of data rows written.
 */
export async function writeNational(path: string, scale = 1): Promise<number> {
  const { headers, rows } = nationalInput(mulberry32(23), scale);
  const wb = new ExcelJS.Workbook();
  const sheets = [
    ["Communes", "Communes", headers.communes, rows.communes],
    ["CPTS", "CPTS", headers.cpts, rows.cpts],
    ["MSP", "MSP", headers.msp, rows.msp],
    ["Liste contrats AM", "Contrats_AM", headers.contrats_am, rows.am],
  ] as const;
  for (const [sheet, table, header, data] of sheets)
    wb.addWorksheet(sheet).addTable({
      name: table,
      ref: "A1",
      headerRow: true,
      columns: header.map((name) => ({ name })),
      rows: data as ExcelJS.CellValue[][],
    });
  await wb.xlsx.writeFile(path);
  return sheets.reduce((n, [, , , data]) => n + data.length, 0);
}

/** Runs a process `ROUNDS` times: its median wall time (ms) and largest peak memory (MiB). */
function timeProcess(args: string[], rounds = ROUNDS): { ms: number; mib: number; status: number | null; stderr: string } {
  const times: number[] = [];
  let kb = 0;
  let last = { status: 0 as number | null, stderr: "" };
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ["--require", RSS, ...args], { cwd: ROOT, encoding: "utf8" });
    times.push(performance.now() - t0);
    kb = Math.max(kb, Number(/BENCH_MAX_RSS_KB (\d+)/.exec(run.stderr)?.[1] ?? 0));
    last = { status: run.status, stderr: run.stderr };
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(rounds / 2)], mib: kb / 1024, ...last };
}

export async function offlineNational(fmt: (n: number, digits?: number) => string): Promise<string[]> {
  mkdirSync(DIR, { recursive: true });
  const input = join(DIR, "national.xlsx");
  const nationalRows = await writeNational(input);
  // the JavaScript `npm run regional` runs (built on first use by scripts/cli.mjs; a run without arguments builds it)
  spawnSync(process.execPath, [join(ROOT, "scripts", "cli.mjs"), "regional"], { cwd: ROOT, encoding: "utf8" });
  const bundle = join(ROOT, ".build", "cli", "regional.cjs");
  const readOnly = timeProcess(["-e", `require("exceljs"); new (require("exceljs").Workbook)().xlsx.readFile(${JSON.stringify(input)})`]);
  const job = timeProcess([bundle, input, join(DIR, "national-sortie.xlsx"), "--annee", "2023", "--remplacer"]);
  if (job.status !== 0) throw new Error(`national job failed: ${job.stderr.slice(0, 500)}`);
  const ratio = job.ms / readOnly.ms;
  // growth: the same job on twice and four times the rows (one run each), per 1 000 rows read
  const growth = [{ scale: 1, rows: nationalRows, ms: job.ms, mib: job.mib }];
  for (const scale of [2, 4]) {
    const path = join(DIR, `national-x${scale}.xlsx`);
    const rows = await writeNational(path, scale);
    const run = timeProcess([bundle, path, join(DIR, `national-x${scale}-sortie.xlsx`), "--annee", "2023", "--remplacer"], 1);
    if (run.status !== 0) throw new Error(`national job x${scale} failed: ${run.stderr.slice(0, 500)}`);
    growth.push({ scale, rows, ms: run.ms, mib: run.mib });
  }
  const perRow = (g: (typeof growth)[number]) => (g.ms / g.rows) * 1000;
  const linear = growth.every((g) => perRow(g) <= perRow(growth[0]) * 1.25);
  return [
    "## 5. Offline national job end to end (processes, same workbook, same run)",
    "",
    `Workbook: the national input of part 3 as four Excel tables (${fmt(statSync(input).size / 1024 / 1024, 1)} MB). Median of ${ROUNDS} runs of each process; peak resident memory of the process.`,
    "",
    "| Process | Wall time (ms) | Peak memory (MiB) | Target |",
    "|---|---|---|---|",
    `| \`node\` + ExcelJS \`readFile\` of the workbook, nothing else | ${fmt(readOnly.ms)} | ${fmt(readOnly.mib)} | |`,
    `| The regional job (built JavaScript): read, compute, write the five sheets | ${fmt(job.ms)} | ${fmt(job.mib)} | ≤ 250 MiB |`,
    `| Ratio job / readFile | ${fmt(ratio, 2)} | | ≤ 1.0: ${ratio <= 1 ? "met" : "not met"} |`,
    "",
    "Growth: the same job on 2 and 4 times the rows of each table (the communes up to 86 400, 2.5 times France: the room INSEE codes leave), one run each. Linear when the time per 1 000 rows stays within 25 % of the national one (the process start-up weighs less as the input grows).",
    "",
    "| Input | Rows | Wall time (ms) | ms per 1 000 rows | Peak memory (MiB) | Target |",
    "|---|---|---|---|---|---|",
    ...growth.map(
      (g, i) =>
        `| ${g.scale} × national | ${fmt(g.rows)} | ${fmt(g.ms)} | ${fmt(perRow(g), 1)} | ${fmt(g.mib)} | ${i === growth.length - 1 ? `linear: ${linear ? "met" : "not met"}` : ""} |`,
    ),
  ];
}

if (require.main === module) {
  const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  void offlineNational(fmt).then((lines) => console.log(lines.join("\n")));
}
