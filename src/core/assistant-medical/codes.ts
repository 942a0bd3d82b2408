/**
 * How analysts write the assistant médical arguments, read the same way in a
 * cell (AM.AID) and in the Contrats AM table: patientèle band, régime, ETP.
 */
import { describe } from "../dates";
import { fail } from "../errors";
import { memo } from "../memo";
import { normalizeCode } from "../text";
import { ownValue, readNumber } from "../values";
import type { Bande, Regime } from "./params";

const BANDES: Readonly<Record<string, Bande>> = {
  p30_p50: "P30-P50",
  p50_p70: "P50-P70",
  p70_p90: "P70-P90",
  p90_p95: "P90-P95",
  // the 2024 ameli table writes « P90-P94 » for the same band
  p90_p94: "P90-P95",
  "p95+": "P95+",
  p95: "P95+",
};

/**
 * `P50-P70`, `p50 - p70`, `≥ P95`, `P95+`… A cell holding a value: what a blank (or desktop Excel's 0) means is the
 * input schema's (« aucune bande »), decided before this reader is called.
 */
export function readBande(value: unknown, argument = "bande"): Bande {
  const bande = typeof value === "string" ? bandeOfText(value) : undefined;
  if (!bande) fail(argument, `bande inconnue « ${describe(value)} » ; valeurs acceptées : P30-P50, P50-P70, P70-P90, P90-P95, P95+`);
  return bande;
}

/** A band's text, each spelling read once (a table writes the same few thousands of times). */
const bandeOfText = memo((text: string): Bande | undefined => ownValue(BANDES, normalizeCode(text.replace(/\s+/g, "")).replace(/^[>≥=]+/, "")));

const REGIMES: Readonly<Record<string, Regime>> = { liberal: "liberal", cds: "cds", centre_de_sante: "cds", centres_de_sante: "cds" };
const regimeOfText = memo((text: string): Regime | undefined => ownValue(REGIMES, normalizeCode(text)));

/** `liberal` or `cds` (centre de santé); a blank (liberal by default) is the input schema's, decided before this reader. */
export function readRegime(value: unknown, argument = "regime"): Regime {
  const regime = typeof value === "string" ? regimeOfText(value) : undefined;
  if (!regime) fail(argument, `régime inconnu « ${describe(value)} » ; valeurs acceptées : liberal, cds`);
  return regime;
}

/** A text fraction « 1/3 », each spelling read once; undefined for any other text. */
const fractionOf = memo((text: string): number | undefined => {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  return m && Number(m[2]) > 0 ? Number(m[1]) / Number(m[2]) : undefined;
});

/** ETP: a number (1/3 typed as =1/3 or 0,33), or a text fraction « 1/3 »; strictly positive. */
export function readEtp(value: unknown, argument = "etp"): number {
  if (typeof value === "string") {
    const fraction = fractionOf(value);
    if (fraction !== undefined) return fraction;
  }
  const n = readNumber(value, argument);
  if (!(n > 0)) fail(argument, `nombre d'ETP strictement positif attendu, reçu ${describe(n)}`);
  return n;
}
