/** Codes typed by analysts are matched without case, accents, spaces or dashes. */
const CACHE = new Map<string, string>();
const CACHE_MAX = 10_000;

export function normalizeCode(text: string): string {
  let code = CACHE.get(text);
  if (code === undefined) {
    code = text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .trim()
      .replace(/[\s\-–—'’]+/g, "_");
    // the same few codes come back in every recalculated cell: keep them, within bounds
    if (CACHE.size >= CACHE_MAX) CACHE.clear();
    CACHE.set(text, code);
  }
  return code;
}
