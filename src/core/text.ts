/**
 * Codes and ids typed by analysts are matched without case, accents, spaces or dashes: every kind of space
 * (non-breaking, narrow, thin, ideographic…) and every run of them folds to one « _ », and the invisible characters
 * an extraction leaves behind (zero-width space and joiners, word joiner, byte-order mark, soft hyphen) are dropped.
 * This is the one key of an id wherever it is compared, grouped or joined.
 */
import { memo } from "./memo";

// the same few codes come back in every recalculated cell: remembered
const normalized = memo((text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s\-–—'’]+/g, "_"),
);

/** Printable ASCII without a space, a dash or an apostrophe: nothing to fold but the case. */
const PLAIN = /^[!-&(-,.-~]*$/;

/**
 * The key of a code. Most are plain (`MSP12`, `CPTS_033`): lower-cased without the memo, which the ids of a national
 * table, each seen once, would otherwise fill and clear over and over.
 */
export const normalizeCode = (text: string): string => (PLAIN.test(text) ? text.toLowerCase() : normalized(text));
