import type { IsoDate } from './common';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings in UTC, so results never depend on the machine's time
 * zone. There is no clock here: callers pass "today" in.
 */

const ZERO = 48;
const notIso = () => new RangeError('not an ISO date (YYYY-MM-DD)');
const digitAt = (text: string, index: number): number => {
  const code = text.charCodeAt(index) - ZERO;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};

/**
 * Year, month and day of a `YYYY-MM-DD` string (any digits; ranges are the callers'). Read digit by
 * digit: the due list compares and shifts hundreds of thousands of dates, and a regular expression
 * with its match array per call was a tenth of its time.
 */
function parts(date: IsoDate): [number, number, number] {
  if (typeof date !== 'string' || date.length !== 10 || date[4] !== '-' || date[7] !== '-') throw notIso();
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (Number.isNaN(year + month + day)) throw notIso();
  return [year, month, day];
}

function format(year: number, month: number, day: number): IsoDate {
  // setUTCFullYear rolls overflowing days into the next month and keeps years below 100 as written.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** The earlier of two days, either of which may be unknown; undefined when both are. */
export function earlierDate(a?: IsoDate | null, b?: IsoDate | null): IsoDate | undefined {
  if (!a) return b ?? undefined;
  return b && b < a ? b : a;
}

/** -1, 0 or 1; ISO dates compare correctly as strings once validated. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  parts(a);
  parts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return format(y, m, d + days);
}

/**
 * Adds (or with a negative count subtracts) calendar months. A day that does not exist in the target
 * month is clamped to the month's last day: 31 May − 3 months = 28 (or 29) February.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * The date on which someone born on `birthDate` reaches `years` of age. Someone born on 29 February
 * reaches it on 1 March in a common year: the later of the two possible readings, so an age limit is
 * never treated as met a day early.
 */
export function anniversary(birthDate: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(birthDate);
  return format(y + years, m, d);
}

/** True when someone born on `birthDate` is at least `years` old on `onDate`. */
export function hasReachedAge(birthDate: IsoDate, years: number, onDate: IsoDate): boolean {
  return compareDates(anniversary(birthDate, years), onDate) <= 0;
}

/** A date field as digits (the due list reads tens of thousands of days: made once, not per call). */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The calendar day an instant (an ISO timestamp, stored in UTC) falls on where the user is: `timeZone`
 * is an IANA zone such as "Europe/Oslo", or undefined for the machine's own. Dates are compared as
 * local days everywhere, so a plan finalised at 00:30 Norwegian time counts from that day, not the
 * UTC day before.
 */
export function localDayOf(instant: string, timeZone?: string): IsoDate {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError('not an ISO timestamp');
  // The machine's own zone: Date's local fields (cheap, and they follow a changed TZ).
  if (timeZone === undefined) return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const parts = dayFormat(timeZone)
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** One formatter per zone: making one costs far more than using it, and the due list reads thousands of days. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}
