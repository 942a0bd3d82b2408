/**
 * French number display for messages and remarks, written by hand: ICU
 * (`toLocaleString("fr-FR")`, even a cached Intl.NumberFormat) dominated the
 * cost of a cell evaluation. Thousands are grouped with a narrow no-break
 * space and decimals follow a comma, as fr-FR does.
 */
const GROUP = "\u202f";

/** Whole units with their thousands grouped, by arithmetic (cheaper than cutting the digits' text). */
function group(units: number): string {
  if (units < 1000) return String(units);
  if (units > Number.MAX_SAFE_INTEGER) return String(units).replace(/\B(?=(\d{3})+$)/g, GROUP); // beyond exact integers: by the text
  const low = units % 1000;
  return `${group(Math.floor(units / 1000))}${GROUP}${low < 10 ? "00" : low < 100 ? "0" : ""}${low}`;
}

const FACTORS = [1, 10, 100];

function format(n: number, decimals: number): string {
  const factor = FACTORS[decimals] ?? 10 ** decimals;
  const scaled = Math.round(Math.abs(n) * factor);
  if (scaled / factor >= 1e21) return String(n); // beyond 1e21: leave it to JS
  const sign = n < 0 && scaled !== 0 ? "-" : "";
  // whole units and the decimals as integers: converting a fraction to text is the slow part of a remark
  const units = Math.floor(scaled / factor);
  let fraction = scaled - units * factor;
  if (fraction === 0) return sign + group(units);
  let digits = decimals;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${sign}${group(units)},${String(fraction).padStart(digits, "0")}`;
}

/** `1 234,5` (two decimals at most) */
export const frNumber = (n: number): string => format(n, 2);
/** `12,5 %` from 0.125 */
export const frPercent = (rate: number): string => `${format(rate * 100, 1)} %`;
/** `4 293` */
export const frInteger = (n: number): string => format(n, 0);
