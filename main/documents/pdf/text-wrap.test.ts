import { describe, expect, it } from 'vitest';
import { truncateText, wrapText } from './text-wrap';

// One point per character keeps the expectations readable.
const measure = (text: string) => [...text].length;

describe('wrapText', () => {
  it('breaks between words so that no line is wider than the limit', () => {
    const lines = wrapText('mentor besøker den domfelte hver fjortende dag', 16, measure);
    expect(lines).toEqual(['mentor besøker', 'den domfelte', 'hver fjortende', 'dag']);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(16);
  });

  it('keeps explicit newlines and empty lines', () => {
    expect(wrapText('én\n\nto\n', 10, measure)).toEqual(['én', '', 'to', '']);
  });

  it('keeps the indentation that starts a line', () => {
    expect(wrapText('  a b\n  c', 10, measure)).toEqual(['  a b', '  c']);
  });

  it('splits a word longer than a line, after a hyphen when it can', () => {
    expect(wrapText('radikaliserings-koordinator', 18, measure)).toEqual(['radikaliserings-', 'koordinator']);
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('truncateText', () => {
  it('shortens with an ellipsis only when the text does not fit', () => {
    expect(truncateText('Oppfølgingsplan', 20, measure)).toBe('Oppfølgingsplan');
    expect(truncateText('Oppfølgingsplan for Ola', 10, measure)).toBe('Oppfølgin…');
  });
});
