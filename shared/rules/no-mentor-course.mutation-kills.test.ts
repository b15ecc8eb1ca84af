// NO pkt 13: which course is running (offered and started), when its next cooperation meeting is due,
// and which mentor record an assignment is checked against.
import { describe, expect, it } from 'vitest';
import { checkNoMentorCourse } from './no-mentor-course';
import { offeredNoCourse, OTHER_MENTOR_ID, suitableMentor } from './test-fixtures';

const mentors = [suitableMentor()];
const notOffered = { outcome: 'pending' as const, basis: 'concern_report' as const, basisDetail: '' };

describe('NO mentor course: the cooperation meeting', () => {
  const meetings = [
    { date: '2025-06-01', notes: '' },
    { date: '2025-04-01', notes: '' },
  ];

  it('is due three months after the latest meeting, whatever order they were entered in', () => {
    const course = offeredNoCourse({ cooperationMeetings: meetings });
    expect(checkNoMentorCourse(course, mentors, '2025-08-15')).toEqual([]);
  });

  it('is pointed at the cooperation meetings with its due date once overdue', () => {
    const course = offeredNoCourse({ cooperationMeetings: meetings });
    expect(checkNoMentorCourse(course, mentors, '2025-09-02')).toStrictEqual([
      {
        ruleId: 'no.course.cooperationMeeting',
        severity: 'warning',
        messageKey: 'rules.no.course.cooperationMeeting',
        params: { dueDate: '2025-09-01' },
        citation: {
          source: 'local',
          id: 'cooperationMeetingInterval',
          text: 'Bro (NO pkt 13.4)',
          localPractice: { reasonKey: 'rules.local.cooperationMeetingInterval', reading: 'NO pkt 13.4' },
        },
        field: 'cooperationMeetings',
      },
    ]);
  });

  it('is not asked of a course KDI has not offered, nor of one not yet started', () => {
    const pending = offeredNoCourse({ kdiDecision: notOffered, personConsents: undefined });
    expect(checkNoMentorCourse(pending, mentors, '2026-01-01', '2026-06-01')).toEqual([]);
    const notStarted = offeredNoCourse({ startDate: undefined });
    expect(checkNoMentorCourse(notStarted, mentors, '2026-01-01', '2026-06-01')).toEqual([]);
  });
});

describe('NO mentor course: the plan and the consent', () => {
  it('asks neither for a plan nor for consent before KDI has offered the course', () => {
    const empty = { meetingPlace: '', frequency: '', focusAreas: '' };
    expect(checkNoMentorCourse(offeredNoCourse({ kdiDecision: notOffered, plan: empty }), mentors)).toEqual([]);
    const unanswered = offeredNoCourse({ kdiDecision: notOffered, personConsents: undefined });
    expect(checkNoMentorCourse(unanswered, mentors)).toEqual([]);
  });

  it('points an offered course without the person’s answer at the consent', () => {
    expect(checkNoMentorCourse(offeredNoCourse({ personConsents: undefined }), mentors)).toStrictEqual([
      {
        ruleId: 'no.course.consent',
        severity: 'warning',
        messageKey: 'rules.no.course.consent',
        params: {},
        citation: { source: 'NO', point: '13.4', text: 'NO pkt 13.4' },
        field: 'personConsents',
      },
    ]);
  });
});

describe('NO mentor course: the mentor’s own record', () => {
  it('checks the assigned mentor, not another mentor listed before them', () => {
    const other = suitableMentor({
      id: OTHER_MENTOR_ID,
      policeCertificate: { presentedOn: undefined, comprehensive: false },
      confidentialityDeclarationSignedOn: undefined,
      dutiesAcknowledged: undefined,
    });
    expect(checkNoMentorCourse(offeredNoCourse(), [other, suitableMentor()])).toEqual([]);
  });

  it('points a missing police certificate and confidentiality declaration at the mentor’s row', () => {
    const mentor = suitableMentor({
      policeCertificate: { presentedOn: '2025-01-12', comprehensive: false },
      confidentialityDeclarationSignedOn: undefined,
    });
    const findings = checkNoMentorCourse(offeredNoCourse(), [mentor]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.field, f.params, f.citation.text])).toEqual([
      ['no.course.policeCertificate', 'blocking', 'mentors.0', { mentorId: mentor.id }, 'NO pkt 13.2'],
      ['no.course.confidentiality', 'blocking', 'mentors.0', { mentorId: mentor.id }, 'NO pkt 13.5'],
    ]);
  });

  it('points a mentor who has not acknowledged the duty to notify at the mentor’s row', () => {
    const mentor = suitableMentor({ dutiesAcknowledged: { confidentialityDutyOn: '2025-01-13' } });
    const findings = checkNoMentorCourse(offeredNoCourse(), [mentor]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.field, f.params])).toEqual([
      ['no.course.notifyDuty', 'warning', 'mentors.0', { mentorId: mentor.id }],
    ]);
  });

  it('asks for the date the person was informed when an old course has no such record', () => {
    const findings = checkNoMentorCourse(offeredNoCourse({ personInformed: undefined }), mentors);
    expect(findings.map((f) => [f.ruleId, f.field])).toEqual([
      ['no.course.personInformed', 'personInformed.informedOn'],
    ]);
  });
});
