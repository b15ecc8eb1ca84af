import { describe, expect, it } from 'vitest';
import type { Locale } from '../domain/profile';
import { catalogs } from './catalogs';
import glossary from './glossary.json' with { type: 'json' };

interface Term {
  concept: string;
  preferred: string;
  banned: string[];
  allowedIn?: string[];
  explainedBy?: string[];
}

const LOCALES = ['nb', 'da', 'en'] as const satisfies readonly Locale[];
const terms = (locale: Locale): readonly Term[] => glossary[locale];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole word or phrase, any case: "passord" finds "Passord", not "passordfrase" or "passordet". */
function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(word).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Every "key: banned word" in the locale's catalogs, except in keys the term allows it. */
export function bannedUses(locale: Locale, catalog: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  for (const term of terms(locale)) {
    const patterns = term.banned.map((word) => [word, wordPattern(word)] as const);
    for (const [key, message] of Object.entries(catalog)) {
      if (term.allowedIn?.some((prefix) => key.startsWith(prefix))) continue;
      if (term.explainedBy?.some((words) => message.includes(words))) continue;
      for (const [word, pattern] of patterns) {
        if (pattern.test(message)) found.push(`${key}: "${word}" (say "${term.preferred}": ${term.concept})`);
      }
    }
  }
  return found;
}

describe('the glossary keeps one term for one thing', () => {
  it.each(LOCALES)('no %s catalog message uses a banned variant', (locale) => {
    expect(bannedUses(locale, catalogs[locale])).toEqual([]);
  });

  it('finds a banned variant in any case and inflection listed, and leaves compounds of the preferred term alone', () => {
    const found = bannedUses('nb', {
      'vault.a': 'Skriv passordet ditt.',
      'vault.b': 'Passordfrasen er feil.',
      'signing.pkcs12.c': 'Feil passord for sertifikatfilen.',
      'exchange.d': 'Signataren er ikke klarert.',
    });
    expect(found).toEqual([
      'vault.a: "passordet" (say "passordfrase": passphrase (the vault\'s))',
      'exchange.d: "klarert" (say "betrodd": trusted signer (reads as security clearance otherwise))',
    ]);
  });

  it('lets a Danish message name a Norwegian body only with its explanation', () => {
    expect(
      bannedUses('da', { 'exchange.x': 'Sendt til KDI.', 'exchange.y': 'Sendt til KDI (NO pkt 2).' }),
    ).toHaveLength(1);
  });

  it.each(LOCALES)('%s labels the § 13, stk. 2 course lead apart from the § 18 mentortovholder', (locale) => {
    const responsible = catalogs[locale]['domain.mentorCourse.responsiblePerson'] ?? '';
    expect(responsible).toContain('§ 13, stk. 2');
    expect(responsible).not.toMatch(/tovholder/iu);
    expect(catalogs[locale]['regulatory.dkCourse.mentortovholderName']).toContain('§ 18');
  });

  it('points a Danish "ansvarlig for forløbet" to the § 13 wording, not to the § 18 mentortovholder', () => {
    const found = bannedUses('da', {
      'domain.a': 'Ansvarlig for mentorforløbet (§ 13, stk. 2)',
      'domain.b': 'Mentortovholder (DK § 18)',
      'domain.c': 'Ansvarlig for forløbet',
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^domain\.c: .*say "ansvarlig for mentorforløbet"/u);
  });

  it.each(LOCALES)('each %s preferred term is one the catalogs actually use', (locale) => {
    const text = Object.values(catalogs[locale]).join('\n');
    for (const term of terms(locale)) expect(text, term.concept).toMatch(new RegExp(escape(term.preferred), 'iu'));
  });

  it.each([
    ['nb', 'passordfrase'],
    ['da', 'adgangssætning'],
    ['en', 'passphrase'],
  ] as const)('the error after a wrong passphrase in %s says "%s"', (locale, word) => {
    expect(catalogs[locale]['error.wrong_passphrase']?.toLowerCase()).toContain(word);
    expect(catalogs[locale]['error.wrong_current_passphrase']?.toLowerCase()).toContain(word);
  });
});
