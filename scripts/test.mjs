#!/usr/bin/env node
// The project's test command (`npm test`, run by .ci/run): type-check, lint, build
// the add-in (tests call the built bundle as Excel does), run every vitest
// suite, then print the plain « N passed, N failed » line CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureNeeds } from "./test-deps.mjs";

const bin = (name) => `node_modules/.bin/${name}`;
function step(title, command, args) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  return result.status === 0;
}

// First the system programs the suites need (Chromium, LibreOffice): installed here when root, else a stop at once.
console.log("\n=== Programmes de test (scripts/test-deps.mjs)");
const needs = ensureNeeds();
if (!needs.ok) {
  console.error(needs.message);
  console.log("\n0 passed, 1 failed");
  process.exit(1);
}

let ok = step("Type check (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]);
ok = step("Lint (office-addin-lint: eslint with the Office add-in rules, prettier)", bin("office-addin-lint"), ["check", "--files", "src/**/*.ts"]) && ok;
ok = step("Production build (webpack)", bin("webpack"), ["--mode", "production"]) && ok;
ok = step("Licences of the production bundle", "node", ["scripts/check-licences.mjs"]) && ok;
// npm start, npm stop and npm run validate load office-addin-manifest: it must run after a clean npm ci
ok = step("office-addin-manifest info manifest.xml", bin("office-addin-manifest"), ["info", "manifest.xml"]) && ok;

const report = ".vitest-result.json";
rmSync(report, { force: true });
const passedSuites = step("Tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`]);
ok = passedSuites && ok;

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
}
// A failed type check or build counts as one failure even when every test passed.
if (!ok && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
