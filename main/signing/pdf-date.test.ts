import { describe, expect, it } from 'vitest';
import { parsePdfDate } from './pdf-date';

/** PDF dates (ISO 32000-1 §7.9.4) as a signature dictionary's /M carries them: the signing time shown. */
describe('parsePdfDate', () => {
  it.each([
    ['D:20260315143000Z', '2026-03-15T14:30:00.000Z'],
    ["D:20260315143000+01'00'", '2026-03-15T13:30:00.000Z'],
    ["D:20260315143000-02'30'", '2026-03-15T17:00:00.000Z'],
    ["D:20260315143000+05'45", '2026-03-15T08:45:00.000Z'],
    ['D:20260315143000+01', '2026-03-15T13:30:00.000Z'],
    ['D:20260315143000+', '2026-03-15T14:30:00.000Z'],
    ['D:20260315143000', '2026-03-15T14:30:00.000Z'],
    ['D:202603151430', '2026-03-15T14:30:00.000Z'],
    ['D:2026031514', '2026-03-15T14:00:00.000Z'],
    ['D:20260315', '2026-03-15T00:00:00.000Z'],
    ['D:202603', '2026-03-01T00:00:00.000Z'],
    ['D:2026', '2026-01-01T00:00:00.000Z'],
    ['  D:20260315143000Z \n', '2026-03-15T14:30:00.000Z'],
    // Z is UTC whatever offset digits a writer puts after it.
    ["D:20260315143000Z01'00'", '2026-03-15T14:30:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parsePdfDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['no D: prefix', '20260315143000Z'],
    ['text before the D: prefix', 'UTC D:20260315143000Z'],
    ['an odd number of digits', 'D:2026031'],
    ['letters', 'D:2026O315'],
    ['an unknown zone sign', 'D:20260315143000*01'],
    ['text after the date', 'D:20260315143000Z junk'],
    ['empty', ''],
  ])('refuses %s', (_what, text) => {
    expect(parsePdfDate(text)).toBeNull();
  });

  it('reads the last second of year 9999', () => {
    // Four digits of year never leave a Date's range, so the form alone decides what is refused.
    expect(parsePdfDate('D:99991231235959Z')?.toISOString()).toBe('9999-12-31T23:59:59.000Z');
  });
});
