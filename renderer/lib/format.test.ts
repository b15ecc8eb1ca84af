import { describe, expect, it } from 'vitest';
import { formatCount, formatIsoDate, localToday } from './format';

describe('dates and counts in the locale format', () => {
  it('shows a calendar date as 24.12.2026 in Norwegian and Danish, 24/12/2026 in English', () => {
    expect(formatIsoDate('nb', '2026-12-24')).toBe('24.12.2026');
    expect(formatIsoDate('da', '2026-12-24')).toBe('24.12.2026');
    expect(formatIsoDate('en', '2026-12-24')).toBe('24/12/2026');
  });

  it('leaves text that is not a calendar date alone', () => {
    expect(formatIsoDate('nb', 'K-2026-001')).toBe('K-2026-001');
  });

  it('groups thousands the way each language writes them', () => {
    expect(formatCount('nb', 10_000).replace(/\s/g, ' ')).toBe('10 000');
    expect(formatCount('da', 10_000)).toBe('10.000');
    expect(formatCount('en', 10_000)).toBe('10,000');
  });

  it('gives today as a local calendar date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
