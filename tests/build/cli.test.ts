/**
 * `npm run regional` and `npm run demo` run JavaScript built once (issue 23: no TypeScript interpreter at run time):
 * scripts/cli.mjs bundles scripts/regional.ts with esbuild into .build/cli/, rebuilds it only when a source is newer,
 * and runs it with the same arguments, messages and exit codes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "scripts/cli.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

describe("the regional job without tsx", () => {
  it("npm run regional and npm run demo call the built JavaScript, never tsx", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    for (const name of ["regional", "demo", "sample"]) {
      expect(scripts[name], name).toMatch(/^node scripts\/cli\.mjs /);
      expect(scripts[name], name).not.toMatch(/tsx/);
    }
  });

  it("writes the sample region's sheets, with the script's messages and exit code", () => {
    const out = join(mkdtempSync(join(tmpdir(), "cli-")), "sortie.xlsx");
    const run = cli("regional", "examples/region-exemple.xlsx", out, "--annee", "2022");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Situation au 31/12/2022 (année de référence 2022 : indiquée par l'utilisateur).");
    expect(statSync(out).size).toBeGreaterThan(10_000);
    const bundle = join(ROOT, ".build/cli/regional.cjs");
    expect(existsSync(bundle)).toBe(true);
    // a second run reuses the bundle (nothing changed)
    const before = statSync(bundle).mtimeMs;
    expect(cli("regional", "examples/region-exemple.xlsx", out, "--remplacer").status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBe(before);
  });

  it("keeps the script's refusals: exit code 2 and the French message", () => {
    const run = cli("regional", "seulement-un.xlsx");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Erreur : il faut un classeur d'entrée et un classeur de sortie, reçu 1 chemin(s)");
    const unknown = cli("inconnu");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Erreur : script inconnu « inconnu » ; scripts : regional, make-sample");
  });
});
