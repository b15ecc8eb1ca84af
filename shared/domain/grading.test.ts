import { describe, expect, it } from 'vitest';
import { highestGrading, gradingRank, lowestGrading } from './grading';

describe('grading scales', () => {
  it('ranks a security grading above every NO protective marking', () => {
    expect(gradingRank('NO', 'BEGRENSET')).toBeGreaterThan(gradingRank('NO', 'STRENGT FORTROLIG'));
  });
  it('takes the highest grading of the contents, and the lowest level when there is nothing', () => {
    expect(highestGrading('DK', ['TIL TJENESTEBRUG', 'FORTROLIGT', 'IKKE KLASSIFICERET'])).toBe('FORTROLIGT');
    expect(highestGrading('NO', [])).toBe(lowestGrading('NO'));
  });
  it('refuses a grading from the other profile', () => {
    expect(() => gradingRank('NO', 'HEMMELIGT')).toThrow(RangeError);
  });
});
