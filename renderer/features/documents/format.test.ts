import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatIsoDateTime, formatNumber } from './format';

describe("dates and numbers in the reader's language", () => {
  it('writes a Norwegian date as 24.12.2026', () => {
    expect(formatIsoDate('nb', '2026-12-24')).toBe('24.12.2026');
    expect(formatIsoDate('da', '2026-12-24')).toBe('24.12.2026');
    expect(formatIsoDate('en', '2026-12-24')).toBe('24/12/2026');
  });

  it('shows a saved moment with its local time', () => {
    const text = formatIsoDateTime('nb', '2026-12-24T09:30:00.000Z');
    expect(text).toMatch(/^24\.12\.2026,? \d{2}[:.]\d{2}$/);
  });

  it('writes hours with a decimal comma in Norwegian and Danish', () => {
    expect(formatNumber('nb', 7.5)).toBe('7,5');
    expect(formatNumber('da', 18.5)).toBe('18,5');
    expect(formatNumber('en', 7.5)).toBe('7.5');
  });

  it('leaves an unreadable date as it is rather than inventing one', () => {
    expect(formatIsoDate('nb', 'ukjent')).toBe('ukjent');
  });
});
