import { describe, expect, it } from 'vitest';
import { parseWorkloadHours } from './workload-limit-section';

describe('the DK § 15 limit as typed', () => {
  it('reads a comma or a point as the decimal sign', () => {
    expect(parseWorkloadHours('18,5')).toBe(18.5);
    expect(parseWorkloadHours(' 20.25 ')).toBe(20.25);
    expect(parseWorkloadHours('1')).toBe(1);
    expect(parseWorkloadHours('37')).toBe(37);
  });

  it('refuses what is not 1 to 37 hours with at most two decimals', () => {
    for (const text of ['', '0,5', '37,01', '18,555', 'atten', '-5', '1e1'])
      expect(parseWorkloadHours(text), text).toBeNull();
  });
});
