import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

// office-addin-manifest validate needs Microsoft's online service: these are the structural checks we can make offline.
const xml = readFileSync(resolve(__dirname, "../../manifest.xml"), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: false });
const doc = parser.parse(xml);
const app = doc.OfficeApp;

function collect(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, key, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

const resources = app.VersionOverrides.Resources;
const defined = new Map<string, string>();
for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
  const items = Object.values(resources[group] ?? {}).flat() as { "@id": string; "@DefaultValue": string }[];
  for (const item of items) defined.set(item["@id"], item["@DefaultValue"]);
}

describe("manifest.xml", () => {
  it("resolves every resid", () => {
    const resids = collect(app, "@resid") as string[];
    expect(resids.length).toBeGreaterThan(5);
    for (const id of resids) expect(defined.has(id), id).toBe(true);
  });

  it("has no <Namespace> (functions are named ACI., CPTS., AM.) and no <EquivalentAddins>", () => {
    const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
    expect(withoutComments).not.toMatch(/<Namespace\b/);
    expect(app.VersionOverrides.Hosts.Host.AllFormFactors.ExtensionPoint.Namespace).toBeUndefined();
    expect(defined.has("Functions.Namespace")).toBe(false);
    expect(withoutComments).not.toMatch(/<EquivalentAddins\b/);
  });

  it("uses https everywhere", () => {
    const urls = [...(collect(app, "@DefaultValue") as string[]).filter((v) => /^[a-z]+:\/\//i.test(v)), ...(collect(app, "AppDomain") as string[])];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url, url).toMatch(/^https:\/\//);
  });

  it("has a four-part version, a GUID id, French default locale and asks only ReadWriteDocument", () => {
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(app.DefaultLocale).toBe("fr-FR");
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  it("shares one runtime between the task pane and the functions", () => {
    const host = app.VersionOverrides.Hosts.Host;
    const runtime = host.Runtimes.Runtime["@resid"];
    expect(runtime).toBe("Taskpane.Url");
    expect(host.AllFormFactors.ExtensionPoint.Page.SourceLocation["@resid"]).toBe(runtime);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtime);
    expect(app.Requirements.Sets.Set["@Name"]).toBe("SharedRuntime");
  });

  it("keeps short strings within 1 to 125 characters", () => {
    const shorts = Object.values(resources["bt:ShortStrings"]).flat() as { "@DefaultValue": string }[];
    for (const s of shorts) {
      expect(s["@DefaultValue"].length).toBeGreaterThanOrEqual(1);
      expect(s["@DefaultValue"].length).toBeLessThanOrEqual(125);
    }
  });
});
