import { addDays, addMonths } from '../../shared/domain/iso-date';

/**
 * The weeks of a month for the date field's calendar, Monday first as in Norway, Denmark and the
 * UK. Pure string arithmetic on `YYYY-MM-DD` (UTC), so no time zone moves a day.
 */

/** 0 = Monday … 6 = Sunday. */
function weekdayIndex(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function firstOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** Six weeks of seven days covering the month of `iso`, starting on the Monday on or before the 1st. */
export function monthWeeks(iso: string): string[][] {
  const first = firstOfMonth(iso);
  const start = addDays(first, -weekdayIndex(first));
  return Array.from({ length: 6 }, (_, week) => Array.from({ length: 7 }, (_, day) => addDays(start, week * 7 + day)));
}

/** The day a key moves the calendar's focus to (WAI-ARIA date picker dialog pattern), or null for other keys. */
export function moveFocus(iso: string, key: string, shift = false): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(iso, -1);
    case 'ArrowRight':
      return addDays(iso, 1);
    case 'ArrowUp':
      return addDays(iso, -7);
    case 'ArrowDown':
      return addDays(iso, 7);
    case 'PageUp':
      return addMonths(iso, shift ? -12 : -1);
    case 'PageDown':
      return addMonths(iso, shift ? 12 : 1);
    case 'Home':
      return addDays(iso, -weekdayIndex(iso));
    case 'End':
      return addDays(iso, 6 - weekdayIndex(iso));
    default:
      return null;
  }
}
