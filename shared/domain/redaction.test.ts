import { describe, expect, it } from 'vitest';
import { applyRedactions, findTerm, REDACTION_BASES, redactionMarker, type LocatedText } from './redaction';

const DOC = '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21';
const text = (path: string, value: string): LocatedText => ({ documentId: DOC, path, label: path, text: value });
const citation = (id: string) => REDACTION_BASES.NO.find((b) => b.id === id)?.citation ?? '?';
const marker = (id: string) => redactionMarker([citation(id)]);

describe('redaction of texts', () => {
  it('finds a name only as a whole word, in any case, wherever it occurs', () => {
    expect(findTerm('Ali kom. Alibiet holdt; Natalie og ALI gikk.', 'Ali')).toEqual([
      { start: 0, end: 3 },
      { start: 35, end: 38 },
    ]);
    expect(findTerm('Kari Fiktivsen og Kari Fiktiv.', 'Kari Fiktiv')).toEqual([{ start: 18, end: 29 }]);
    expect(findTerm('Åse og Åsen', 'Åse')).toEqual([{ start: 0, end: 3 }]);
  });

  it('cuts a passage out of the middle of a sentence and puts the basis there', () => {
    const { texts } = applyRedactions(
      [text('a', 'Han møtte onkelen i Fiktivby i går.')],
      [{ type: 'passage', documentId: DOC, path: 'a', start: 10, end: 28, basis: 'no-fvl-19' }],
      citation,
    );
    expect(texts[0]?.text).toBe(`Han møtte ${marker('no-fvl-19')} i går.`);
  });

  it('replaces a whole field and leaves other fields alone', () => {
    const { texts, hits } = applyRedactions(
      [text('a', 'Hemmelig tiltak.'), text('b', 'Åpent.')],
      [{ type: 'field', documentId: DOC, path: 'a', basis: 'no-offl-24' }],
      citation,
    );
    expect(texts.map((t) => t.text)).toEqual([marker('no-offl-24'), 'Åpent.']);
    expect(hits[0]?.occurrences).toBe(1);
  });

  it('joins overlapping removals into one marker naming both bases', () => {
    const { texts } = applyRedactions(
      [text('a', 'Ola Fiktiv sa det.')],
      [
        { type: 'term', term: 'Ola Fiktiv', source: 'participant', basis: 'no-offl-13' },
        { type: 'passage', documentId: DOC, path: 'a', start: 4, end: 13, basis: 'no-fvl-19' },
      ],
      citation,
    );
    expect(texts[0]?.text).toBe(`${redactionMarker(['offl. § 13', 'fvl. § 19'])} det.`);
    expect(texts[0]?.removals).toBe(1);
  });

  it('keeps a marker on one line: its spaces do not break', () => {
    expect(marker('no-offl-13-fvl-13')).not.toContain(' ');
    expect(marker('no-offl-13-fvl-13').replace(/\u00A0/g, ' ')).toBe('[offl. § 13, jf. fvl. § 13]');
  });

  it('keeps the bases of each profile apart', () => {
    expect(REDACTION_BASES.NO.every((b) => b.id.startsWith('no-'))).toBe(true);
    expect(REDACTION_BASES.DK.every((b) => b.id.startsWith('dk-'))).toBe(true);
  });
});
