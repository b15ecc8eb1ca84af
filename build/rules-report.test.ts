import { describe, expect, it } from 'vitest';
import { hasMessage } from '../shared/i18n/translate';
import { CITATIONS, CitationSchema } from '../shared/rules';
import { RULE_QUOTES } from '../shared/rules/rule-quotes';
import { reportMarkdown, reportRows } from './rules-report';
import { normalise, provisionsOf, provisionText, readSeed, type Country } from './seed-sections';

const seeds: Record<Country, string> = { NO: readSeed('NO'), DK: readSeed('DK') };
const rows = reportRows();

describe('rules report against the source texts', () => {
  it('has a row for every rule of both profiles and every due item', () => {
    expect(rows.length).toBeGreaterThan(90);
    expect(rows.find((r) => r.id === 'grading.exportTooLow')?.profiles).toEqual(['NO', 'DK']);
    expect(rows.find((r) => r.id === 'dk.workload.halfTime')?.profiles).toEqual(['DK']);
  });

  it("gives every rule either a provision or Bro's practice with a reason in every language", () => {
    for (const row of rows) {
      expect(CitationSchema.safeParse(row.citation).success, row.id).toBe(true);
      if (row.citation.source === 'local') {
        for (const locale of ['nb', 'da', 'en'] as const)
          expect(hasMessage(locale, row.citation.localPractice.reasonKey), `${row.id} ${locale}`).toBe(true);
      }
    }
  });

  it('finds every cited paragraph (and stk., nr.) in the seed it cites', () => {
    const missing = rows.flatMap((row) =>
      provisionsOf(row.citation)
        .filter((p) => provisionText(p, seeds) === undefined)
        .map(() => `${row.id}: ${row.citation.text}`),
    );
    expect(missing).toEqual([]);
    for (const citation of Object.values(CITATIONS))
      for (const p of provisionsOf(citation)) expect(provisionText(p, seeds), citation.text).toBeDefined();
  });

  it('quotes, for every rule resting on a provision, a sentence found verbatim within that provision', () => {
    const problems = rows.flatMap((row) => {
      const provisions = provisionsOf(row.citation);
      if (provisions.length === 0) return row.quote ? [`${row.id}: a quote without a provision`] : [];
      if (!row.quote) return [`${row.id}: no quote`];
      const quote = normalise(row.quote);
      const within = provisions.some((p) => normalise(provisionText(p, seeds) ?? '').includes(quote));
      return within ? [] : [`${row.id}: «${row.quote}» not in ${row.citation.text}`];
    });
    expect(problems).toEqual([]);
    const known = new Set(rows.map((r) => r.id));
    expect(Object.keys(RULE_QUOTES).filter((id) => !known.has(id))).toEqual([]);
  });

  it('fails on a paragraph the text does not have and on a misplaced quote', () => {
    expect(provisionText({ country: 'DK', paragraph: 21 }, seeds)).toBeUndefined();
    expect(provisionText({ country: 'DK', paragraph: 5, stk: 4 }, seeds)).toBeUndefined();
    expect(provisionText({ country: 'DK', paragraph: 5, stk: 1, nr: 5 }, seeds)).toBeUndefined();
    expect(provisionText({ country: 'NO', point: '13.11' }, seeds)).toBeUndefined();
    // The age limit is § 5, stk. 1, nr. 1, not § 6.
    expect(normalise(provisionText({ country: 'DK', paragraph: 6 }, seeds) ?? '')).not.toContain('er fyldt 18 år');
    expect(normalise(provisionText({ country: 'NO', point: '11' }, seeds) ?? '')).not.toContain('Sikkerhetstiltak');
  });

  it('writes a markdown table with the citation or local practice, the quote and the tests', () => {
    const markdown = reportMarkdown(rows);
    expect(markdown).toContain('| `dk.suitability.age` | DK | blocking | DK § 5, stk. 1, nr. 1 | «er fyldt 18 år,» |');
    expect(markdown).toMatch(/\| `due\.no_release_meeting` \| NO \| due \| local practice \(reads NO pkt 12\): /);
    expect(rows.find((r) => r.id === 'dk.suitability.age')?.tests).toContain('shared/rules/dk-suitability.test.ts');
  });
});
