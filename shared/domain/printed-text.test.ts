import { describe, expect, it } from 'vitest';
import { printedText } from './printed-text';

describe('printedText', () => {
  it('drops soft hyphens, composes decomposed letters and unifies line breaks', () => {
    expect(printedText('Opdik\u00ADtsen')).toBe('Opdiktsen');
    expect(printedText('A\u030Ase')).toBe('Åse');
    expect(printedText('a\r\nb\rc\u2028d\u2029e')).toBe('a\nb\nc\nd\ne');
  });

  it('composes across a soft hyphen, so a second pass changes nothing', () => {
    const once = printedText('a\u00AD\u030A\t\u00A0\u200B');
    expect(once).toBe('å\t\u00A0\u200B');
    expect(printedText(once)).toBe(once);
  });
});
