/**
 * The built task pane (dist/taskpane.html) in Debian's Chromium, driven by
 * playwright-core: office.js from the CDN is answered by a stub, the fake
 * Excel host is injected before the page's scripts, and a full generation is
 * clicked through. Needs `chromium` (scripts/install-test-deps.sh installs it).
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSample } from "../../scripts/make-sample";
import { INSTALL_COMMAND, which } from "../../scripts/test-deps.mjs";

const DIST = resolve(__dirname, "../../dist");
const ARTIFACTS = resolve(__dirname, "../artifacts");
const CHROMIUM: string | undefined = process.env.CHROMIUM_PATH ?? which("chromium");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
};

let server: Server;
let base: string;
let browser: Browser;
let fakeHost: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  if (!CHROMIUM || !existsSync(CHROMIUM)) throw new Error(`Chromium introuvable sur le PATH : lancez ${INSTALL_COMMAND}`);
  server = createServer((req, res) => {
    const path = join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!path.startsWith(DIST) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bundle = await build({
    entryPoints: [resolve(__dirname, "../support/fake-office-browser.ts")],
    bundle: true,
    format: "iife",
    write: false,
    target: "es2020",
  });
  fakeHost = bundle.outputFiles[0].text;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

// Each close only when it was opened: a promise waiting on a server never started would hold the suite until
// the hook's time-out (two minutes) after a missing browser was already reported.
afterAll(async () => {
  if (browser) await browser.close();
  if (server) await new Promise((ok) => server.close(ok));
});

interface Seed {
  tables: { sheet: string; table: string; header: string[]; rows: unknown[][] }[];
  sheets: { name: string; values: unknown[][] }[];
}

/** Opens the task pane over a fake workbook; records every request leaving the page's own origin. */
async function openPane(seed: Seed): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_CDN) return route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js: fake host injected by the test */" });
    if (url.startsWith(base)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  await page.addInitScript(`window.__seed = ${JSON.stringify(seed)};`);
  await page.addInitScript(fakeHost);
  await page.goto(`${base}/taskpane.html`);
  // locators, not waitForFunction: the pane's CSP (no 'unsafe-eval') rightly blocks in-page predicate compilation
  await page.locator("#hote", { hasText: "Connecté à Excel" }).waitFor();
  await page.locator("#etat", { hasText: "reconnu" }).waitFor();
  return { page, foreign, errors };
}

function sampleSeed(): Seed {
  const s = buildSample();
  return {
    tables: [
      { sheet: "Communes", table: "Communes", ...s.communes },
      { sheet: "CPTS", table: "CPTS", ...s.cpts },
      { sheet: "MSP", table: "MSP", ...s.msp },
      { sheet: "Liste contrats AM", table: "Contrats_AM", ...s.contratsAm },
    ],
    sheets: [{ name: "Mes notes", values: [["Ne pas toucher"], [1, 2, 3]] }],
  };
}

const sheetNames = (page: Page) =>
  page.evaluate(() => (window as unknown as { __excel: { worksheets: { list: { name: string }[] } } }).__excel.worksheets.list.map((s) => s.name));
const sheetGrid = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { __excel: { sheet: (n: string) => { grid: () => unknown[][] } } }).__excel.sheet(n).grid(), name);

const sheetPictures = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (window as unknown as { __excel: { sheet: (n: string) => { shapes: { list: { name: string; base64: string; height: number }[] } } } }).__excel
        .sheet(n)
        .shapes.list.map((p) => ({ name: p.name, base64: p.base64, height: p.height })),
    name,
  );

