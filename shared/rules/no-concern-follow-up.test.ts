import { describe, expect, it } from 'vitest';
import { concernFollowUpDueItems, type ConcernFollowUpFacts } from './no-concern-follow-up';

const concern: ConcernFollowUpFacts = {
  finalisedAt: '2026-03-10T09:00:00.000Z',
  finalisedOn: '2026-03-10',
  startupMeetingDates: [],
};
const brief = (facts: ConcernFollowUpFacts, today: string) =>
  concernFollowUpDueItems(facts, today).map((i) => [i.kind, i.dueDate, i.status, i.citation.text]);

describe('after a finalised concern (NO pkt 6 and 12)', () => {
  it('asks for the concern report and a start-up meeting from the day of the concern', () => {
    expect(brief(concern, '2026-03-10')).toEqual([
      ['no_concern_report', '2026-03-10', 'due', 'NO pkt 6'],
      ['no_startup_meeting', '2026-03-10', 'due', 'NO pkt 12'],
    ]);
    expect(brief(concern, '2026-03-11').map((i) => i[2])).toEqual(['overdue', 'overdue']);
  });

  it('is cleared by a concern report finalised at or after the concern, not by an older one', () => {
    expect(brief({ ...concern, reportFinalisedAt: '2026-03-10T09:00:00.000Z' }, '2026-03-11')).toEqual([
      ['no_startup_meeting', '2026-03-10', 'overdue', 'NO pkt 12'],
    ]);
    expect(brief({ ...concern, reportFinalisedAt: '2026-03-10T08:59:59.000Z' }, '2026-03-11')[0]?.[0]).toBe(
      'no_concern_report',
    );
  });

  it('is cleared by a start-up meeting dated on or after the day of the concern, not one before it', () => {
    const reported = { ...concern, reportFinalisedAt: '2026-03-11T10:00:00.000Z' };
    expect(brief({ ...reported, startupMeetingDates: ['2026-03-10'] }, '2026-03-12')).toEqual([]);
    expect(brief({ ...reported, startupMeetingDates: ['2026-03-09'] }, '2026-03-12')).toEqual([
      ['no_startup_meeting', '2026-03-10', 'overdue', 'NO pkt 12'],
    ]);
  });
});
