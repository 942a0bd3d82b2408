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
  const scaled = Math.round(Math.abs(n) * factor);
  if (scaled / factor >= 1e21) return String(n); // beyond 1e21: leave it to JS
  const sign = n < 0 && scaled !== 0 ? "-" : "";
  // whole units and the decimals as integers: converting a fraction to text is the slow part of a remark
  const units = Math.floor(scaled / factor);
  let fraction = scaled - units * factor;
  if (fraction === 0) return sign + group(String(units));
  let digits = decimals;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${sign}${group(String(units))},${String(fraction).padStart(digits, "0")}`;
}

/** `1 234,5` (two decimals at most) */
export const frNumber = (n: number): string => format(n, 2);
/** `12,5 %` from 0.125 */
export const frPercent = (rate: number): string => `${format(rate * 100, 1)} %`;
/** `4 293` */
export const frInteger = (n: number): string => format(n, 0);
