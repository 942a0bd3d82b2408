/**
 * Issue 9: install and deploy. A production build names only the production host in dist/manifest.xml (the
 * <AppDomain> included), refuses a non-https host, says so when no host is given; and office-addin-manifest — which
 * `npm start`, `npm stop` and `npm run validate` load — runs after a clean `npm ci` (it needs fs-extra).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { argumentBlanks } from "../../src/core/inputs/help";
import { READINGS } from "../../src/core/readings";
import { PARAMETER_FAMILIES, periodText } from "../../src/core/parameters-help";
import { MSP_FIELDS } from "../../src/core/inputs/msp-fields";
import { TABLE_SCHEMA } from "../../src/core/inputs/schema";

const ROOT = resolve(__dirname, "../..");
const bin = (name: string) => join(ROOT, "node_modules/.bin", name);

function build(env: Record<string, string | undefined>): { status: number | null; output: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "dist-"));
  const r = spawnSync(bin("webpack"), ["--mode", "production", "--output-path", dir], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_PROD_URL: undefined, ...env },
    encoding: "utf8",
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, dir };
}

describe("production manifest", () => {
  it("ADDIN_PROD_URL=https://complements.cpam.fr/gdr/ leaves no localhost anywhere in dist/manifest.xml", () => {
    const r = build({ ADDIN_PROD_URL: "https://complements.cpam.fr/gdr/" });
    expect(r.status, r.output).toBe(0);
    const manifest = readFileSync(join(r.dir, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toContain("<AppDomain>https://complements.cpam.fr</AppDomain>");
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith("https://complements.cpam.fr/gdr/"), url).toBe(true);
    const info = spawnSync(bin("office-addin-manifest"), ["info", join(r.dir, "manifest.xml")], { cwd: ROOT, encoding: "utf8" });
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toContain("AppDomains: https://complements.cpam.fr");
  });

  it("a host that is not https is refused with a French message", () => {
    const r = build({ ADDIN_PROD_URL: "http://complements.cpam.fr/" });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("ADDIN_PROD_URL doit commencer par https://");
  });

  it("without ADDIN_PROD_URL the build says so and writes no placeholder host", () => {
    const r = build({});
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain("ADDIN_PROD_URL non défini");
    const manifest = readFileSync(join(r.dir, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/example\.(fr|org|com)/);
  });
});

describe("the Office CLIs load after npm ci", () => {
  it("office-addin-manifest info manifest.xml runs (npm start, npm stop and npm run validate load the same module)", () => {
    const info = spawnSync(bin("office-addin-manifest"), ["info", "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(info.stderr).not.toContain("Cannot find module");
    expect(info.status).toBe(0);
    expect(info.stdout).toContain("Name: GDR exercice coordonné");
  });
});

describe("the support page the manifest points at", () => {
  it("dist/aide.html holds the reference of every function, rendered from functions.json, and the pane links to it", () => {
    const r = build({});
    const page = readFileSync(join(r.dir, "aide.html"), "utf8");
    const metadata = JSON.parse(readFileSync(join(r.dir, "functions.json"), "utf8")) as {
      functions: { id: string; name: string; parameters: { name: string; description?: string }[] }[];
    };
    const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    for (const f of metadata.functions) {
      // the production build minifies the page (attribute quotes may go)
      expect(page).toMatch(new RegExp(`<section id="?${f.id.replace(".", "\\.")}"?>`));
      for (const p of f.parameters) expect(page, `${f.name} ${p.name}`).toContain(escape(p.description ?? ""));
    }
    expect(page).not.toContain("README");
    // nothing an analyst sees names where the project came from (issue 25): every file of the production build
    for (const file of readdirSync(r.dir).filter((f) => /\.(html|json|js)$/.test(f)))
      expect(readFileSync(join(r.dir, file), "utf8"), file).not.toMatch(/seed|RULES\.md|\.\.\/shared/i);
    expect(page).toContain("omettre l'argument");
    // issue 20: every MSP field and every column of the four tables, from the declared schema, with what a blank means
    const text = page.replace(/<[^>]+>/g, " ");
    for (const [code, field] of Object.entries(MSP_FIELDS)) {
      expect(text, code).toContain(` ${code} `);
      expect(page, code).toContain(escape(field.label));
    }
    expect(page).toContain("obligatoire si dossiers > 0 : vide ou 0 refusé (l'objectif de dossiers revus se mesure sur eux)");
    for (const [kind, columns] of Object.entries(TABLE_SCHEMA)) {
      for (const c of columns) expect(page, `${kind}.${c.code}`).toContain(escape(c.label));
    }
    // every function argument is declared in the argument schema, and the page says what its blank means
    const blanks = argumentBlanks();
    for (const f of metadata.functions)
      for (const p of f.parameters.filter((q) => q.name !== "champs" && q.name !== "valeurs")) {
        const blank = blanks[`${f.name}/${p.name}`] ?? blanks[p.name];
        expect(blank, `${f.name} ${p.name}`).toBeDefined();
        expect(page, `${f.name} ${p.name}`).toContain(escape(blank));
      }
    // a function's own reading: AM.OBJECTIF's option may be left blank (a centre de santé has none), AM.AID's may not;
    // AM.ATTEINTE's file active is an optional pair
    const row = (fn: string, arg: string) => {
      // the page is minified: a function's section runs to the next one, its rows start at « <tr> »
      const section = page.slice(page.indexOf(`<section id=${fn}>`)).split("<section")[1];
      return section.split("<tr>").find((r) => r.includes(`<code>${arg}</code>`) || r.includes(`<code>[${arg}]</code>`)) ?? "";
    };
    expect(row("AM.OBJECTIF", "etp")).toContain("vide ou 0 : aucune option (centre de santé)");
    expect(row("AM.AID", "etp")).toContain("vide : refusé (#VALEUR!)");
    expect(row("AM.ATTEINTE", "fa_depart")).toContain("les deux vides (ou 0) : indicateur non suivi");
    // the default of a blank sas cell, as the table reader applies it (said in Contrôles for a CPTS conventionnée)
    expect(page).toContain("lue comme VRAI (valeur par défaut de CPTS.MISSION) (dit dans Contrôles si stade = 5)");
    // issue 21: every reading of the product, by its id, with what it reads and the choice
    for (const r of READINGS) {
      expect(text, r.id).toContain(r.id);
      expect(text.replace(/\s+/g, " "), r.id).toContain(r.choice);
    }
    // issue 25: every parameter of the three families, each dated value with its period, from the parameter files
    for (const family of PARAMETER_FAMILIES)
      for (const param of family.parameters) {
        expect(text, param.id).toContain(` ${param.id} `);
        for (const entry of param.series) expect(text, `${param.id} ${entry.from}`).toContain(periodText(entry));
      }
    const squash = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");
    // valeur du point 7 € (ameli, « Rémunération des maisons de santé pluriprofessionnelles »)
    expect(squash(text)).toMatch(/msp\.valeur_point\s+\(euros\)\s+depuis le 01\/01\/2017\s+7 €/);
    // accès aux soins from avenant 2 (CPR ACI CPTS Nouvelle-Aquitaine, 19/01/2023): fixed part by taille
    expect(squash(text)).toContain("fixe : 55 000 / 70 000 / 90 000 / 110 000 ; variable : 25 000 / 30 000 / 35 000 / 45 000");
    // the 2024 amounts of the 1-ETP option (convention médicale 2024): 38 000 € the first year
    expect(squash(text)).toMatch(/depuis le 22\/06\/2024\s+annee 1 : 38 000 ; annee 2 : 28 000/);
    expect(page).toMatch(/à confirmer : seules les bornes des fourchettes publiées/);
    expect(readFileSync(join(r.dir, "taskpane.html"), "utf8")).toMatch(/href="?aide\.html"?/);
    expect(readFileSync(join(r.dir, "manifest.xml"), "utf8")).toContain("/aide.html");
  });
});
