import { describe, expect, it } from 'vitest';
import type { NoMentorCourseContent, Profile } from '../domain';
import { canFinalise } from './finding';
import { findingsFor, RULE_SETS } from './index';
import { checkNoMentorCourse } from './no-mentor-course';
import { offeredNoCourse, suitableMentor } from './test-fixtures';

describe('NO pkt 13: mentor course', () => {
  it('accepts an offered course with a plan and a mentor with certificate and declaration', () => {
    expect(checkNoMentorCourse(offeredNoCourse(), [suitableMentor()])).toEqual([]);
  });

  it('needs meeting place, frequency and focus areas in the plan (13.4)', () => {
    const findings = checkNoMentorCourse(
      offeredNoCourse({ plan: { meetingPlace: '', frequency: 'Ukentlig', focusAreas: '' } }),
      [suitableMentor()],
    );
    expect(findings.map((f) => [f.params.planPart, f.severity, f.citation.text])).toEqual([
      ['meetingPlace', 'blocking', 'NO pkt 13.4'],
      ['focusAreas', 'blocking', 'NO pkt 13.4'],
    ]);
  });

  it("asks for KDI's written feedback when the person is not in the target group (13.3)", () => {
    const course = offeredNoCourse({ kdiDecision: { outcome: 'not_offered', basis: 'other', basisDetail: '' } });
    expect(checkNoMentorCourse(course, [suitableMentor()]).map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['no.course.feedback', 'NO pkt 13.3'],
      ['no.course.otherMeasures', 'NO pkt 13.3'],
    ]);
    const answered = {
      ...course,
      notInTargetGroupFeedback: { sentOn: '2025-02-01', text: 'Ikke i målgruppen.' },
      otherMeasures: { consideredOn: '2025-02-03', measures: 'Samtaler med kontaktbetjent.' },
    };
    expect(checkNoMentorCourse(answered, [suitableMentor()])).toEqual([]);
  });

  it('asks for the plan only once the person is positive to the offer (13.4)', () => {
    const empty = { meetingPlace: '', frequency: '', focusAreas: '' };
    const declined = offeredNoCourse({ personConsents: false, plan: empty });
    expect(checkNoMentorCourse(declined, [suitableMentor()])).toEqual([]);
    const positive = offeredNoCourse({ personConsents: true, plan: empty });
    expect(checkNoMentorCourse(positive, [suitableMentor()]).map((f) => f.ruleId)).toEqual([
      'no.course.plan',
      'no.course.plan',
      'no.course.plan',
    ]);
  });

  it("warns when the person's consent is not recorded, participation being voluntary", () => {
    const findings = checkNoMentorCourse(offeredNoCourse({ personConsents: undefined }), [suitableMentor()]);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['no.course.consent', 'warning']]);
  });

  it("asks for KDI's written confirmation when the person ends the course (13.6)", () => {
    const course = offeredNoCourse({ end: { endDate: '2025-06-01', endedBy: 'person', notes: '' } });
    expect(checkNoMentorCourse(course, [suitableMentor()]).map((f) => f.citation.text)).toEqual(['NO pkt 13.6']);
  });

  it('requires a comprehensive police certificate (13.2) and a signed confidentiality declaration (13.5)', () => {
    const mentor = suitableMentor({
      policeCertificate: { presentedOn: '2025-01-12', comprehensive: false },
      confidentialityDeclarationSignedOn: undefined,
    });
    const findings = checkNoMentorCourse(offeredNoCourse(), [mentor]);
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['no.course.policeCertificate', 'NO pkt 13.2'],
      ['no.course.confidentiality', 'NO pkt 13.5'],
    ]);
    expect(canFinalise(findings)).toBe(false);
  });

  it('warns when the assignment agreement with KDI is not recorded (13.2)', () => {
    const [assigned] = offeredNoCourse().mentors;
    const { contractSignedOn: _signed, ...unsigned } = assigned!;
    const findings = checkNoMentorCourse(offeredNoCourse({ mentors: [unsigned] }), [suitableMentor()]);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['no.course.contract', 'warning']]);
  });
});

