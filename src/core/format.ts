/**
 * French number display for messages and remarks, written by hand: ICU
 * (`toLocaleString("fr-FR")`, even a cached Intl.NumberFormat) dominated the
 * cost of a cell evaluation. Thousands are grouped with a narrow no-break
 * space and decimals follow a comma, as fr-FR does.
 */
const GROUP = "\u202f";

/**
 * The text of every group of three digits, looked up rather than converted: turning a number into text is the slow
 * part of a remark (ACI.MSP_DETAIL writes some twenty in every MSP row of a sheet).
 */
const LEADING: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));
const FOLLOWING: readonly string[] = LEADING.map((digits) => GROUP + digits.padStart(3, "0"));

/** Whole units below 2^31 with their thousands grouped, in integer arithmetic. */
function group(units: number): string {
  if (units < 1000) return LEADING[units];
  const low = units % 1000;
  const high = ((units - low) / 1000) | 0;
  return (high < 1000 ? LEADING[high] : group(high)) + FOLLOWING[low];
}

/** Per number of decimals (0 to 2): the text of each fraction, trailing zeros dropped (« ,5 » not « ,50 »). */
const FRACTIONS: readonly (readonly string[])[] = [0, 1, 2].map((decimals) =>
  Array.from({ length: 10 ** decimals }, (_, f) => (f === 0 ? "" : `,${String(f).padStart(decimals, "0")}`.replace(/0+$/, ""))),
);
const FACTORS = [1, 10, 100];
const INT_LIMIT = 2_147_483_648;

/** `n` rounded to `decimals` (0 to 2). */
function format(n: number, decimals: 0 | 1 | 2): string {
  const factor = FACTORS[decimals];
  const scaled = Math.round(Math.abs(n) * factor);
  if (!(scaled < INT_LIMIT)) return formatLarge(n, scaled, factor);
  // whole units and the decimals as 32-bit integers, each looked up (a remainder of floating-point numbers is a call
  // into the runtime)
  const s = scaled | 0;
  const fraction = s % factor;
  const units = ((s - fraction) / factor) | 0;
  const text = fraction === 0 ? group(units) : group(units) + FRACTIONS[decimals][fraction];
  return n < 0 && s !== 0 ? `-${text}` : text;
}

/** The same, from 2^31 hundredths on (21 474 836,48 with two decimals): in floating point, by the text beyond 2^53. */
function formatLarge(n: number, scaled: number, factor: number): string {
  if (!(scaled / factor < 1e21)) return String(n); // beyond 1e21 (and NaN): leave it to JS
  const units = Math.floor(scaled / factor);
  let fraction = scaled - units * factor;
  let digits = factor === 100 ? 2 : factor === 10 ? 1 : 0;
  let text = String(units).replace(/\B(?=(\d{3})+$)/g, GROUP);
  if (fraction !== 0) {
    while (fraction % 10 === 0) {
      fraction /= 10;
      digits--;
    }
    text += `,${String(fraction).padStart(digits, "0")}`;
  }
  return n < 0 ? `-${text}` : text;
}

/** `1 234,5` (two decimals at most) */
export const frNumber = (n: number): string => format(n, 2);
/** `12,5 %` from 0.125 */
export const frPercent = (rate: number): string => `${format(rate * 100, 1)} %`;
/** `4 293` */
export const frInteger = (n: number): string => format(n, 0);
