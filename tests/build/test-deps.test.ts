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

const all = NEEDS.map((n) => n.command);

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
    const path = binFolder(all.filter((c) => c !== "chromium"));
    expect(missingNeeds(path).map((n) => n.package)).toEqual(["chromium"]);
    expect(missingNeeds(`${binFolder([])}${delimiter}${path}`).map((n) => n.command)).toEqual(["chromium"]);
  });

  it("stops at once with the command to run when not root, installing nothing", () => {
    let installs = 0;
    const result = ensureNeeds({ pathVariable: binFolder([]), uid: 1000, install: () => ++installs });
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
      install: () => {
        installs++;
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
    const result = ensureNeeds({ pathVariable: binFolder(all.filter((c) => c !== "chromium")), uid: 0, install: () => 0 });
    expect(result.ok).toBe(false);
    expect(result.message).toContain("apt-get install -y chromium");
  });

  it("does nothing when every program is there", () => {
    let installs = 0;
    expect(ensureNeeds({ pathVariable: binFolder(all), uid: 0, install: () => ++installs })).toEqual({
      ok: true,
      installed: false,
      message: "",
    });
    expect(installs).toBe(0);
  });
});
