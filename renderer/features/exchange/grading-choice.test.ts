import { describe, expect, it } from 'vitest';
import { exportLevels, gradingToSend } from './grading-choice';

describe('the grading an export may carry', () => {
  it('offers the version’s own grading and every higher one', () => {
    expect(exportLevels('BEGRENSET', 'UGRADERT')).toEqual([
      'BEGRENSET',
      'KONFIDENSIELT',
      'HEMMELIG',
      'STRENGT HEMMELIG',
    ]);
  });

  it('never offers a level below the highest grading of the contents', () => {
    expect(exportLevels('TIL TJENESTEBRUG', 'FORTROLIGT')).toEqual(['FORTROLIGT', 'HEMMELIGT', 'YDERST HEMMELIGT']);
  });

  it('sends no grading when the user keeps the version’s own, and keeps the exemption when raising', () => {
    expect(gradingToSend({ level: 'FORTROLIG' }, 'FORTROLIG')).toBeUndefined();
    expect(gradingToSend({ level: 'FORTROLIG', exemptionBasis: 'offl. § 13' }, 'BEGRENSET')).toEqual({
      level: 'BEGRENSET',
      exemptionBasis: 'offl. § 13',
    });
  });
});
