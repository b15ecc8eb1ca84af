import type { MeetingContent, Participant } from '../domain';
import { EXPECTED_AGENCIES, expectsProbationOffice, isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 12: the coordination meetings and who takes part in them. */
export const NO_MEETING_RULES = {
  date: defineRule('no.meeting.date', 'rules.no.meeting.date', CITATIONS.no12, 'blocking'),
  participant: defineRule('no.meeting.participant', 'rules.no.meeting.participant', CITATIONS.no12, 'warning'),
  probationOffice: defineRule(
    'no.meeting.probationOffice',
    'rules.no.meeting.probationOffice',
    CITATIONS.no12,
    'warning',
  ),
} as const;

const R = NO_MEETING_RULES;

/** A row only counts once someone is named in it (a template's empty rows do not). */
function present(participants: readonly Participant[], match: (p: Participant) => boolean): boolean {
  return participants.some((p) => isFilled(p.name) && match(p));
}

export function checkMeeting(content: MeetingContent): Finding[] {
  const findings: Finding[] = [];
  if (!content.date) findings.push(emit(R.date, { field: 'date' }));
  for (const agency of EXPECTED_AGENCIES[content.meetingType]) {
    if (!present(content.participants, (p) => p.agency === agency)) {
      findings.push(
        emit(R.participant, { field: 'participants', params: { agency, meetingType: content.meetingType } }),
      );
    }
  }
  const probation = (p: Participant) => p.agency === 'kriminalomsorgen' && p.unitKind === 'probation_office';
  if (expectsProbationOffice(content.meetingType) && !present(content.participants, probation)) {
    findings.push(emit(R.probationOffice, { field: 'participants' }));
  }
  return findings;
}
