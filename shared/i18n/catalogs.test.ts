import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { messageParams, parseMessage, type MessagePart } from './message-format';
import { translate } from './translate';

const locales = ['nb', 'da', 'en'] as const;
const allKeys = [...new Set(locales.flatMap((locale) => Object.keys(catalogs[locale])))].sort();

/**
 * Parameters that hold a count of something. A message that puts one before a noun must say it
 * with plural forms (`{count, plural, one {# sak} other {# saker}}`), so that 1 never reads "1 saker".
 */
const COUNT_PARAMS = new Set([
  'count',
  'cases',
  'documents',
  'versions',
  'entries',
  'records',
  'mentors',
  'contacts',
  'total',
  'bytes',
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'min',
  'limit',
]);

/** Count parameters that stand alone (a label's number, a range bound, an abbreviated unit): no noun to inflect. */
const NUMBER_STANDS_ALONE: Readonly<Record<string, readonly string[]>> = {
  'editors.findings.countBlocking': ['count'], // "Prevent finalising: 3"
  'editors.findings.countWarning': ['count'],
  'editors.findings.countInfo': ['count'],
  'editors.finalise.blockedReason': ['count'], // "To fix: 3 (NO pkt 7)"
  'editors.meeting.addExpected': ['count'], // "… that are missing (3)"
  'mentors.contacts.showFormer': ['count'], // "Show former holders of the role (3)"
  'home.due.shown': ['total'], // "Showing 25 of 140."
  'cli.auditBroken': ['entries'], // "at entry 3 of 40"
  'demo.badCases': ['max'],
  'settings.autoLock.hint': ['min'], // "A whole number from 1 to 60."
  'settings.autoLock.invalid': ['min'],
  'editors.field.numberInvalid': ['min'],
  'editors.dk.mentorLoad': ['limit'], // "The limit is 18.5 (DK § 15)."
  'mentors.workload.value': ['hours'], // "7.5 of 18.5 hours a week": the noun follows the limit
  'mentors.list.hours': ['hours'], // "7.5 h/week"
  'vault.unlock.retryIn': ['seconds'], // "… in 4 s."
};

/** The parameters a message uses as a plain `{name}`, outside any plural form. */
function plainParams(parts: readonly MessagePart[]): string[] {
  return parts.flatMap((part) => (part.kind === 'arg' ? [part.name] : []));
}

/** Every plural form in a message, nested ones included. */
function plurals(parts: readonly MessagePart[]): Extract<MessagePart, { kind: 'plural' }>[] {
  return parts.flatMap((part) =>
    part.kind === 'plural' ? [part, ...Object.values(part.branches).flatMap(plurals)] : [],
  );
}

describe('message catalogs', () => {
  it.each(locales)('%s has every key that any catalog has', (locale) => {
    const missing = allKeys.filter((key) => !(key in catalogs[locale]));
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s has no empty message', (locale) => {
    const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(locales)('%s has only well-formed messages', (locale) => {
    const malformed = Object.entries(catalogs[locale]).flatMap(([key, text]) => {
      try {
        parseMessage(text);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(malformed).toEqual([]);
  });

  it('uses the same parameters in every locale', () => {
    for (const key of allKeys) {
      const sets = new Set(locales.map((locale) => messageParams(parseMessage(catalogs[locale][key] ?? '')).join(',')));
      expect({ key, sets: sets.size }).toEqual({ key, sets: 1 });
    }
  });
});

describe('plural forms', () => {
  it.each(locales)('%s says every count before a noun with plural forms', (locale) => {
    const withoutPlural = Object.entries(catalogs[locale]).flatMap(([key, text]) =>
      plainParams(parseMessage(text))
        .filter((name) => COUNT_PARAMS.has(name) && !NUMBER_STANDS_ALONE[key]?.includes(name))
        .map((name) => `${key}: {${name}}`),
    );
    expect(withoutPlural).toEqual([]);
  });

  it.each(locales)('%s has a branch for every plural category of the language', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const incomplete = Object.entries(catalogs[locale]).flatMap(([key, text]) =>
      plurals(parseMessage(text))
        .filter((plural) => categories.some((category) => !(category in plural.branches)))
        .map((plural) => `${key}: {${plural.name}, plural}`),
    );
    expect(incomplete).toEqual([]);
  });

  it('renders every count message with 1 and 2 in all three locales, the number in place', () => {
    const countKeys = allKeys.filter((key) => plurals(parseMessage(catalogs.en[key] ?? '')).length > 0);
    expect(countKeys.length).toBeGreaterThanOrEqual(20);
    for (const locale of locales) {
      for (const key of countKeys) {
        const names = messageParams(parseMessage(catalogs[locale][key] ?? ''));
        for (const n of [1, 2]) {
          const params = Object.fromEntries(names.map((name) => [name, n]));
          const text = translate(locale, key, params);
          // No brace left, and no bare # standing where the number belongs ("PKCS#12" is text).
          expect(text, `${locale} ${key} (${n})`).not.toMatch(/[{}]|(^|\s)#(\s|$)/);
          expect(text, `${locale} ${key} (${n})`).toContain(String(n));
        }
      }
    }
  });

  it.each([
    ['nb', '1 sak', '2 saker'],
    ['da', '1 sag', '2 sager'],
    ['en', '1 case', '2 cases'],
  ] as const)('%s counts cases: %s, %s', (locale, one, two) => {
    expect(translate(locale, 'cases.list.count', { count: 1 })).toBe(one);
    expect(translate(locale, 'cases.list.count', { count: 2 })).toBe(two);
  });

  it('waits "1 sekund" after the first wrong passphrase, not "1 sekunder"', () => {
    expect(translate('nb', 'error.wrong_passphrase', { seconds: 1 })).toBe(
      'Feil passordfrase. Vent 1 sekund før du prøver igjen.',
    );
    expect(translate('da', 'error.throttled', { seconds: 2 })).toContain('om 2 sekunder.');
    expect(translate('en', 'error.wrong_recovery_key', { seconds: 1 })).toContain('Wait 1 second before');
  });
});
