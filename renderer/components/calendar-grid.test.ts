import { describe, expect, it } from 'vitest';
import { monthWeeks, moveFocus } from './calendar-grid';

describe('the date field calendar', () => {
  it('lays December 2026 out in weeks that start on Monday', () => {
    const weeks = monthWeeks('2026-12-10');
    expect(weeks).toHaveLength(6);
    // 1 December 2026 is a Tuesday: the first row starts on Monday 30 November.
    expect(weeks[0]).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks.flat()).toContain('2026-12-31');
  });

  it('moves by day, week, month, year and to the ends of the week', () => {
    expect(moveFocus('2026-12-31', 'ArrowRight')).toBe('2027-01-01');
    expect(moveFocus('2026-12-10', 'ArrowUp')).toBe('2026-12-03');
    expect(moveFocus('2026-01-31', 'PageDown')).toBe('2026-02-28');
    expect(moveFocus('2026-12-10', 'PageUp', true)).toBe('2025-12-10');
    expect(moveFocus('2026-12-10', 'Home')).toBe('2026-12-07');
    expect(moveFocus('2026-12-10', 'End')).toBe('2026-12-13');
    expect(moveFocus('2026-12-10', 'a')).toBeNull();
  });
});
