import { describe, expect, it } from 'vitest';
import { ftsQuery, searchableText } from './search-text';

describe('searchableText', () => {
  it("is every string of a document's content in stored order, one per line, blank ones and other values left out", () => {
    const content = {
      name: 'Ola',
      places: ['Nordby', { note: 'mannskap' }],
      visits: 3,
      closed: null,
      empty: '  ',
      ok: true,
    };
    // One per line: strings of two fields never run together into one word.
    expect(searchableText(content)).toBe('Ola\nNordby\nmannskap');
    expect(searchableText('  ')).toBe('');
    expect(searchableText({ left: undefined, kept: 'x' })).toBe('x');
  });
});

describe('ftsQuery', () => {
  it('takes at most twelve words, each quoted and prefix-matched', () => {
    const typed = 'en to tre fire fem seks sju åtte ni ti elleve tolv tretten';
    const terms = ftsQuery(typed)?.split(' AND ') ?? [];
    expect(terms).toHaveLength(12);
    expect(terms[11]).toBe('"tolv"*');
  });

  it('gives FTS5 each typed word quoted whole, its last token a prefix, quotes doubled', () => {
    expect(ftsQuery('KOMPIS-200001')).toBe('"KOMPIS-200001"*');
    expect(ftsQuery(' e-post  til 15.03.2026 -- ')).toBe('"e-post"* AND "til"* AND "15.03.2026"*');
    expect(ftsQuery('"sitat" OR NEAR(x) a"*b')).toBe('"""sitat"""* AND "OR"* AND "NEAR(x)"* AND "a""*b"*');
    // A control character separates words; none reaches FTS5.
    expect(ftsQuery('Kari\u0000Fiktiv\u0007')).toBe('"Kari"* AND "Fiktiv"*');
    // A decomposed form of the word matches too (see termOf).
    expect(ftsQuery('Ås-1')).toBe(`("Ås-1"* OR "${'Ås-1'.normalize('NFD')}"*)`);
  });

  it('is no query for input without a letter or digit', () => {
    expect(ftsQuery(' ;; -- ')).toBeNull();
    expect(ftsQuery('')).toBeNull();
  });
});
