/**
 * What `npm test` does on a fresh machine (issue: a newcomer's two commands): a program the suites need and the
 * machine lacks is installed when the command runs as root, and otherwise stops the run at once with the command
 * to type, never a suite waiting on a browser that is not there. PATH is replaced by folders made here, so
 * Chromium is absent whatever this machine has.
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { INSTALL_COMMAND, NEEDS, ensureNeeds, missingNeeds, which } from "../../scripts/test-deps.mjs";

/** A folder holding an executable file for each of `commands`. */
function binFolder(commands: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "test-deps-"));
  for (const c of commands) {
    writeFileSync(join(dir, c), "#!/bin/sh\nexit 0\n");
    chmodSync(join(dir, c), 0o755);
  }
  return dir;
}

const all = NEEDS.flatMap((n) => (n.command ? [n.command] : []));
/** NEEDS with each file (a font) moved to a folder of this test: absent until `installFiles` writes it. */
const fileDir = mkdtempSync(join(tmpdir(), "test-deps-files-"));
const needs = NEEDS.map((n) => (n.file ? { ...n, file: join(fileDir, n.file.split("/").pop()!) } : n));
const installFiles = () => {
  for (const n of needs) if (n.file) writeFileSync(n.file, "");
};

describe("the system programs of the tests", () => {
  it("finds a command on PATH only where an executable file is", () => {
    const dir = binFolder(["chromium"]);
    expect(which("chromium", dir)).toBe(join(dir, "chromium"));
    expect(which("chromium", binFolder([]))).toBeUndefined();
    const plain = mkdtempSync(join(tmpdir(), "test-deps-"));
    writeFileSync(join(plain, "chromium"), "not executable");
    expect(which("chromium", plain)).toBeUndefined();
  });

  it("names Chromium missing when it is absent from PATH", () => {
    installFiles();
    const path = binFolder(all.filter((c) => c !== "chromium"));
    expect(missingNeeds(path, needs).map((n) => n.package)).toEqual(["chromium"]);
    expect(missingNeeds(`${binFolder([])}${delimiter}${path}`, needs).map((n) => n.command)).toEqual(["chromium"]);
  });

  it("names a font missing when its file is absent (the deck's Arial, rendered as Liberation Sans)", () => {
    const font = needs.find((n) => n.package === "fonts-liberation")!;
    const without = needs.map((n) => (n === font ? { ...n, file: join(fileDir, "absente.ttf") } : n));
    expect(missingNeeds(binFolder(all), without).map((n) => n.package)).toEqual([font.package]);
  });

  it("stops at once with the command to run when not root, installing nothing", () => {
    let installs = 0;
    const result = ensureNeeds({ pathVariable: binFolder([]), uid: 1000, install: () => ++installs, needs });
    expect(result.ok).toBe(false);
    expect(installs).toBe(0);
    expect(result.message).toContain(`Lancez : ${INSTALL_COMMAND}`);
    expect(result.message).toContain("chromium (paquet Debian chromium) pour tests/browser");
  });

  it("runs the install script as root, then checks again", () => {
    const path = binFolder([]);
    let installs = 0;
    const result = ensureNeeds({
      pathVariable: path,
      uid: 0,
      needs,
      install: () => {
        installs++;
        installFiles();
        for (const c of all) {
          writeFileSync(join(path, c), "#!/bin/sh\n");
          chmodSync(join(path, c), 0o755);
        }
        return 0;
      },
    });
    expect(installs).toBe(1);
    expect(result).toEqual({ ok: true, installed: true, message: "" });
  });

  it("fails with the packages still missing when the install leaves them out", () => {
    const result = ensureNeeds({ pathVariable: binFolder(all.filter((c) => c !== "chromium")), uid: 0, install: () => 0, needs });
    expect(result.ok).toBe(false);
    expect(result.message).toContain("apt-get install -y chromium");
  });

  it("does nothing when every program is there", () => {
    let installs = 0;
    installFiles();
    expect(ensureNeeds({ pathVariable: binFolder(all), uid: 0, install: () => ++installs, needs })).toEqual({
      ok: true,
      installed: false,
      message: "",
    });
    expect(installs).toBe(0);
  });
});
