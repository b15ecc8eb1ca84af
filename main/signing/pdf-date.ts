/**
 * Parses a PDF date string (ISO 32000-1 §7.9.4): D:YYYYMMDDHHmmSSOHH'mm', every part after the year
 * optional, O one of + - Z. Returns null for anything else.
 */
export function parsePdfDate(text: string): Date | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Z])(?:(\d{2})'?(?:(\d{2})'?)?)?)?$/.exec(
    text.trim(),
  );
  if (!match) return null;
  const [
    ,
    year,
    month = '01',
    day = '01',
    // Stryker disable StringLiteral: these parts are only read through Number, and Number('') is 0 as Number('00') is
    hour = '00',
    minute = '00',
    second = '00',
    sign,
    offsetHours = '00',
    offsetMinutes = '00',
  ] = match;
  // Stryker restore StringLiteral
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const time = sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date;
}
