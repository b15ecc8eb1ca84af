import { describe, expect, it } from 'vitest';
import { concernFollowUpDueItems, type ConcernFollowUpFacts } from './no-concern-follow-up';

const concern: ConcernFollowUpFacts = { finalisedOn: '2026-03-10', startupMeetingDates: [], infoflytRequested: false };
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

  it('is cleared by a concern report sent to all four on or after the day of the concern, not by an older one', () => {
    expect(brief({ ...concern, reportSentOn: '2026-03-10' }, '2026-03-11')).toEqual([
      ['no_startup_meeting', '2026-03-10', 'overdue', 'NO pkt 12'],
    ]);
    expect(brief({ ...concern, reportSentOn: '2026-03-09' }, '2026-03-11')[0]?.[0]).toBe('no_concern_report');
  });

  it('is cleared by a start-up meeting dated on or after the day of the concern, not one before it', () => {
    const reported = { ...concern, reportSentOn: '2026-03-11' };
    expect(brief({ ...reported, startupMeetingDates: ['2026-03-10'] }, '2026-03-12')).toEqual([]);
    expect(brief({ ...reported, startupMeetingDates: ['2026-03-09'] }, '2026-03-12')).toEqual([
      ['no_startup_meeting', '2026-03-10', 'overdue', 'NO pkt 12'],
    ]);
  });

  it('counts from the day the concern arose, so a prompt report and meeting answer it before the finalisation', () => {
    // The concern arose on 1 March, the report went out on the 2nd and the start-up meeting was held on
    // the 3rd; the investigation (the concern document) was finalised on the 10th. Before, both items
    // were counted from the 10th and stayed overdue for good.
    const prompt = {
      ...concern,
      raisedOn: '2026-03-01',
      reportSentOn: '2026-03-02',
      startupMeetingDates: ['2026-03-03'],
    };
    expect(brief(prompt, '2026-06-01')).toEqual([]);
    expect(brief({ ...concern, raisedOn: '2026-03-01' }, '2026-03-05')).toEqual([
      ['no_concern_report', '2026-03-01', 'overdue', 'NO pkt 6'],
      ['no_startup_meeting', '2026-03-01', 'overdue', 'NO pkt 12'],
    ]);
  });

  it('does not take a recorded day after the finalisation as the day of the concern', () => {
    expect(brief({ ...concern, raisedOn: '2026-04-01' }, '2026-03-12').map((i) => i[1])).toEqual([
      '2026-03-10',
      '2026-03-10',
    ]);
  });
});

describe('after a concern that found Infoflyt registration needed (NO pkt 7)', () => {
  const done = { ...concern, reportSentOn: '2026-03-10', startupMeetingDates: ['2026-03-10'] };

  it('asks for the request to KDI from the day the position was taken', () => {
    expect(brief({ ...done, infoflytNeededOn: '2026-03-12' }, '2026-03-11')).toEqual([
      ['no_infoflyt_request', '2026-03-12', 'upcoming', 'NO pkt 7'],
    ]);
    expect(brief({ ...done, infoflytNeededOn: '2026-03-12' }, '2026-03-12')[0]?.[2]).toBe('due');
    expect(brief({ ...done, infoflytNeededOn: '2026-03-12' }, '2026-03-13')[0]?.[2]).toBe('overdue');
  });

  it('is answered by a request or registration the case records, and not asked without the position', () => {
    expect(brief({ ...done, infoflytNeededOn: '2026-03-12', infoflytRequested: true }, '2026-03-13')).toEqual([]);
    expect(brief(done, '2026-03-13')).toEqual([]);
  });
});
