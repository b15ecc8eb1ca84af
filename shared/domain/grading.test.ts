import { describe, expect, it } from 'vitest';
import { highestGrading, highestStoredGrading, gradingRank, lowestGrading } from './grading';

describe('grading scales', () => {
  it('ranks a security grading above every NO protective marking', () => {
    expect(gradingRank('NO', 'BEGRENSET')).toBeGreaterThan(gradingRank('NO', 'STRENGT FORTROLIG'));
  });
  it('takes the highest grading of the contents, and the lowest level when there is nothing', () => {
    expect(highestGrading('DK', ['TIL TJENESTEBRUG', 'FORTROLIGT', 'IKKE KLASSIFICERET'])).toBe('FORTROLIGT');
    expect(highestGrading('NO', [])).toBe(lowestGrading('NO'));
  });
  it("takes the highest stored level of the profile, leaving out the other scale's and text that is no level", () => {
    expect(highestStoredGrading('NO', ['BEGRENSET', 'YDERST HEMMELIGT', 'TOPP', null, 7])).toBe('BEGRENSET');
    expect(highestStoredGrading('DK', ['HEMMELIG'])).toBe(lowestGrading('DK'));
  });
  it('refuses a grading from the other profile', () => {
    expect(() => gradingRank('NO', 'HEMMELIGT')).toThrow(RangeError);
  });
});