describe('NO 13.4 and 13.7 while a course runs', () => {
  const running = offeredNoCourse({ personConsents: true });

  it('asks for a KDI-unit cooperation meeting every third month (Bro\'s interval for "underveis")', () => {
    expect(checkNoMentorCourse(running, [suitableMentor()], '2025-05-01')).toEqual([]);
    const [late] = checkNoMentorCourse(running, [suitableMentor()], '2025-05-02');
    expect(late).toMatchObject({ ruleId: 'no.course.cooperationMeeting', params: { dueDate: '2025-05-01' } });
    expect(late?.citation).toMatchObject({ source: 'local', localPractice: { reading: 'NO pkt 13.4' } });
    const met = offeredNoCourse({ cooperationMeetings: [{ date: '2025-04-15', notes: '' }] });
    expect(checkNoMentorCourse(met, [suitableMentor()], '2025-07-15')).toEqual([]);
  });

  it('asks to contact the responsible municipality once a release date is set on the case (13.7)', () => {
    const findings = checkNoMentorCourse(running, [suitableMentor()], '2025-03-01', '2025-09-01');
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([['no.course.municipality', 'NO pkt 13.7']]);
    const contacted = offeredNoCourse({
      municipalityHandover: {
        municipality: 'Fiktivby',
        contactedOn: '2025-03-01',
        responsibilityTransferredTo: '',
        notes: '',
      },
    });
    expect(checkNoMentorCourse(contacted, [suitableMentor()], '2025-03-01', '2025-09-01')).toEqual([]);
    const ended = offeredNoCourse({ end: { endDate: '2025-02-20', endedBy: 'kdi', notes: '' } });
    expect(checkNoMentorCourse(ended, [suitableMentor()], '2025-03-01', '2025-09-01')).toEqual([]);
  });

  it('keeps both duties while the recorded end date is still ahead, and counts no meeting entered ahead', () => {
    const endsLater = offeredNoCourse({
      end: { endDate: '2025-12-31', endedBy: 'kdi', notes: '' },
      cooperationMeetings: [{ date: '2025-09-01', notes: '' }],
    });
    const rules = checkNoMentorCourse(endsLater, [suitableMentor()], '2025-06-01', '2025-09-01').map((f) => [
      f.ruleId,
      f.params,
    ]);
    expect(rules).toEqual([
      ['no.course.cooperationMeeting', { dueDate: '2025-05-01' }],
      ['no.course.municipality', { releaseDate: '2025-09-01' }],
    ]);
  });
});

describe('no.course.endConfirmation at its boundary (NO pkt 13.6), in a NO vault', () => {
  const TODAY = '2025-03-01';
  const judged = (content: NoMentorCourseContent, profile: Profile = 'NO') =>
    findingsFor('mentor_course', { profile, content, mentors: [suitableMentor()] }, TODAY);
  const ended = (end: Partial<NoMentorCourseContent['end']>) =>
    offeredNoCourse({ end: { endDate: '2025-02-20', endedBy: 'person', notes: '', ...end } });

  it('is run by NO vaults only', () => {
    const id = 'no.course.endConfirmation';
    expect((['NO', 'DK'] as const).filter((p) => RULE_SETS[p].some((r) => r.id === id))).toEqual(['NO']);
  });

  it("warns when the person ended the course and KDI's written confirmation is not recorded", () => {
    const findings = judged(ended({}));
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text, f.field])).toEqual([
      ['no.course.endConfirmation', 'warning', 'NO pkt 13.6', 'end.kdiWrittenConfirmationOn'],
    ]);
    expect(canFinalise(findings)).toBe(true);
  });

  it('is silent once the confirmation is dated, when KDI ended the course, and while it has not ended', () => {
    expect(judged(ended({ kdiWrittenConfirmationOn: '2025-02-20' }))).toEqual([]);
    expect(judged(ended({ endedBy: 'kdi' }))).toEqual([]);
    expect(judged(ended({ endDate: undefined }))).toEqual([]);
  });

  it('is not run on a NO course in a DK vault', () => {
    expect(judged(ended({}), 'DK').map((f) => f.ruleId)).toEqual(['profile.kind']);
  });
});
