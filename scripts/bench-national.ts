/**
 * Part 3 of `npm run bench`: the national compute of the rules core, timed in a process of its own (bundled and
 * minified as the add-in ships the core), before the other parts run, so that the heap the function benchmarks of
 * parts 1 and 2 leave behind does not weigh on it (it read 20–30 % slower in the bench's own process, and as much in a
 * process of its own started after them). Prints one JSON line: each round's time (ms), the warm-up runs and the process's memory.
 * Runs alone too: `npx tsx scripts/bench-national.ts`.
 */
import { buildRegionalSheets } from "../src/core/regional";
import { nationalInput } from "./bench-input";
import { mulberry32 } from "./random";

const WARM_UP = 5;
const ROUNDS = 21;

const { tables } = nationalInput(mulberry32(42));
for (let i = 0; i < WARM_UP; i++) buildRegionalSheets({ tables, annee: 2023 });
const runs: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const t0 = performance.now();
  const r = buildRegionalSheets({ tables, annee: 2023 });
  runs.push(performance.now() - t0);
  if (r.problems.length) throw new Error(`national input invalid: ${r.problems[0].message}`);
}
console.log(JSON.stringify({ runs, warmUp: WARM_UP, rss: process.memoryUsage().rss }));
