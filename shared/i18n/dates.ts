import type { Locale } from '../domain/profile';

/**
 * The one place that writes a date for a person: one numeric form per UI language (nb-NO and da-DK
 * 10.12.2026, en-GB 10/12/2026), with the weekday for deadlines, and the reverse for what a person
 * types into a date field. Pure Intl, no DOM: main (PDFs, CLI), the renderer and the tests share it.
 */

/** BCP 47 tags for Intl: "nb" alone is fine for words, but numeric dates need the region. */
export const INTL_TAG: Readonly<Record<Locale, string>> = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return INTL_TAG[locale];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO 8601 instant or local date-time with at least minutes ("2026-12-10T14:30", "…:00Z", "…+01:00"). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(locale: Locale, kind: 'date' | 'dateTime' | 'weekday' | 'time'): Intl.DateTimeFormat {
  const id = `${locale}:${kind}`;
  let format = formats.get(id);
  if (!format) {
    const tag = INTL_TAG[locale];
    // A calendar date has no time zone: it is formatted as UTC so it never shifts a day.
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
        : kind === 'weekday'
          ? new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' })
          : kind === 'time'
            ? new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' })
            : new Intl.DateTimeFormat(tag, {
                day: '2-digit',
                month: '2-digit',
                year: 'numeric',
                hour: '2-digit',
                minute: '2-digit',
              });
    formats.set(id, format);
  }
  return format;
}

/** The UTC midnight of a valid calendar date `YYYY-MM-DD`, or null (2026-02-30 is not a date). */
function calendarDay(iso: string): Date | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && calendarDay(value) !== null;
}

export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** A calendar date (`YYYY-MM-DD`) the locale's way: 10.12.2026 or 10/12/2026; anything else as is. */
export function formatDate(locale: Locale, iso: string): string {
  const day = calendarDay(iso);
  return day ? cached(locale, 'date').format(day) : iso;
}

/** A deadline with its weekday: "torsdag 10.12.2026", "Thursday 10/12/2026". */
export function formatDeadline(locale: Locale, iso: string): string {
  const day = calendarDay(iso);
  return day ? `${cached(locale, 'weekday').format(day)} ${cached(locale, 'date').format(day)}` : iso;
}

/** A moment as local date and time: 10.12.2026, 14:30 (da: 10.12.2026 14.30); anything unreadable as is. */
export function formatDateTime(locale: Locale, iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : cached(locale, 'dateTime').format(new Date(time));
}

/** Today (or `date`) as a local calendar date, formatted: for "printed on" lines. */
export function formatLocalDay(locale: Locale, date: Date): string {
  return formatDate(locale, localIsoDate(date));
}

export function formatTime(locale: Locale, date: Date): string {
  return cached(locale, 'time').format(date);
}

/** The local calendar day of a moment as `YYYY-MM-DD`. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * What a person typed into a date field, as `YYYY-MM-DD`, or null when it is not a date. Day first
 * in all three languages: "10.12.2026", "10/12/2026", "10-12-2026", "1.2.2026", "10122026"; an ISO
 * date ("2026-12-10", also from a paste) is read as such. Two-digit years are refused: 10.12.26
 * could be 1926 for a birth date.
 */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) return calendarDay(trimmed) ? trimmed : null;
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return calendarDay(iso) ? iso : null;
}

/** Parameter names whose date is a deadline: shown with the weekday. */
const DEADLINE_PARAM = /due|deadline|frist/i;

/**
 * Message parameters with every ISO date or date-time written the locale's way, so no message
 * ever shows 2026-12-10: deadlines (`dueDate`, `deadline`) with their weekday.
 */
export function localiseDateParams<P extends Readonly<Record<string, string | number | boolean>>>(
  locale: Locale,
  params: P,
): P {
  let changed: Record<string, string | number | boolean> | null = null;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const formatted = isIsoDate(value)
      ? DEADLINE_PARAM.test(name)
        ? formatDeadline(locale, value)
        : formatDate(locale, value)
      : isIsoDateTime(value)
        ? formatDateTime(locale, value)
        : null;
    if (formatted === null) continue;
    changed ??= { ...params };
    changed[name] = formatted;
  }
  return (changed ?? params) as P;
}
