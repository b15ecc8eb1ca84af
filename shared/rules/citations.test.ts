import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations';
import { CitationSchema } from './finding';

describe('citations', () => {
  it('display as in the source texts', () => {
    expect(CITATIONS.no6.text).toBe('NO pkt 6');
    expect(CITATIONS.no13_5.text).toBe('NO pkt 13.5');
    expect(CITATIONS.dk15.text).toBe('DK § 15');
    expect(CITATIONS.dk2_2.text).toBe('DK § 2, stk. 2');
    expect(CITATIONS.dk5_1_1).toEqual({ source: 'DK', paragraph: 5, stk: 1, nr: 1, text: 'DK § 5, stk. 1, nr. 1' });
  });

  it('are all valid citation records', () => {
    for (const citation of Object.values(CITATIONS)) expect(CitationSchema.parse(citation)).toEqual(citation);
  });

  it('only cite paragraphs the DK circular has (§§ 1-20)', () => {
    for (const citation of Object.values(CITATIONS)) {
      if (citation.source === 'DK') expect(citation.paragraph).toBeLessThanOrEqual(20);
    }
  });
});
