/** Codes typed by analysts are matched without case, accents, spaces or dashes. */
export function normalizeCode(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s\-–—'’]+/g, "_");
}
