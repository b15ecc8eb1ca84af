import { describe, expect, it } from 'vitest';
import type { MeetingContent, MeetingType, Participant } from '../domain';
import { newMeetingDraft } from '../templates/drafts';
import { checkMeeting } from './no-meeting';
import { NO_GRADING } from './test-fixtures';

const staff: Participant = {
  name: 'Kari Fiktiv',
  agency: 'kriminalomsorgen',
  unitKind: 'prison',
  role: 'radikaliseringskontakt',
};
const police: Participant = { name: 'Ola Testmann', agency: 'politi', role: '' };
const pst: Participant = { name: 'Per Påfunn', agency: 'pst', role: '' };
const probation: Participant = {
  name: 'Lise Lånt',
  agency: 'kriminalomsorgen',
  unitKind: 'probation_office',
  role: '',
};

function meeting(meetingType: MeetingType, participants: Participant[]): MeetingContent {
  return { ...newMeetingDraft(meetingType, NO_GRADING), date: '2025-03-01', participants };
}

describe('NO pkt 12: coordination meetings', () => {
  it.each(['startup', 'follow_up_prison', 'follow_up_probation'] as const)(
    '%s expects service staff, police and PST',
    (type) => {
      expect(checkMeeting(meeting(type, [staff, police, pst]))).toEqual([]);
      const findings = checkMeeting(meeting(type, [staff]));
      expect(findings.map((f) => [f.severity, f.params.agency, f.citation.text])).toEqual([
        ['warning', 'politi', 'NO pkt 12'],
        ['warning', 'pst', 'NO pkt 12'],
      ]);
    },
  );

  it('expects the probation office in the release meeting', () => {
    expect(checkMeeting(meeting('release', [staff, police, pst, probation]))).toEqual([]);
    const findings = checkMeeting(meeting('release', [staff, police, pst]));
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['no.meeting.probationOffice', 'warning', 'NO pkt 12'],
    ]);
  });

  it('does not count the empty participant rows a new draft starts with', () => {
    const draft = { ...newMeetingDraft('release', NO_GRADING), date: '2025-03-01' };
    expect(draft.participants).toHaveLength(4);
    expect(checkMeeting(draft).map((f) => f.ruleId)).toEqual([
      'no.meeting.participant',
      'no.meeting.participant',
      'no.meeting.participant',
      'no.meeting.probationOffice',
    ]);
  });

  it('blocks minutes without a date', () => {
    const findings = checkMeeting({ ...meeting('startup', [staff, police, pst]), date: undefined });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['no.meeting.date', 'blocking']]);
  });
});
