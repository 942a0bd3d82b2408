// The system programs the test suites need, and what `npm test` does when one is missing: as root it runs
// scripts/install-test-deps.sh (Debian packages), otherwise it stops at once with the exact command to run.
// It never lets a suite start and wait on a program that is not there.
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { spawnSync } from "node:child_process";

/**
 * Each program: the command looked up on PATH (or, for a font, its file), its Debian package, and the suite that
 * needs it. The deck is rendered with Liberation Sans, metrically identical to Arial, the deck's font: with another
 * font, the rendering test would measure a layout PowerPoint never shows.
 */
export const NEEDS = [
  { command: "chromium", package: "chromium", suite: "tests/browser (le volet des tâches dans Chromium)" },
  { command: "soffice", package: "libreoffice-impress", suite: "tests/deck (le diaporama rendu par LibreOffice)" },
  {
    file: "/usr/lib/libreoffice/program/libsclo.so",
    package: "libreoffice-calc",
    suite: "tests/regional (les feuilles imprimées par LibreOffice Calc)",
  },
  { command: "pdftotext", package: "poppler-utils", suite: "tests/deck (les pages du diaporama lues et mises en images)" },
  {
    file: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    package: "fonts-liberation",
    suite: "tests/deck (la police Arial, par son équivalent métrique)",
  },
];

export const INSTALL_COMMAND = "sudo bash scripts/install-test-deps.sh";

/** The full path of `command` on `pathVariable`, or undefined. */
export function which(command, pathVariable = process.env.PATH ?? "") {
  for (const dir of pathVariable.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const present = (file) => {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

/** The needs whose command is not on `pathVariable` (or whose file is absent). */
export function missingNeeds(pathVariable = process.env.PATH ?? "", needs = NEEDS) {
  return needs.filter((need) => (need.command ? which(need.command, pathVariable) === undefined : !present(need.file)));
}

/**
 * Makes sure every need is there. `uid` is the user's id (0: root, may install), `install` runs the install
 * script and returns its exit code. Returns { ok, installed, message }: the message, when not ok, says what is
 * missing, for which suite, and the exact command to run.
 */
export function ensureNeeds({ pathVariable = process.env.PATH ?? "", uid = process.getuid?.() ?? -1, install = runInstallScript, needs = NEEDS } = {}) {
  const missing = missingNeeds(pathVariable, needs);
  if (missing.length === 0) return { ok: true, installed: false, message: "" };
  const list = missing.map((n) => `  - ${n.command ?? n.file} (paquet Debian ${n.package}) pour ${n.suite}`).join("\n");
  if (uid !== 0) {
    return {
      ok: false,
      installed: false,
      message: `Programmes manquants pour les tests :\n${list}\nLancez : ${INSTALL_COMMAND}\npuis de nouveau : npm test`,
    };
  }
  const code = install();
  const still = missingNeeds(pathVariable, needs);
  if (code !== 0 || still.length > 0) {
    const names = (still.length ? still : missing).map((n) => n.package).join(" ");
    return {
      ok: false,
      installed: false,
      message: `L'installation des programmes de test a échoué (code ${code}) :\n${list}\nÀ installer : apt-get install -y ${names}`,
    };
  }
  return { ok: true, installed: true, message: "" };
}

function runInstallScript() {
  return spawnSync("bash", ["scripts/install-test-deps.sh"], { stdio: "inherit" }).status ?? 1;
}
