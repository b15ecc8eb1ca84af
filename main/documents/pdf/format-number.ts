import type { Locale } from '../../../shared/domain/profile';
import { INTL_TAG } from '../../../shared/i18n/dates';

/** `amount`: money, always two decimals; `quantity`: hours and the like, at most two, none when whole. */
export type NumberStyle = 'amount' | 'quantity';

const DIGITS: Readonly<Record<NumberStyle, Intl.NumberFormatOptions>> = {
  amount: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  quantity: { maximumFractionDigits: 2 },
};

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Formats a number for print the locale's way, so a Danish or Norwegian reader sees the decimal comma:
 * nb "2 500,50", da "2.500,50", en "2,500.50"; hours "7,5" (nb, da) and "7.5" (en).
 */
export function formatDocumentNumber(locale: Locale, value: number, style: NumberStyle): string {
  const key = `${locale}:${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAG[locale], DIGITS[style]);
    formats.set(key, format);
  }
  return format.format(value);
}
