import { describe, expect, it } from 'vitest';
import { checkNoCase, noCaseDueItems, type NoCaseDueFacts } from './no-case';

const none: NoCaseDueFacts = {
  startupMeetingDates: [],
  mentorCourseStarts: [],
  hasVisitRoutine: false,
  hasFuturePlan: false,
  unreportedAgencyProblems: [],
};

const kinds = (facts: Partial<NoCaseDueFacts>, today: string) =>
  noCaseDueItems({ ...none, ...facts }, today).map((i) => [i.kind, i.dueDate, i.status]);

describe('NO pkt 1 and 7 on the case record', () => {
  it('warns until the reason the person is in the target group is recorded (pkt 1)', () => {
    expect(checkNoCase({}).map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['no.case.targetGroup', 'warning', 'NO pkt 1'],
    ]);
    expect(checkNoCase({ targetGroup: { reason: 'vulnerable', grounds: '' } })).toEqual([]);
  });

  it('asks a requested Infoflyt registration for the date and reason of the request to KDI (pkt 7)', () => {
    const targetGroup = { reason: 'terror_related' as const, grounds: '' };
    const requested = { status: 'requested' as const, requestReason: '' };
    expect(checkNoCase({ targetGroup, infoflyt: requested }).map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['no.case.infoflytRequest', 'NO pkt 7'],
    ]);
    const sent = { ...requested, requestSentOn: '2025-03-01', requestReason: 'Behov for informasjonsdeling.' };
    expect(checkNoCase({ targetGroup, infoflyt: sent })).toEqual([]);
    expect(checkNoCase({ targetGroup, infoflyt: { status: 'registered', requestReason: '' } })).toEqual([]);
  });
});

describe('NO case due items', () => {
  it('makes the start-up meeting due on the arrival day until one is dated on or after it (pkt 12)', () => {
    expect(kinds({ arrivalDate: '2025-03-10' }, '2025-03-09')).toEqual([
      ['no_arrival_meeting', '2025-03-10', 'upcoming'],
    ]);
    expect(kinds({ arrivalDate: '2025-03-10' }, '2025-03-10')).toEqual([['no_arrival_meeting', '2025-03-10', 'due']]);
    expect(kinds({ arrivalDate: '2025-03-10' }, '2025-03-11')).toEqual([
      ['no_arrival_meeting', '2025-03-10', 'overdue'],
    ]);
    expect(kinds({ arrivalDate: '2025-03-10', startupMeetingDates: ['2025-03-09'] }, '2025-03-11')).toHaveLength(1);
    expect(kinds({ arrivalDate: '2025-03-10', startupMeetingDates: ['2025-03-10'] }, '2025-03-11')).toEqual([]);
  });

  it('asks for a visit routine from the start of the first running mentor course (pkt 9)', () => {
    const starts = ['2025-05-01', '2025-04-01'];
    expect(kinds({ mentorCourseStarts: starts }, '2025-04-02')).toEqual([
      ['no_visit_routine', '2025-04-01', 'overdue'],
    ]);
    expect(kinds({ mentorCourseStarts: starts, hasVisitRoutine: true }, '2025-04-02')).toEqual([]);
  });

  it('asks for a future plan for a person in the target group (pkt 10)', () => {
    expect(kinds({ targetGroupSince: '2025-02-01' }, '2025-01-31')).toEqual([
      ['no_future_plan', '2025-02-01', 'upcoming'],
    ]);
    expect(kinds({ targetGroupSince: '2025-02-01', hasFuturePlan: true }, '2025-03-01')).toEqual([]);
    expect(kinds({ hasFuturePlan: false }, '2025-03-01')).toEqual([]);
  });

  it('makes each unreported problem with another agency due to KDI the day it was noted (pkt 11)', () => {
    const items = noCaseDueItems(
      { ...none, unreportedAgencyProblems: [{ notedOn: '2025-03-05' }, { notedOn: '2025-03-01' }] },
      '2025-03-03',
    );
    expect(items.map((i) => [i.kind, i.dueDate, i.status, i.citation.text])).toEqual([
      ['no_agency_problem_report', '2025-03-01', 'overdue', 'NO pkt 11'],
      ['no_agency_problem_report', '2025-03-05', 'upcoming', 'NO pkt 11'],
    ]);
  });
});