describe("task pane in Chromium", () => {
  it("finds the four tables, writes the five sheets in one click, and a second click gives identical sheets", async () => {
    const { page, foreign, errors } = await openPane(sampleSeed());
    expect(await page.inputValue("#source-communes")).toBe("table:Communes");
    expect(await page.inputValue("#source-contrats_am")).toBe("table:Contrats_AM");
    // the year left empty: the latest remuneration year of the MSP table, said in the pane
    expect(await page.inputValue("#annee")).toBe("");
    await page.click("#btn-tout");
    await page.locator("#etat", { hasText: "feuille(s) écrite(s)" }).waitFor();
    expect(await page.textContent("#etat")).toBe(
      "6 feuille(s) écrite(s), situation au 31/12/2022 (année de référence 2022 : dernière année de rémunération du tableau MSP (aucune année indiquée)).",
    );
    const names = await sheetNames(page);
    expect(names).toEqual([
      "Communes",
      "CPTS",
      "MSP",
      "Liste contrats AM",
      "Mes notes",
      "Couverture CPTS",
      "Projets CPTS",
      "Contrats AM",
      "Rémunérations MSP",
      "Rémunérations CPTS",
      "Contrôles",
    ]);
    expect(await sheetGrid(page, "Mes notes")).toEqual([
      ["Ne pas toucher", "", ""],
      [1, 2, 3],
    ]);
    const first = await sheetGrid(page, "Couverture CPTS");
    await page.screenshot({ path: join(ARTIFACTS, "taskpane.png"), fullPage: true });
    // the coverage map drawn into its sheet (issue 22): the pane's browser turned the SVG into a PNG at twice its size
    const [map, ...others] = await sheetPictures(page, "Couverture CPTS");
    expect(others).toEqual([]);
    expect(map.name).toBe("GDR carte couverture 1");
    const png = Buffer.from(map.base64, "base64");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // IHDR: width and height in pixels, 96 per inch × 2, of a picture 648 pt (9 in) wide
    expect(png.readUInt32BE(16)).toBe(1728);
    expect(png.readUInt32BE(20)).toBe(Math.round((map.height * 96 * 2) / 72));
    writeFileSync(join(ARTIFACTS, "carte-couverture.png"), png);
    expect(await page.locator("#resultat li", { hasText: "carte" }).count()).toBe(0);

    await page.click("#btn-tout");
    await page.locator("#resultat h2", { hasText: "Feuilles produites" }).waitFor();
    await page.locator("#btn-tout:enabled").waitFor();
    expect(await sheetGrid(page, "Couverture CPTS")).toEqual(first);
    expect((await sheetNames(page)).length).toBe(11);
    expect((await sheetPictures(page, "Couverture CPTS")).length).toBe(1);

    // « Diaporama »: the deck built in the browser (pptxgenjs loaded on demand), offered as a download; nothing written
    await page.click("#btn-diaporama");
    await page.locator("#lien-diaporama").waitFor({ timeout: 60_000 });
    expect(await page.getAttribute("#lien-diaporama", "href")).toMatch(/^blob:/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#lien-diaporama")]);
    expect(download.suggestedFilename()).toBe("commission-2022.pptx");
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.length).toBeGreaterThan(50_000);
    expect((await sheetNames(page)).length).toBe(11);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-diaporama.png"), fullPage: true });
    expect(errors).toEqual([]);
    // nothing leaves the page's own origin but the Office CDN
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("lists French problems for a malformed table, writes nothing, and keeps cell text inert", async () => {
    const attack = '<img src=x onerror="window.__xss=1">';
    const seed: Seed = {
      tables: [
        {
          sheet: "CPTS",
          table: "CPTS",
          header: ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
          rows: [["A", "CPTS A", "33", attack, 1_000, "", 5, 1]],
        },
      ],
      sheets: [],
    };
    const { page, errors } = await openPane(seed);
    await page.click("#btn-projets");
    await page.locator("#etat", { hasText: "Aucune feuille écrite" }).waitFor();
    const problems = await page.$$eval("#resultat li.probleme", (items) => items.map((i) => i.textContent));
    expect(problems).toEqual([`tableau CPTS, colonne « stade », ligne 2 : stade inconnu « ${attack} » ; stades acceptés : 1, 2, 2bis, 3, 4, 5`]);
    expect(await page.$$("#resultat img")).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await sheetNames(page)).toEqual(["CPTS"]);
    await page.screenshot({ path: join(ARTIFACTS, "taskpane-problemes.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
