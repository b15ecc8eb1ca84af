import { describe, expect, it } from 'vitest';
import { addDays, addMonths, anniversary, compareDates, earlierDate, hasReachedAge, localDayOf } from './iso-date';

describe('ISO date arithmetic', () => {
  it('adds months and clamps to the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-05-31', -3)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-02-15', -14)).toBe('2023-12-15');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('reaches an age on the birthday, and on 1 March for a 29 February birthday in a common year', () => {
    expect(hasReachedAge('2007-03-01', 18, '2025-03-01')).toBe(true);
    expect(hasReachedAge('2007-03-02', 18, '2025-03-01')).toBe(false);
    expect(anniversary('2008-02-29', 18)).toBe('2026-03-01');
    expect(anniversary('2008-02-29', 20)).toBe('2028-02-29');
  });

  it('compares dates and refuses text that is not a date', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(() => compareDates('1.1.2025', '2025-01-02')).toThrow(RangeError);
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareDates('0999-01-01', '1000-01-01')).toBe(-1);
  });

  it.each([
    '2025-1-02',
    '2025-01-2',
    '2025-01-0a',
    '20a5-01-02',
    ' 2025-01-02',
    '2025-01-02 ',
    '2025/01/02',
    '2025-01-02T00:00',
    '\uFF12025-01-02',
    '２０２５-01-02',
    '',
  ])('refuses %j on either side, and in the arithmetic', (text) => {
    expect(() => compareDates(text, '2025-01-02')).toThrow(RangeError);
    expect(() => compareDates('2025-01-02', text)).toThrow(RangeError);
    expect(() => addDays(text, 1)).toThrow(RangeError);
    expect(() => addMonths(text, 1)).toThrow(RangeError);
  });

  it('reads every digit of the date in its place', () => {
    expect(addDays('2019-09-09', 0)).toBe('2019-09-09');
    expect(addDays('2086-07-31', 1)).toBe('2086-08-01');
    expect(addMonths('1234-05-06', 0)).toBe('1234-05-06');
  });
});

describe('local calendar day of a stored UTC instant', () => {
  it.each(['Europe/Oslo', 'Europe/Copenhagen'])(
    'reads 00:30 local time as that day in %s, not the UTC day before',
    (zone) => {
      expect(localDayOf('2026-03-14T23:30:00.000Z', zone)).toBe('2026-03-15');
      expect(localDayOf('2026-03-14T22:59:59.000Z', zone)).toBe('2026-03-14');
      expect(localDayOf('2026-03-14T23:30:00.000Z', 'UTC')).toBe('2026-03-14');
    },
  );

  it.each(['Europe/Oslo', 'Europe/Copenhagen'])('follows the summer-time changes in %s', (zone) => {
    // 29 March 2026: clocks go to UTC+2, so local midnight is 22:00 UTC from that evening.
    expect(localDayOf('2026-03-28T23:30:00.000Z', zone)).toBe('2026-03-29');
    expect(localDayOf('2026-03-29T22:30:00.000Z', zone)).toBe('2026-03-30');
    expect(localDayOf('2026-03-29T21:30:00.000Z', zone)).toBe('2026-03-29');
    // 25 October 2026: back to UTC+1, so 22:30 UTC that evening is still the 25th locally.
    expect(localDayOf('2026-10-24T22:30:00.000Z', zone)).toBe('2026-10-25');
    expect(localDayOf('2026-10-25T22:30:00.000Z', zone)).toBe('2026-10-25');
    expect(localDayOf('2026-10-25T23:30:00.000Z', zone)).toBe('2026-10-26');
  });
});

describe('earlierDate', () => {
  it('takes the earlier of two days, the known one when one is missing, and nothing when both are', () => {
    expect(earlierDate('2026-03-02', '2026-03-01')).toBe('2026-03-01');
    expect(earlierDate('2026-03-01', '2026-03-02')).toBe('2026-03-01');
    expect(earlierDate(null, '2026-03-02')).toBe('2026-03-02');
    expect(earlierDate('2026-03-02', undefined)).toBe('2026-03-02');
    expect(earlierDate(null, null)).toBeUndefined();
  });
});
