import { describe, expect, it } from 'vitest';
import { isLowering } from './grading-change';

describe('grading change', () => {
  it('asks for a reason when a Norwegian document goes from KONFIDENSIELT to BEGRENSET', () => {
    expect(isLowering('NO', 'KONFIDENSIELT', 'BEGRENSET')).toBe(true);
  });

  it('treats a protective marking as lower than any security grading', () => {
    expect(isLowering('NO', 'BEGRENSET', 'STRENGT FORTROLIG')).toBe(true);
  });

  it('lets a grading be raised or kept without a reason', () => {
    expect(isLowering('DK', 'TIL TJENESTEBRUG', 'FORTROLIGT')).toBe(false);
    expect(isLowering('DK', 'FORTROLIGT', 'FORTROLIGT')).toBe(false);
  });
});
