import { describe, expect, it } from 'vitest';
import { cleanText, PLACEHOLDER } from './fonts';

const latin = new Set([...'abcdefghijklmnopqrstuvwxyzæøåÆØÅé '].map((c) => c.codePointAt(0) ?? 0));

describe('cleanText', () => {
  it('marks control characters and missing glyphs with one placeholder each', () => {
    expect(cleanText('a\u0007b🦄c', latin)).toBe(`a${PLACEHOLDER}b${PLACEHOLDER}c`);
  });

  it('shows an emoji sequence joined by zero-width joiners as a single placeholder', () => {
    expect(cleanText('a 🧑‍💻 b', new Set([...latin, 0x200d]))).toBe(`a ${PLACEHOLDER} b`);
  });

  it('composes decomposed letters so "å" typed as a + ring uses the å glyph', () => {
    expect(cleanText('a\u030A', latin)).toBe('å');
  });

  it('prints the text in the form the innsyn copy redacts: a soft hyphen before a mark does not split the letter', () => {
    expect(cleanText('ta\u00AD\u030Arn', latin)).toBe('tårn');
  });

  it('turns tabs into spaces, unifies line breaks and drops soft hyphens', () => {
    expect(cleanText('a\tb\r\nc\rd\u2028e\u00ADf', latin)).toBe('a    b\nc\nd\nef');
  });
});
