/** Static security checks on the sources and the built task pane (issue 5). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

describe("security", () => {
  it("never builds HTML from strings in the sources (no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)", () => {
    for (const file of files(join(ROOT, "src")).filter((f) => f.endsWith(".ts"))) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    }
  });

  it("ships a Content-Security-Policy allowing scripts from the add-in and the Office CDN only", () => {
    const html = readFileSync(join(ROOT, "dist/taskpane.html"), "utf8");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline'?\s*[^;]*;?\s*script/);
    // every script tag is the add-in's own or office.js from the CDN
    for (const [, src] of html.matchAll(/<script[^>]*src="?([^"\s>]+)/g))
      expect(src).toMatch(/^(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|[a-z]+\.js)$/);
  });

  it("keeps the production bundles free of test-only packages", () => {
    const inventory = JSON.parse(readFileSync(join(ROOT, ".build/bundle-modules.json"), "utf8")) as Record<string, string[]>;
    const all = Object.values(inventory).flat();
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((f) => /hyperformula|exceljs|@etalab|fast-check|playwright/.test(f))).toEqual([]);
  });

  it("has two runtime dependencies, pptxgenjs (MIT, the commission deck) and jszip (its zip, deflated), and pins every dependency", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(["jszip", "pptxgenjs"]);
    // jszip at the very version pptxgenjs brings: one copy in the bundle
    expect(pkg.dependencies.jszip).toBe(JSON.parse(readFileSync(join(ROOT, "node_modules/jszip/package.json"), "utf8")).version);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
