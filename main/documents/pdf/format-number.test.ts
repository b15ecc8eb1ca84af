import { describe, expect, it } from 'vitest';
import { formatDocumentNumber } from './format-number';

// Intl writes a no-break space as the Norwegian thousands separator; compare with plain spaces.
const plain = (text: string) => text.replace(/\s/gu, ' ');

describe('formatDocumentNumber', () => {
  it('writes amounts with two decimals and the locale’s separators', () => {
    expect(plain(formatDocumentNumber('nb', 2500.5, 'amount'))).toBe('2 500,50');
    expect(formatDocumentNumber('da', 2500.5, 'amount')).toBe('2.500,50');
    expect(formatDocumentNumber('en', 2500.5, 'amount')).toBe('2,500.50');
    expect(formatDocumentNumber('da', 0, 'amount')).toBe('0,00');
  });

  it('writes hours with at most two decimals and none when whole', () => {
    expect(formatDocumentNumber('nb', 7.5, 'quantity')).toBe('7,5');
    expect(formatDocumentNumber('da', 7.25, 'quantity')).toBe('7,25');
    expect(formatDocumentNumber('da', 4, 'quantity')).toBe('4');
    expect(formatDocumentNumber('en', 7.5, 'quantity')).toBe('7.5');
  });
});
