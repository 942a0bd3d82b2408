/**
 * `npm run bench`: speed and size figures (never pass/fail). Prints them and
 * rewrites the results section of BENCHMARKS.md.
 *   1. evaluations per second of each custom function over 10^6 varied argument sets;
 *   2. a 10 000-row sheet in a formula engine: custom function vs the native INDEX/MATCH an analyst would write;
 *   3. the regional job at national scale (35 000 communes, 2 500 MSP, 1 000 CPTS, 20 000 AM contracts):
 *      compute time, syncs and largest request against the fake workbook, peak memory;
 *   4. bundle sizes, raw and gzipped.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { gzipSync } from "node:zlib";
import "../tests/setup/custom-functions-stub";
import { mulberry32 } from "./random";
import { buildSync } from "esbuild";
import { MISSIONS } from "../src/core/aci-cpts";
import { SHEET_KINDS } from "../src/core/regional";
import * as F from "../src/functions/functions";
import { readFileSync as read } from "node:fs";
import { generateSheets } from "../src/taskpane/generate";
import { FakeExcel } from "../tests/support/fake-excel";
import { formulaEngine } from "../tests/support/formula-engine";
import { MSP_BENCH_CODES, mspBenchRow, nationalInput } from "./bench-input";
import { offlineNational } from "./bench-offline";
import { spawnSync } from "node:child_process";

const lines: string[] = [];
const out = (line = "") => {
  console.log(line);
  lines.push(line);
};
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

// part 3's national compute is timed first, in a process of its own, before parts 1 and 2 load this process: after
// them it read 113 ms median where the same build read 87–89 ms alone in the same minute (08/12/2026), the collector
// of this process's 400 MB heap working on the machine's second core meanwhile
const national = nationalComputeRuns();

const rnd = mulberry32(42);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

// 1. Evaluations per second -------------------------------------------------------------
const N = 1_000_000;
const POOL = 10_000;
const missions = Object.keys(MISSIONS);

const pools: Record<string, unknown[][]> = {
  "CPTS.TAILLE": Array.from({ length: POOL }, () => [Math.floor(rnd() * 400_000)]),
  "CPTS.MISSION": Array.from({ length: POOL }, () => [
    1 + Math.floor(rnd() * 4),
    pick(missions),
    pick(["fixe", "variable", "total", null]),
    rnd(),
    serial(2020 + Math.floor(rnd() * 6), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
    Math.floor(rnd() * 200),
    rnd() < 0.7,
  ]),
  "AM.AID": Array.from({ length: POOL }, () => {
    const cds = rnd() < 0.2;
    return [
      cds ? pick([0.5, 1, 2.4, 4]) : pick([0.5, 1]),
      1 + Math.floor(rnd() * 6),
      cds ? serial(2024, 9, 1 + Math.floor(rnd() * 28)) : serial(2019 + Math.floor(rnd() * 7), 9, 1 + Math.floor(rnd() * 28)),
      pick(["P30-P50", "P70-P90", "P90-P95", "P95+", null]),
      rnd(),
      cds ? "cds" : null,
    ];
  }),
};
const mspRow = () => mspBenchRow(rnd);
for (const id of ["ACI.MSP_POINTS", "ACI.MSP_EUROS", "ACI.MSP_DETAIL"]) pools[id] = Array.from({ length: POOL }, () => [[MSP_BENCH_CODES], [mspRow()]]);
pools["AM.OBJECTIF"] = Array.from({ length: POOL }, () =>
  rnd() < 0.5
    ? [pick(["P30-P50", "P50-P70", "P70-P90", "P90-P95", "P95+"]), null, "cds", serial(2024, 9, 1 + Math.floor(rnd() * 28)), pick([null, "P30-P50", "P70-P90"])]
    : [pick(["P30-P50", "P50-P70", "P70-P90", "P90-P95", "P95+"]), 1 / 3, "liberal", serial(2020, 1 + Math.floor(rnd() * 12), 1), null],
);
pools["AM.ATTEINTE"] = Array.from({ length: POOL }, () => {
  const pmt = 500 + Math.floor(rnd() * 2_000);
  const fa = rnd() < 0.5 ? 600 + Math.floor(rnd() * 2_500) : null;
  return [
    pick([0, 0.05, 0.15, 0.2, 0.25]),
    pmt,
    Math.round(pmt * (0.9 + rnd() * 0.4)),
    fa,
    fa && Math.round(fa * (0.9 + rnd() * 0.4)),
    pick(["cds", "liberal"]),
  ];
});
pools["AM.ETP_MAX"] = Array.from({ length: POOL }, () => [0.5 + Math.round(rnd() * 120) / 10]);
// the companion aids, within their periods
pools["IPA.AIDE_FORMATION"] = Array.from({ length: POOL }, () => [rnd() < 0.1, serial(2024, 9, 1 + Math.floor(rnd() * 28)), pick(["cds", "liberal", null])]);
pools["SNP.PROTOCOLE"] = Array.from({ length: POOL }, () => {
  const protocole = pick(["rhinite", "odynophagie", "eruption", "pollakiurie", "entorse", "lombalgie", "cystite", "angine"]);
  const patients = Math.floor(rnd() * 200);
  const second = ["pollakiurie", "entorse", "lombalgie"].includes(protocole) ? Math.floor(rnd() * patients) : null;
  return [protocole, patients, second, serial(2024, 1 + Math.floor(rnd() * 12), 1)];
});
pools["PSY.FORFAIT"] = Array.from({ length: POOL }, () =>
  rnd() < 0.5
    ? ["psy_enfant", 1 + Math.floor(rnd() * 10), serial(2021, 6, 1 + Math.floor(rnd() * 28))]
    : ["mon_soutien_psy", 1 + Math.floor(rnd() * 12), serial(2025, 1 + Math.floor(rnd() * 12), 1)],
);
// the detail functions take the arguments of the amount functions
pools["CPTS.DETAIL"] = pools["CPTS.MISSION"];
pools["AM.DETAIL"] = pools["AM.AID"];
/** The production bundle dist/functions.js, registered through CustomFunctions.associate as Excel does, in this realm. */
function builtBundle(): Record<string, (...a: never[]) => unknown> {
  const registry: Record<string, (...a: never[]) => unknown> = {};
  const host = (globalThis as unknown as { CustomFunctions: { Error: unknown; ErrorCode: unknown } }).CustomFunctions;
  const CustomFunctions = { Error: host.Error, ErrorCode: host.ErrorCode, associate: (id: string, fn: (...a: never[]) => unknown) => (registry[id] = fn) };
  new Function("CustomFunctions", read("dist/functions.js", "utf8"))(CustomFunctions);
  return registry;
}
const adapters = builtBundle();

