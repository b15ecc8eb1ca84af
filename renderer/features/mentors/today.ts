import type { IsoDate } from '../../../shared/domain/common';

/** Today's calendar date where the user is (not UTC): rules and due dates count local days. */
export function localToday(now: Date = new Date()): IsoDate {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
