// The purge list's retention due day, and the dates it is computed from.
import { describe, expect, it } from 'vitest';
import { addYears, caseClosedOn, retentionDue } from './retention';

describe('retention: the due day', () => {
  it('cites Bro’s own retention period, with the closing day, the years and the day it runs out', () => {
    expect(retentionDue({ profile: 'DK', closedOn: '2020-06-15', courses: [], today: '2025-06-15' })).toStrictEqual({
      closedOn: '2020-06-15',
      dueOn: '2025-06-15',
      period: {
        years: 5,
        citation: {
          source: 'local',
          id: 'retentionPeriod',
          text: 'Bro',
          localPractice: { reasonKey: 'purge.local.retentionPeriod' },
        },
      },
    });
  });
});

describe('retention: dates', () => {
  it('keeps a four-digit year when adding years to an early date', () => {
    expect(addYears('0990-03-01', 5)).toBe('0995-03-01');
  });

  it('starts retention on the release date when the case is released that very day', () => {
    const today = '2026-03-01';
    expect(caseClosedOn({ status: 'loslatt', expectedRelease: today, updatedOn: '2026-02-01', today })).toBe(today);
  });
});
