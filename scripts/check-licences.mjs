#!/usr/bin/env node
// Lists what the production bundles contain (from .build/bundle-modules.json,
// written by the webpack build) with each package's licence, and fails if a
// GPL-family package is in them: HyperFormula (GPL-3.0) must stay test-only.
import { existsSync, readFileSync } from "node:fs";

const inventory = ".build/bundle-modules.json";
if (!existsSync(inventory)) {
  console.error(`${inventory} is missing: run the production build first`);
  process.exit(1);
}
const bundles = JSON.parse(readFileSync(inventory, "utf8"));
const own = JSON.parse(readFileSync("package.json", "utf8"));
const rows = new Map();
for (const [bundle, files] of Object.entries(bundles)) {
  for (const file of files) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    const name = m ? m[1] : `${own.name} (project sources)`;
    let licence = own.license;
    let version = own.version;
    if (m) {
      const pkg = JSON.parse(readFileSync(`node_modules/${m[1]}/package.json`, "utf8"));
      licence = typeof pkg.license === "string" ? pkg.license : (pkg.license?.type ?? "UNKNOWN");
      version = pkg.version;
    }
    const row = rows.get(name) ?? { version, licence, bundles: new Set(), files: 0 };
    row.bundles.add(bundle);
    row.files++;
    rows.set(name, row);
  }
}
console.log("Production bundle contents (package, version, licence, bundles, files):");
let failed = false;
for (const [name, r] of [...rows.entries()].sort()) {
  // an SPDX « A OR B » is a choice: a dual-licensed package (jszip: MIT OR GPL-3.0) is used under its non-GPL licence
  const alternatives = r.licence.replace(/[()]/g, "").split(/\s+OR\s+/i);
  const gpl = alternatives.every((l) => /\bA?L?GPL\b/i.test(l));
  if (gpl) failed = true;
  const used = alternatives.length > 1 && !gpl ? `  (used under ${alternatives.find((l) => !/GPL/i.test(l))})` : "";
  console.log(`  ${gpl ? "✗" : "✓"} ${name} ${r.version}  ${r.licence}${used}  [${[...r.bundles].join(", ")}]  ${r.files} file(s)`);
}
if (failed) {
  console.error("A GPL-family package is in the production bundle: it must stay a test-only dependency.");
  process.exit(1);
}
console.log("No GPL-family package in the production bundle.");
