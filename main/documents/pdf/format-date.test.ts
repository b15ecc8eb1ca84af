import { describe, expect, it } from 'vitest';
import { documentDateInstant, formatDocumentDate } from './format-date';

describe('formatDocumentDate', () => {
  it('prints the wall-clock time written in the date, in each locale', () => {
    expect(formatDocumentDate('nb', '2025-03-12T14:05:00+01:00')).toBe('12.03.2025 kl. 14.05');
    expect(formatDocumentDate('da', '2025-03-12T14:05:00+01:00')).toBe('12.03.2025 kl. 14.05');
    expect(formatDocumentDate('en', '2025-03-12T14:05:00+01:00')).toBe('12/03/2025 at 14:05');
    expect(formatDocumentDate('nb', '2025-03-12')).toBe('12.03.2025');
  });

  it('gives the exact instant for metadata, a bare date as midnight UTC', () => {
    expect(documentDateInstant('2025-03-12T14:05:00+01:00').toISOString()).toBe('2025-03-12T13:05:00.000Z');
    expect(documentDateInstant('2025-03-12').toISOString()).toBe('2025-03-12T00:00:00.000Z');
  });
});
