import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/domain/profile';
import { I18nProvider } from '../app/i18n';
import { dateFieldText, dateFieldValue } from './date-field';
import { DateTimeControl, combineDateTime, parseTime, splitDateTime } from './date-time-field';
import { TextField } from './text-field';

const noop = () => undefined;

function render(locale: Locale, node: ReactNode): string {
  return renderToStaticMarkup(<I18nProvider initialLocale={locale}>{node}</I18nProvider>);
}

const inputValues = (html: string) => [...html.matchAll(/<input[^>]*value="([^"]*)"/g)].map((m) => m[1]);

describe('date fields follow the UI language, not the browser', () => {
  it.each([
    ['nb', '10.12.2026', 'dd.mm.åååå'],
    ['da', '10.12.2026', 'dd.mm.åååå'],
    ['en', '10/12/2026', 'dd/mm/yyyy'],
  ] as const)('a %s date field shows 10 December 2026 as %s', (locale, shown, placeholder) => {
    const html = render(locale, <TextField label="Frist" type="date" value="2026-12-10" onChange={noop} />);
    expect(inputValues(html)).toEqual([shown]);
    expect(html).toContain(`placeholder="${placeholder}"`);
    expect(html).not.toContain('type="date"');
    // The calendar button is named after its field and says it opens a dialog.
    expect(html).toMatch(/<button[^>]*aria-label="(Kalender|Calendar): Frist"[^>]*aria-haspopup="dialog"/);
  });

  it.each([
    ['nb', ['10.12.2026', '14:30']],
    ['da', ['10.12.2026', '14.30']],
    ['en', ['10/12/2026', '14:30']],
  ] as const)('a %s date-time field shows the date and the time the local way', (locale, shown) => {
    const moment = new Date(2026, 11, 10, 14, 30).toISOString();
    const html = render(locale, <DateTimeControl id="x" label="Observert" value={moment} onChange={noop} />);
    expect(inputValues(html)).toEqual(shown);
    expect(html).not.toContain('datetime-local');
  });

  it('reports what was typed as an ISO date, nothing as empty, and anything else as typed', () => {
    expect(dateFieldValue('10.12.2026')).toBe('2026-12-10');
    expect(dateFieldValue('  ')).toBe('');
    expect(dateFieldValue('12/31/2026')).toBe('12/31/2026');
    expect(dateFieldText('en', '2026-12-10')).toBe('10/12/2026');
    expect(dateFieldText('nb', '31.02')).toBe('31.02');
  });

  it('joins a local date and time with the offset in force and splits it back', () => {
    const iso = combineDateTime('2026-12-10', '14:30');
    expect(iso).toMatch(/^2026-12-10T14:30:00[+-]\d{2}:\d{2}$/);
    expect(splitDateTime(iso)).toEqual({ date: '2026-12-10', time: '14:30' });
    expect(combineDateTime('2026-12-10', '')).toBeUndefined();
    expect(parseTime('9.05')).toBe('09:05');
    expect(parseTime('1430')).toBe('14:30');
    expect(parseTime('24:00')).toBeNull();
  });
});
