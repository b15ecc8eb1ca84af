// NO pkt 12: a meeting's findings are shown at its date or at its list of participants.
import { describe, expect, it } from 'vitest';
import type { MeetingContent, Participant } from '../domain';
import { newMeetingDraft } from '../templates/drafts';
import { checkMeeting } from './no-meeting';
import { NO_GRADING } from './test-fixtures';

const NO12 = { source: 'NO', point: '12', text: 'NO pkt 12' };
const staff: Participant = { name: 'Kari Fiktiv', agency: 'kriminalomsorgen', unitKind: 'prison', role: '' };
const police: Participant = { name: 'Ola Testmann', agency: 'politi', role: '' };
const pst: Participant = { name: 'Per Påfunn', agency: 'pst', role: '' };

function releaseMeeting(participants: Participant[]): MeetingContent {
  return { ...newMeetingDraft('release', NO_GRADING), date: '2025-03-01', participants };
}

describe('NO meeting findings name the field to fill in', () => {
  it('points minutes without a date at the date', () => {
    const findings = checkMeeting({ ...releaseMeeting([staff, police, pst]), date: undefined });
    expect(findings.map((f) => [f.ruleId, f.field])).toEqual([
      ['no.meeting.date', 'date'],
      ['no.meeting.probationOffice', 'participants'],
    ]);
  });

  it('points a missing agency at the participants, naming the agency and meeting type', () => {
    expect(checkMeeting(releaseMeeting([staff, pst]))[0]).toStrictEqual({
      ruleId: 'no.meeting.participant',
      severity: 'warning',
      messageKey: 'rules.no.meeting.participant',
      params: { agency: 'politi', meetingType: 'release' },
      citation: NO12,
      field: 'participants',
    });
  });

  it('points a release meeting without the probation office at the participants', () => {
    expect(checkMeeting(releaseMeeting([staff, police, pst]))).toStrictEqual([
      {
        ruleId: 'no.meeting.probationOffice',
        severity: 'warning',
        messageKey: 'rules.no.meeting.probationOffice',
        params: {},
        citation: NO12,
        field: 'participants',
      },
    ]);
  });

  it('does not take another agency marked as a probation office for the probation office', () => {
    const notProbation: Participant = { ...police, name: 'Lise Lånt', unitKind: 'probation_office' };
    expect(checkMeeting(releaseMeeting([staff, police, pst, notProbation])).map((f) => f.ruleId)).toEqual([
      'no.meeting.probationOffice',
    ]);
  });
});
