import { describe, expect, it } from 'vitest';
import { workloadBar } from './workload';

describe('the workload bar against the half-time limit (DK § 15)', () => {
  it('shows an empty week as an empty bar with the limit mark at four fifths', () => {
    expect(workloadBar(0, 18.5)).toEqual({
      hours: 0,
      limit: 18.5,
      percentOfLimit: 0,
      fillPercent: 0,
      limitPercent: 80,
      over: false,
    });
  });

  it('is not over the limit at exactly 18.5 hours, and is at 18.51', () => {
    expect(workloadBar(18.5, 18.5)).toMatchObject({ percentOfLimit: 100, fillPercent: 80, over: false });
    expect(workloadBar(18.51, 18.5).over).toBe(true);
  });

  it('widens the scale for a heavy load instead of running off the bar', () => {
    const bar = workloadBar(37, 18.5);
    expect(bar).toMatchObject({ percentOfLimit: 200, fillPercent: 100, limitPercent: 50, over: true });
  });

  it('follows a configured limit', () => {
    expect(workloadBar(10, 20)).toMatchObject({ percentOfLimit: 50, fillPercent: 40, limitPercent: 80, over: false });
  });
});