/**
 * Calls before timing, then timed rounds: each round runs every function in turn, so that a slow spell of this shared
 * machine (its speed varies by ±20–30 % over tens of seconds) falls on a round of every function rather than on all the
 * runs of one. The median round is reported, with the range over the rounds.
 */
const WARM_UP = 20_000;
const ROUNDS = 15;
const CALLS_PER_ROUND = N / 10;
out(
  `## 1. Custom function evaluations per second (one core; the built dist/functions.js; ${ROUNDS} rounds of ${fmt(CALLS_PER_ROUND)} calls per function over 10 000 distinct argument sets after ${fmt(WARM_UP)} warm-up calls, every function in turn in each round; median round)`,
);
out("");
/**
 * Evaluations per second asked (issue 21, which retired issue 10's 1 M/s for the MSP): every CPTS, AM and companion
 * function at 1 µs a call or less, ACI.MSP_POINTS and ACI.MSP_EUROS at 2 µs, ACI.MSP_DETAIL at 10 µs (measured again
 * below as Excel sends them, with fresh arrays).
 */
const TARGETS: Record<string, number> = { "ACI.MSP_POINTS": 5e5, "ACI.MSP_EUROS": 5e5, "ACI.MSP_DETAIL": 1e5 };
out("| Function | Calls (all rounds) | µs per call (median round) | Evaluations / s (median round) | Slowest – fastest round | Target / s |");
out("|---|---|---|---|---|---|");
/** Calls `fn` on `calls` argument sets of its pool; returns the refusals (#VALUE!, part of the mix). */
function callMany(fn: (...a: never[]) => unknown, pool: unknown[][], calls: number): number {
  let errors = 0;
  for (let i = 0; i < calls; i++) {
    try {
      fn(...(pool[i % POOL] as never[]));
    } catch {
      errors++;
    }
  }
  return errors;
}
const ids = Object.keys(adapters);
// warm-up: the JIT compiles each function before it is timed
for (const id of ids) callMany(adapters[id], pools[id], WARM_UP);
const seconds: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, []]));
const refusals: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
for (let round = 0; round < ROUNDS; round++) {
  for (const id of ids) {
    const t0 = performance.now();
    refusals[id] += callMany(adapters[id], pools[id], CALLS_PER_ROUND);
    seconds[id].push((performance.now() - t0) / 1000);
  }
  sample();
}
for (const id of ids) {
  const runs = seconds[id].sort((a, b) => a - b);
  const s = runs[ROUNDS >> 1];
  const rate = CALLS_PER_ROUND / s;
  const target = TARGETS[id] ?? 1e6;
  const calls = CALLS_PER_ROUND * ROUNDS;
  out(
    `| ${id} | ${fmt(calls)}${refusals[id] ? ` (${fmt(refusals[id])} #VALUE!)` : ""} | ${fmt((s / CALLS_PER_ROUND) * 1e6, 2)} | ${fmt(rate)} | ${fmt(CALLS_PER_ROUND / runs[ROUNDS - 1])} – ${fmt(CALLS_PER_ROUND / runs[0])} | ${fmt(target)}: ${rate >= target ? "met" : "not met"} |`,
  );
}

// 1b. ACI.MSP_* as Excel sends them -----------------------------------------------------------
// Excel builds a new header and value array for every call: nothing can be recognised by identity. 27 field codes,
// the bench's 18 with nine more a workbook typically carries at 0 (a desktop Excel blank); a generator of its own so
// that the other parts' random inputs stay as they were.
const EXCEL_CODES = [...MSP_BENCH_CODES, "second_recours", "cstm", "satisfaction", "formation", "coord_externe", "qualite", "cooperation", "stages", "usagers"];
const excelRnd = mulberry32(27);
const excelPool = Array.from({ length: POOL }, () => [...mspBenchRow(excelRnd), ...EXCEL_CODES.slice(MSP_BENCH_CODES.length).map(() => 0)]);
/** µs per call, a target each: issue 21's retired 1 M/s became 2 µs for the amounts and 10 µs for the detail. */
const EXCEL_TARGETS: Record<string, number> = { "ACI.MSP_POINTS": 2, "ACI.MSP_EUROS": 2, "ACI.MSP_DETAIL": 10 };
function callFresh(fn: (...a: never[]) => unknown, calls: number): number {
  let errors = 0;
  for (let i = 0; i < calls; i++) {
    try {
      fn(...([[EXCEL_CODES.slice()], [excelPool[i % POOL].slice()]] as never[]));
    } catch {
      errors++;
    }
  }
  return errors;
}
out("");
out(`### 1b. ACI.MSP_* with a fresh header and value array for every call, ${EXCEL_CODES.length} field codes (as Excel sends them)`);
out("");
out("| Function | µs per call (median round) | Slowest – fastest round (µs) | #VALUE! | Target (µs) |");
out("|---|---|---|---|---|");
// rounds interleaved as in part 1: a slow spell of the machine falls on a round of each function
const freshIds = Object.keys(EXCEL_TARGETS);
for (const id of freshIds) callFresh(adapters[id], WARM_UP);
const freshUs: Record<string, number[]> = Object.fromEntries(freshIds.map((id) => [id, []]));
const freshErrors: Record<string, number> = Object.fromEntries(freshIds.map((id) => [id, 0]));
for (let round = 0; round < ROUNDS; round++) {
  for (const id of freshIds) {
    const t0 = performance.now();
    freshErrors[id] += callFresh(adapters[id], CALLS_PER_ROUND);
    freshUs[id].push(((performance.now() - t0) * 1000) / CALLS_PER_ROUND);
  }
}
for (const id of freshIds) {
  const us = freshUs[id].sort((a, b) => a - b);
  const median = us[ROUNDS >> 1];
  out(
    `| ${id} | ${fmt(median, 2)} | ${fmt(us[ROUNDS - 1], 2)} – ${fmt(us[0], 2)} | ${fmt(freshErrors[id])} | ≤ ${EXCEL_TARGETS[id]}: ${median <= EXCEL_TARGETS[id] ? "met" : "not met"} |`,
  );
}

// 2. Formula engine: custom function vs native INDEX/MATCH --------------------------------
out("");
out("## 2. A 10 000-row sheet in a formula engine (HyperFormula): custom function vs native INDEX/MATCH");
out("");
const ROWS = 10_000;
const tailles = [1, 2, 3, 4];
const tarifs: (string | number)[][] = [["cle", "T1", "T2", "T3", "T4"]];
for (const m of ["parcours", "prevention", "qualite", "accompagnement"]) {
  for (const v of ["fixe", "variable"]) tarifs.push([`${m}|${v}`, ...tailles.map((t) => Number(F.cptsMissionFunction(t, m, v, 1, serial(2023, 1, 1))))]);
}
const amTable: (string | number)[][] = [["cle", "an1", "an2", "an3"]];
for (const etp of [0.5, 1]) amTable.push([etp, ...[1, 2, 3].map((y) => Number(F.amAidFunction(etp, y, serial(2024, 9, 1))))]);
function timeSheet(rows: unknown[][]): { ms: number; sum: number } {
  const t0 = performance.now();
  const hf = formulaEngine(rows);
  const ms = performance.now() - t0;
  let sum = 0;
  for (let r = 0; r < ROWS; r++) sum += Number(hf.getCellValue({ sheet: 0, col: 5, row: r })) || 0;
  hf.destroy();
  sample();
  return { ms, sum };
}
const cptsInputs = Array.from({ length: ROWS }, () => [
  pick(tailles),
  pick(["parcours", "prevention", "qualite", "accompagnement"]),
  pick(["fixe", "variable"]),
  Math.round(rnd() * 100) / 100,
]);
const custom = timeSheet(cptsInputs.map((r, i) => [...r, serial(2023, 1, 1), `=CPTS.MISSION(A${i + 1},B${i + 1},C${i + 1},D${i + 1},E${i + 1})`]));
const nativeRows: unknown[][] = cptsInputs.map((r, i) => [
  ...r,
  serial(2023, 1, 1),
  `=INDEX($H$1:$L$9,MATCH(B${i + 1}&"|"&C${i + 1},$H$1:$H$9,0),A${i + 1}+1)*IF(C${i + 1}="variable",D${i + 1},1)`,
]);
tarifs.forEach((row, i) => nativeRows[i].push(null, ...row));
const native = timeSheet(nativeRows);
const amInputs = Array.from({ length: ROWS }, () => [pick([0.5, 1]), 1 + Math.floor(rnd() * 3)]);
const amCustom = timeSheet(amInputs.map((r, i) => [...r, serial(2024, 9, 1), null, null, `=AM.AID(A${i + 1},B${i + 1},C${i + 1})`]));
const amNativeRows: unknown[][] = amInputs.map((r, i) => [
  ...r,
  serial(2024, 9, 1),
  null,
  null,
  `=INDEX($H$1:$K$3,MATCH(A${i + 1},$H$1:$H$3,0),MIN(B${i + 1},3)+1)`,
]);
amTable.forEach((row, i) => amNativeRows[i].push(null, ...row));
const amNative = timeSheet(amNativeRows);
out("| Sheet (10 000 formulas) | Custom function (ms) | Native INDEX/MATCH (ms) | Ratio custom / native | Same total |");
out("|---|---|---|---|---|");
out(
  `| CPTS.MISSION | ${fmt(custom.ms)} | ${fmt(native.ms)} | ${fmt(custom.ms / native.ms, 2)} | ${Math.abs(custom.sum - native.sum) < 1 ? "yes" : `no (${fmt(custom.sum)} vs ${fmt(native.sum)})`} |`,
);
out(
  `| AM.AID | ${fmt(amCustom.ms)} | ${fmt(amNative.ms)} | ${fmt(amCustom.ms / amNative.ms, 2)} | ${Math.abs(amCustom.sum - amNative.sum) < 1 ? "yes" : `no (${fmt(amCustom.sum)} vs ${fmt(amNative.sum)})`} |`,
);
out("");
out(
  "The native formulas only look a rate up; the custom functions also apply the dates, SAS, majoration and caps. Both sheets are built and fully evaluated by the engine.",
);

/** The national compute's rounds (ms, sorted), timed in a process of its own on the minified core (bench-national.ts), first. */
function nationalComputeRuns(): { runs: number[]; warmUp: number } {
  const bundle = ".build/bench-national.js";
  buildSync({ entryPoints: ["scripts/bench-national.ts"], bundle: true, platform: "node", format: "cjs", minify: true, outfile: bundle });
  const run = spawnSync(process.execPath, [bundle], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bench-national: ${run.stderr}`);
  const { runs, warmUp, rss } = JSON.parse(run.stdout) as { runs: number[]; warmUp: number; rss: number };
  peakRss = Math.max(peakRss, rss);
  return { runs: runs.sort((a, b) => a - b), warmUp };
}

async function nationalScaleAndBundles(): Promise<void> {
  // 3. National scale ------------------------------------------------------------------------
  out("");
  out("## 3. Regional job at national scale");
  out("");
  const { headers, rows } = nationalInput(rnd);
  const { communes, cpts, msp, am } = rows;

  const { runs, warmUp } = national;
  const excel = new FakeExcel();
  excel.addTable("Communes", "Communes", headers.communes, communes as never);
  excel.addTable("CPTS", "CPTS", headers.cpts, cpts as never);
  excel.addTable("MSP", "MSP", headers.msp, msp as never);
  excel.addTable("Liste contrats AM", "Contrats_AM", headers.contrats_am, am as never);
  const t0 = performance.now();
  void (await generateSheets(excel.run, { kinds: SHEET_KINDS, annee: 2023, choice: {}, options: { suspendScreenUpdating: true } }));
  const paneMs = performance.now() - t0;
  sample();
  const writeSyncs = excel.syncs.filter((s) => s.operations.some((o) => o.startsWith("values ")));
  const readSyncs = excel.syncs.length - writeSyncs.length;
  const largest = Math.max(...excel.syncs.map((s) => s.bytes));
  const largestResponse = Math.max(...excel.syncs.map((s) => s.responseBytes));
  out("| Figure | Value | Target |");
  out("|---|---|---|");
  out(`| Input | 35 000 communes, 1 000 CPTS, 2 500 MSP, 20 000 AM contracts | |`);
  out(
    `| Compute all five sheets in the rules core (minified bundle, in a process of its own started before parts 1 and 2: median of ${runs.length} after ${warmUp} warm-up runs) | ${fmt(runs[runs.length >> 1])} ms (min ${fmt(runs[0])}, max ${fmt(runs[runs.length - 1])}) | ≤ 100 ms |`,
  );
  out(`| Task pane job on the fake workbook (read, compute, write) | ${fmt(paneMs)} ms | |`);
  out(
    `| context.sync() calls | ${excel.syncs.length}: ${readSyncs} reads (names; sizes and owner marks; values in batches under 5 MB) + ${writeSyncs.length} writes for 5 sheets and Contrôles | each table read once, ≤ 1 write sync per sheet |`,
  );
  out(`| Largest request payload | ${fmt(largest / 1024, 1)} KiB | < 5 MB |`);
  out(`| Largest response payload (values read) | ${fmt(largestResponse / 1024, 1)} KiB | < 5 MB |`);
  out(`| Peak resident memory of this benchmark process | ${fmt(peakRss / 1024 / 1024)} MiB | |`);

  // 4. Bundles ---------------------------------------------------------------------------------
  out("");
  out("## 4. Bundle sizes (production build)");
  out("");
  out("| File | Raw | Gzipped | Target |");
  out("|---|---|---|---|");
  for (const file of ["functions.js", "taskpane.js", "functions.json", "taskpane.html"]) {
    const buf = readFileSync(`dist/${file}`);
    out(`| ${file} | ${fmt(buf.length / 1024, 1)} KiB | ${fmt(gzipSync(buf).length / 1024, 1)} KiB | ${file === "functions.js" ? "≤ 30 KiB gzipped" : ""} |`);
  }

  // 5. The offline job end to end, as processes --------------------------------------------------
  out("");
  for (const line of await offlineNational(fmt)) out(line);

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${fmt(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const doc = readFileSync("BENCHMARKS.md", "utf8");
  const start = doc.indexOf("<!-- results -->");
  const end = doc.indexOf("<!-- /results -->");
  writeFileSync("BENCHMARKS.md", `${doc.slice(0, start)}<!-- results -->\nMachine: ${machine}\n\n${lines.join("\n")}\n${doc.slice(end)}`);
  console.log(`\nBENCHMARKS.md updated (${machine}).`);
}

void nationalScaleAndBundles();
