import { statSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { builtFunctions, builtMetadata, DIST } from "../support/built-functions";

const PUBLIC_API: Record<string, string[]> = {
  // issue 2 and issue 3: the signatures analysts' workbooks depend on
  "CPTS.TAILLE": ["population"],
  "CPTS.MISSION": ["taille", "mission", "volet", "atteinte", "date_signature", "membres", "sas"],
  "AM.AID": ["etp", "annee_contrat", "date_signature", "bande", "atteinte", "regime"],
};

describe("generated functions.json", () => {
  const meta = builtMetadata();

  it("exposes the public API with its exact ids, names and argument order", () => {
    for (const [id, params] of Object.entries(PUBLIC_API)) {
      const fn = meta.functions.find((f) => f.id === id);
      expect(fn, id).toBeDefined();
      expect(fn?.name).toBe(id);
      expect(fn?.parameters.map((p) => p.name)).toEqual(params);
    }
  });

  it("marks optional arguments as optional", () => {
    const mission = meta.functions.find((f) => f.id === "CPTS.MISSION");
    expect(mission?.parameters.map((p) => Boolean(p.optional))).toEqual([false, false, true, true, true, true, true]);
  });

  it("has ids that stay unique once « . » and « _ » are treated alike (workbooks store _xldudf_ACI_MSP_POINTS)", () => {
    const keys = meta.functions.map((f) => f.id.replace(/\./g, "_").toUpperCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("describes every function and argument in French", () => {
    const frenchWords = /\b(de|du|la|le|les|des|en|par|pour|d'|à)\b/i;
    for (const fn of meta.functions) {
      expect(fn.description, fn.id).toMatch(frenchWords);
      for (const p of fn.parameters) expect(p.description ?? "", `${fn.id}.${p.name}`).toMatch(/\S{3}/);
    }
  });

  it("registers every function of the metadata in the bundle (CustomFunctions.associate)", () => {
    const registered = builtFunctions();
    for (const fn of meta.functions) expect(registered.has(fn.id), fn.id).toBe(true);
  });

  it("stays under the 1 MB that Excel desktop accepts", () => {
    expect(statSync(resolve(DIST, "functions.json")).size).toBeLessThan(1_000_000);
  });
});
