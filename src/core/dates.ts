/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), compared as text, and the
 * conversions from what Excel hands over (serial numbers, text dates).
 * Everything is computed in UTC so no time zone can shift a day.
 */
import { memo } from "./memo";
import { fail } from "./errors";

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system (serial 1 = 1900-01-01, with Excel's fictitious 29/02/1900). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Serial numbers Excel can display: 01/01/1900 to 31/12/9999. */
const MAX_SERIAL = 2_958_465;

export function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The number written by the `length` digits of `iso` from `at` (NaN if one is not a digit), read from the character
 * codes: a national table reads years and days of tens of thousands of dates, and `Number(iso.slice(…))` builds a
 * string for each.
 */
function digitsAt(iso: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** The year, month and day of an ISO date, as numbers. */
export const isoYear = (iso: string): number => digitsAt(iso, 0, 4);
export const isoMonth = (iso: string): number => digitsAt(iso, 5, 2);
export const isoDay = (iso: string): number => digitsAt(iso, 8, 2);

export function utcFromIso(iso: string): number {
  return Date.UTC(isoYear(iso), isoMonth(iso) - 1, isoDay(iso));
}

/**
 * A cell holding a time of day alone, as ExcelJS dates it (Excel's day 0, 30/12/1899, plus the time): the fraction of a
 * day Office.js gives for the same cell (12:00 is 0,5); undefined for any other date.
 */
export function timeOfDayFraction(date: Date): number | undefined {
  const ms = date.getTime() - EXCEL_EPOCH_UTC;
  return ms >= 0 && ms < MS_PER_DAY ? ms / MS_PER_DAY : undefined;
}

/** A fraction of a day as Excel shows a time: 0,5 → « 12:00 ». */
export function frenchTime(dayFraction: number): string {
  const minutes = Math.round(dayFraction * 24 * 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

const isoOfDay = memo((day: number): string => {
  // Excel counts a 29/02/1900 that never existed: serials 1 to 59 are one day later than the UTC count.
  const offset = day < 61 ? day + 1 : day;
  return isoFromUtc(EXCEL_EPOCH_UTC + offset * MS_PER_DAY);
}, 50_000);

export function isoFromExcelSerial(serial: number): string {
  return isoOfDay(Math.floor(serial));
}

export function excelSerialFromIso(iso: string): number {
  const days = Math.round((utcFromIso(iso) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}

/**
 * The calendar date in France (Europe/Paris), not in UTC (at 00:30 in Paris, UTC is still yesterday). Cells
 * recalculate often: the date is computed once per minute (Paris changes day on a minute boundary).
 */
let parisToday = { iso: "", minute: NaN };
const PARIS = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

export function todayParisIso(now = Date.now()): string {
  const minute = Math.floor(now / 60_000);
  if (minute !== parisToday.minute) parisToday = { iso: PARIS.format(now), minute };
  return parisToday.iso;
}

export function yearOf(iso: string): number {
  return isoYear(iso);
}

export function addYears(iso: string, years: number): string {
  if (years === 0) return iso;
  const y = yearOf(iso) + years;
  const md = iso.slice(4);
  // 29/02 + n years falls on 28/02 when the target year is not a leap year.
  if (md === "-02-29" && !isLeapYear(y)) return `${pad(y, 4)}-02-28`;
  return `${pad(y, 4)}${md}`;
}

/** The time (UTC) of `addYears(iso, years)`, without building its string: a national table counts thousands of them. */
export function utcAfterYears(iso: string, years: number): number {
  const y = yearOf(iso) + years;
  const m = isoMonth(iso);
  const d = isoDay(iso);
  // as addYears: 29/02 + n years falls on 28/02 when the target year is not a leap year
  return Date.UTC(y, m - 1, m === 2 && d === 29 && !isLeapYear(y) ? 28 : d);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days from `iso` to 31/12 of its year, both counted. */
export function daysToYearEnd(iso: string): number {
  const end = Date.UTC(yearOf(iso), 11, 31);
  return Math.round((end - utcFromIso(iso)) / MS_PER_DAY) + 1;
}

/** French display of an ISO date: `03/09/2022`. */
export function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validIso(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const last = m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
  return d <= last ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : undefined;
}

/** A text date (remembered: a table repeats the same dates many times). */
const parseTextDate = memo((text: string): string | undefined => {
  let iso: string | undefined;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) iso = validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = iso ? null : /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text);
  if (m) iso = validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso;
}, 50_000);

/** Whole numbers read as a year rather than as an Excel date: their serial dates fall in 1905, before every rule. */
const YEAR_LIKE = { min: 1900, max: 2100 };

/**
 * Reads a date as an analyst may give it: an Excel serial number, a JS Date,
 * or text `JJ/MM/AAAA`, `AAAA-MM-JJ`. Anything else is an error naming `argument`.
 */
export function parseDate(value: unknown, argument: string): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > MAX_SERIAL) {
      fail(argument, `date hors des limites d'Excel (${String(value)}) ; saisir une date entre le 01/01/1900 et le 31/12/9999`);
    }
    if (Number.isInteger(value) && value >= YEAR_LIKE.min && value <= YEAR_LIKE.max) {
      // a year typed in a date cell: Excel's day 2023 is 15/07/1905, a date no rule here can mean
      fail(
        argument,
        `${value} : une année seule ? Excel la lit comme le ${frenchDate(isoFromExcelSerial(value))} ; saisir la date complète (ex. 01/01/${value})`,
      );
    }
    return isoFromExcelSerial(value);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return isoFromUtc(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()));
  }
  if (typeof value === "string") {
    const text = value.trim();
    const iso = parseTextDate(text);
    if (iso) return iso;
    // a serial number stored as text: whole days only (« 10,000 » is no date: a French decimal or English thousands)
    if (/^\d+$/.test(text)) return parseDate(Number(text), argument);
  }
  return fail(argument, `date attendue (une date Excel, ou un texte JJ/MM/AAAA), reçu « ${describe(value)} »`);
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return "vide";
  if (typeof value === "string") {
    if (value.trim() === "") return "vide"; // an empty cell as the task pane reads it ("")
    return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  }
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : String(value);
  if (Array.isArray(value)) return "plage";
  return typeof value;
}
