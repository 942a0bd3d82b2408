import { defineConfig } from "vitest/config";

/**
 * Two projects: every suite as Excel on the web calls the functions (an empty referenced cell is `null`), and the
 * function suites again as desktop Excel calls them (an empty cell is `0`: EXCEL_BLANKS=desktop, see
 * tests/support/built-functions.ts).
 */
export default defineConfig({
  test: {
    setupFiles: ["tests/setup/custom-functions-stub.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "web", include: ["tests/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "desktop",
          include: ["tests/functions/**/*.test.ts", "tests/properties/**/*.test.ts"],
          env: { EXCEL_BLANKS: "desktop" },
        },
      },
    ],
  },
});
