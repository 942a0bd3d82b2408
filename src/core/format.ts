/**
 * French number display for messages and remarks, written by hand: ICU
 * (`toLocaleString("fr-FR")`, even a cached Intl.NumberFormat) dominated the
 * cost of a cell evaluation. Thousands are grouped with a narrow no-break
 * space and decimals follow a comma, as fr-FR does.
 */
const GROUP = "\u202f";

function group(integer: string): string {
  if (integer.length <= 3) return integer;
  let out = "";
  for (let i = integer.length; i > 0; i -= 3) out = integer.slice(Math.max(0, i - 3), i) + (out ? GROUP + out : "");
  return out;
}

const FACTORS = [1, 10, 100];

function format(n: number, decimals: number): string {
  const factor = FACTORS[decimals] ?? 10 ** decimals;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  if (rounded >= 1e21) return String(n); // beyond 1e21: leave it to JS
  const sign = n < 0 && rounded !== 0 ? "-" : "";
  // most figures of the remarks are whole numbers (points, days, patients): no split needed
  if (rounded === Math.floor(rounded)) return sign + group(String(rounded));
  const text = String(rounded);
  const dot = text.indexOf(".");
  return `${sign}${group(text.slice(0, dot))},${text.slice(dot + 1)}`;
}

/** `1 234,5` (two decimals at most) */
export const frNumber = (n: number): string => format(n, 2);
/** `12,5 %` from 0.125 */
export const frPercent = (rate: number): string => `${format(rate * 100, 1)} %`;
/** `4 293` */
export const frInteger = (n: number): string => format(n, 0);
