import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatNumber } from './date-format';

describe('dates and numbers in the locale’s format', () => {
  it('shows a calendar date the Norwegian, Danish and English way, on the same day', () => {
    expect(formatIsoDate('nb', '2026-12-24')).toBe('24.12.2026');
    expect(formatIsoDate('da', '2026-12-24')).toBe('24.12.2026');
    expect(formatIsoDate('en', '2026-12-24')).toBe('24/12/2026');
  });

  it('uses a decimal comma in nb and da', () => {
    expect(formatNumber('nb', 18.5)).toBe('18,5');
    expect(formatNumber('da', 7.25, 2)).toBe('7,25');
    expect(formatNumber('en', 18.5)).toBe('18.5');
  });
});
