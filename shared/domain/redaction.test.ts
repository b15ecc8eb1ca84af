import { describe, expect, it } from 'vitest';
import { applyRedactions, findTerm, REDACTION_BASES, redactionMarker, termKey, type LocatedText } from './redaction';

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

  describe('finds a name however the text spaces, hyphenates or composes it', () => {
    const NAME = 'Sindre Opdiktsen';
    const found = (text: string, term = NAME) => findTerm(text, term).map((s) => text.slice(s.start, s.end));
    it.each([
      ['a line break', 'Sindre\nOpdiktsen'],
      ['CR LF', 'Sindre\r\nOpdiktsen'],
      ['two spaces', 'Sindre  Opdiktsen'],
      ['a tab', 'Sindre\tOpdiktsen'],
      ['a no-break space', 'Sindre\u00A0Opdiktsen'],
      ['a narrow no-break space', 'Sindre\u202FOpdiktsen'],
      ['an ideographic space', 'Sindre\u3000Opdiktsen'],
      ['spaces, a line break and a zero-width space', 'Sindre \n\u200B Opdiktsen'],
      ['a soft hyphen inside a word', 'Sindre Opdik\u00ADtsen'],
      ['a zero-width space inside a word', 'Sin\u200Bdre Opdiktsen'],
      ['a zero-width joiner, a word joiner and a BOM inside words', 'Si\u200Dndre Op\u2060dikt\uFEFFsen'],
      ['upper case', 'SINDRE OPDIKTSEN'],
    ])('with %s', (_, written) => {
      expect(found(`Møtet: ${written} sa nei.`)).toEqual([written]);
    });

    it('with a name in the register written with odd spacing or a soft hyphen', () => {
      expect(found('Sindre Opdiktsen sa nei.', 'Sindre  Opdik\u00ADtsen')).toEqual(['Sindre Opdiktsen']);
      expect(found('Sindre Opdiktsen sa nei.', ' Sindre\u00A0Opdiktsen\n')).toEqual(['Sindre Opdiktsen']);
    });

    it('with "Å" decomposed in the text and precomposed in the name, and the other way round', () => {
      const nfc = 'Åse Fiktivdal';
      const nfd = nfc.normalize('NFD');
      expect(nfd).not.toBe(nfc);
      expect(found(`Før ${nfd} kom.`, nfc)).toEqual([nfd]);
      expect(found(`Før ${nfc} kom.`, nfd)).toEqual([nfc]);
      expect(found(`Før ${nfd.toLocaleLowerCase()} kom.`, nfc)).toEqual([nfd.toLocaleLowerCase()]);
    });

    it('still only as whole words, a combining mark or an invisible character joining a word', () => {
      expect(found('Åsefjell og Åse', 'Åse')).toEqual(['Åse']);
      expect(found('Åsefjell'.normalize('NFD'), 'Åse')).toEqual([]);
      expect(found('Alí og Ali'.normalize('NFD'), 'Ali')).toEqual(['Ali']);
      expect(found('Ali\u00ADbi og Ali\u200Bbi', 'Ali')).toEqual([]);
      expect(found('Na\u00ADtalie og xAli', 'Ali')).toEqual([]);
      expect(found('Sindre Opdiktsenvik og SindreOpdiktsen', NAME)).toEqual([]);
      // A zero-width space alone does not part two words on the page.
      expect(found('Sindre\u200BOpdiktsen', NAME)).toEqual([]);
      // A variation selector is a mark, but an invisible one: the word still ends there.
      expect(found('Ali\uFE0F kom', 'Ali')).toEqual(['Ali']);
    });

    it('with an apostrophe or a hyphen in another form than in the name', () => {
      expect(found('Siobhan O\u2019Neill og Siobhan O\u02BCNeill kom.', "Siobhan O'Neill")).toEqual([
        'Siobhan O\u2019Neill',
        'Siobhan O\u02BCNeill',
      ]);
      expect(found("Siobhan O'Neill kom.", 'Siobhan O\u2019Neill')).toEqual(["Siobhan O'Neill"]);
      for (const hyphen of ['-', '\u2010', '\u2011', '\u2013', '\u2212'])
        expect(found(`Anne${hyphen}Lise Opdiktsen kom.`, 'Anne-Lise Opdiktsen')).toEqual([
          `Anne${hyphen}Lise Opdiktsen`,
        ]);
      // Still one word: a hyphen does not stand for a space, nor an apostrophe for a letter.
      expect(found('Anne Lise Opdiktsen og AnneXLise Opdiktsen', 'Anne-Lise Opdiktsen')).toEqual([]);
      expect(termKey('Siobhan O\u2019Neill')).toBe(termKey("siobhan o'neill"));
      expect(termKey('Anne\u2011Lise')).toBe(termKey('anne-lise'));
    });

    it('finds nothing for a name of only invisible characters', () => {
      expect(findTerm('a\u200Bb \u200B\u200B', '\u200B\u200B')).toEqual([]);
    });

    it('keys names that read the same as one', () => {
      expect(termKey(' Åse\u00A0 FIKTIV\u00ADDAL'.normalize('NFD'))).toBe(termKey('åse fiktivdal'));
      expect(termKey('Åse Fiktivdal')).not.toBe(termKey('Åse Fiktivdalen'));
    });

    it('counts and removes every form when applied', () => {
      const forms = ['Sindre\nOpdiktsen', 'Sindre\u00A0Opdiktsen', 'Sindre Opdik\u00ADtsen'];
      const { texts, hits } = applyRedactions(
        [text('a', forms.join(', ') + '.')],
        [{ type: 'term', term: NAME, source: 'participant', basis: 'no-offl-13' }],
        citation,
      );
      expect(hits[0]?.occurrences).toBe(3);
      expect(texts[0]?.text).toBe(`${[1, 2, 3].map(() => marker('no-offl-13')).join(', ')}.`);
    });
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
