// Runs one of the project's TypeScript scripts as JavaScript (issue 23: no TypeScript interpreter at run time):
// `node scripts/cli.mjs regional <arguments>` bundles scripts/regional.ts with esbuild into .build/cli/regional.cjs the
// first time, and again only when a source file is newer than that bundle, then runs it with the same arguments; its
// messages and exit code are the script's. The dependencies (exceljs, pptxgenjs…) stay in node_modules.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPTS = new Set(["regional", "make-sample"]);

/** The newest modification time of the sources a bundle is made of (src/, scripts/, the lock file). */
function newestSource() {
  let newest = statSync(join(root, "package-lock.json")).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, "src"));
  walk(join(root, "scripts"));
  return newest;
}

/** The bundle of `name`, built when missing or older than its sources. */
export async function bundleOf(name) {
  const out = join(root, ".build", "cli", `${name}.cjs`);
  if (existsSync(out) && statSync(out).mtimeMs >= newestSource()) return out;
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(root, "scripts", `${name}.ts`)],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    // import.meta.url (createRequire in src/offline/xlsx.ts) as CommonJS has it: the bundle's own file
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { "import.meta.url": "__importMetaUrl" },
    logLevel: "error",
  });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, ...args] = process.argv.slice(2);
  if (!SCRIPTS.has(name)) {
    console.error(`Erreur : script inconnu « ${name ?? ""} » ; scripts : ${[...SCRIPTS].join(", ")}`);
    process.exit(2);
  }
  const bundle = await bundleOf(name);
  const run = spawnSync(process.execPath, [bundle, ...args], { stdio: "inherit", cwd: process.cwd() });
  process.exit(run.status ?? 1);
}
