import { describe, expect, it } from 'vitest';
import { addDays, addMonths, anniversary, compareDates, hasReachedAge } from './iso-date';

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
  });
});
