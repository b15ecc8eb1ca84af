import { describe, expect, it } from 'vitest';
import type { Locale } from '../domain/profile';
import { catalogs } from './catalogs';
import { formatDate, formatDateTime, formatDeadline, formatLocalDay, localiseDateParams, parseDate } from './dates';
import { messageParams, parseMessage, type MessagePart } from './message-format';
import { translate } from './translate';

const LOCALES = ['nb', 'da', 'en'] as const satisfies readonly Locale[];
/** 10 December 2026, a Thursday: day and month differ, so a US or ISO order shows. */
const EXPECTED: Readonly<Record<Locale, string>> = { nb: '10.12.2026', da: '10.12.2026', en: '10/12/2026' };
const WRONG = [/2026-12-10/, /12\/10\/2026/, /12\.10\.2026/, /Dec(ember)? 10/];

describe('one date format per language', () => {
  it.each(LOCALES)('writes a calendar date the %s way, never shifted by a time zone', (locale) => {
    expect(formatDate(locale, '2026-12-10')).toBe(EXPECTED[locale]);
    expect(formatDate(locale, '2026-01-01')).toBe(locale === 'en' ? '01/01/2026' : '01.01.2026');
  });

  it('gives a deadline its weekday', () => {
    expect(formatDeadline('nb', '2026-12-10')).toBe('torsdag 10.12.2026');
    expect(formatDeadline('da', '2026-12-11')).toBe('fredag 11.12.2026');
    expect(formatDeadline('en', '2026-12-10')).toBe('Thursday 10/12/2026');
  });

  it('writes a moment as local date and time, and leaves what is not a date alone', () => {
    const moment = new Date(2026, 11, 10, 14, 30).toISOString();
    expect(formatDateTime('nb', moment)).toBe('10.12.2026, 14:30');
    expect(formatDateTime('da', moment)).toBe('10.12.2026, 14.30');
    expect(formatDateTime('en', moment)).toBe('10/12/2026, 14:30');
    expect(formatDate('nb', 'K-2026-001')).toBe('K-2026-001');
    expect(formatDate('nb', '2026-02-30')).toBe('2026-02-30');
    expect(formatLocalDay('en', new Date(2026, 11, 10, 23, 59))).toBe('10/12/2026');
  });

  it('reads what a person types, day first, and refuses what is not a date', () => {
    expect(parseDate('10.12.2026')).toBe('2026-12-10');
    expect(parseDate(' 10/12/2026 ')).toBe('2026-12-10');
    expect(parseDate('1.2.2026')).toBe('2026-02-01');
    expect(parseDate('10122026')).toBe('2026-12-10');
    expect(parseDate('2026-12-10')).toBe('2026-12-10');
    for (const bad of ['31.02.2026', '10.12.26', '2026-13-01', '12/31/2026', 'i morgen', ''])
      expect(parseDate(bad), bad).toBeNull();
  });

  it('formats date parameters before they reach a message, deadlines with the weekday', () => {
    expect(localiseDateParams('nb', { date: '2026-12-10', dueDate: '2026-12-10', count: 3, ref: '2026-0042' })).toEqual(
      {
        date: '10.12.2026',
        dueDate: 'torsdag 10.12.2026',
        count: 3,
        ref: '2026-0042',
      },
    );
  });
});

/** A parameter that carries a date or a moment, by the names the catalogs use. */
const DATE_PARAM = /date|day|deadline|due|since|until|^(from|to)$|On$|At$|sent|changed|expires|valid|when|nextUpdate/i;

function argNames(parts: readonly MessagePart[]): string[] {
  return parts.flatMap((part) =>
    part.kind === 'arg' ? [part.name] : part.kind === 'plural' ? Object.values(part.branches).flatMap(argNames) : [],
  );
}

function pluralNames(parts: readonly MessagePart[]): string[] {
  return parts.flatMap((part) =>
    part.kind === 'plural' ? [part.name, ...Object.values(part.branches).flatMap(pluralNames)] : [],
  );
}

describe('every date-bearing message, in every language', () => {
  const dateMessages = Object.entries(catalogs.nb).filter(([, text]) =>
    argNames(parseMessage(text)).some((name) => DATE_PARAM.test(name)),
  );

  it('there are date-bearing messages to check', () => {
    expect(dateMessages.length).toBeGreaterThan(20);
  });

  it.each(LOCALES)('shows each date in the %s form, never ISO or US', (locale) => {
    const wrong: string[] = [];
    for (const [key] of dateMessages) {
      const template = catalogs[locale][key];
      if (template === undefined) continue;
      const parts = parseMessage(template);
      const plurals = new Set(pluralNames(parts));
      const params = Object.fromEntries(
        messageParams(parts).map((name) => [name, plurals.has(name) ? 2 : DATE_PARAM.test(name) ? '2026-12-10' : 'X']),
      );
      const text = translate(locale, key, params);
      if (WRONG.some((pattern) => pattern.test(text)) || !text.includes(EXPECTED[locale]))
        wrong.push(`${key}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('every count message, with 1 and with 2, in every language', () => {
  it.each(LOCALES)('%s: each plural message reads a whole sentence for 1 and for 2', (locale) => {
    const problems: string[] = [];
    let checked = 0;
    for (const [key, template] of Object.entries(catalogs[locale])) {
      const parts = parseMessage(template);
      const plurals = new Set(pluralNames(parts));
      if (plurals.size === 0) continue;
      checked += 1;
      for (const n of [1, 2]) {
        const params = Object.fromEntries(messageParams(parts).map((name) => [name, plurals.has(name) ? n : 'X']));
        const text = translate(locale, key, params);
        if (/[{}]/.test(text)) problems.push(`${key} (${n}): ${text}`);
        // "1 saker", "1 sager", "1 cases": the other-form after a one.
        if (
          n === 1 &&
          /(^|\D)1 (saker|sager|cases|dokumenter|documents|versjoner|versioner|versions|dager|dage|days)\b/.test(text)
        )
          problems.push(`${key} (1): ${text}`);
      }
      const one = translate(locale, key, Object.fromEntries([...plurals].map((name) => [name, 1])));
      const two = translate(locale, key, Object.fromEntries([...plurals].map((name) => [name, 2])));
      if (one === two) problems.push(`${key}: the same text for 1 and 2`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
