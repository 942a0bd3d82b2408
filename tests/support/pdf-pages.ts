/**
 * An office file as a person sees it, for the rendering tests: LibreOffice headless converts it to PDF (with a
 * profile of its own: a LibreOffice already open elsewhere would otherwise take the conversion), pdftotext -bbox reads
 * every word back with its box, and pdftoppm saves each page as a PNG to be looked at. Needs soffice, pdftotext and
 * pdftoppm (scripts/test-deps.mjs).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Page {
  width: number;
  height: number;
  words: Word[];
}

const decode = (t: string) =>
  t
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

/** The pages of pdftotext's -bbox output. */
export function pagesOf(html: string): Page[] {
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    words: [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: decode(w[5]),
    })),
  }));
}

const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} : ${r.stderr || r.error}`);
  return r.stdout;
};

/**
 * `file` printed to PDF in `dir` by LibreOffice, its pages read back; each page saved as `<pngPrefix>-NN.png` in the
 * emptied folder `artifacts`, at `resolution` dpi.
 */
export function renderedPages(file: string, dir: string, artifacts: string, pngPrefix: string, resolution: number): Page[] {
  run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file]);
  const pdf = join(dir, basename(file).replace(/\.\w+$/, ".pdf"));
  const pages = pagesOf(run("pdftotext", ["-bbox", pdf, "-"]));
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  run("pdftoppm", ["-r", String(resolution), "-png", pdf, join(artifacts, pngPrefix)]);
  return pages;
}
