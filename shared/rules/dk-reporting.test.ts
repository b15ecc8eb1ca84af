import { describe, expect, it } from 'vitest';
import { DkMentorCourseContentSchema, type DkMentorReport } from '../domain';
import { checkDkMentortovholder, checkDkReporting, checkDkStatusReports } from './dk-reporting';
import { canFinalise } from './finding';
import { describeFinding } from './finding-text';
import { eligibleDkCourse } from './test-fixtures';

const report = (fill: Partial<DkMentorReport>): DkMentorReport => ({
  receivedOn: '2025-05-02',
  period: 'monthly',
  form: 'written',
  ...fill,
});

describe('DK § 18: the mentortovholder of a course', () => {
  it('asks nothing of a course that names one with name and unit', () => {
    expect(checkDkMentortovholder(eligibleDkCourse())).toEqual([]);
  });

  it("warns, as Bro's practice reading § 18, when a course with a mentor names none; it blocks nothing", () => {
    const findings = checkDkMentortovholder(eligibleDkCourse({ mentortovholder: undefined }));
    expect(findings.map((f) => [f.ruleId, f.severity, f.field, f.citation.source])).toEqual([
      ['dk.course.mentortovholder', 'warning', 'mentortovholder.name', 'local'],
    ]);
    const citation = findings[0]?.citation;
    expect(citation?.source === 'local' && citation.localPractice.reading).toBe('DK § 18');
    expect(canFinalise(findings)).toBe(true);
  });

  it('needs both name and unit: a blank unit points at the unit, a blank name at the name', () => {
    const noUnit = checkDkMentortovholder(eligibleDkCourse({ mentortovholder: { name: 'Ole Opdigtet', unit: ' ' } }));
    expect(noUnit.map((f) => f.field)).toEqual(['mentortovholder.unit']);
    const noName = checkDkMentortovholder(eligibleDkCourse({ mentortovholder: { name: '', unit: 'KiF Testby' } }));
    expect(noName.map((f) => f.field)).toEqual(['mentortovholder.name']);
  });

  it('asks nothing before a mentor is appointed', () => {
    expect(checkDkMentortovholder(eligibleDkCourse({ mentors: [], mentortovholder: undefined }))).toEqual([]);
  });

  it('keeps courses recorded before the field valid', () => {
    const { mentortovholder: _omitted, ...old } = eligibleDkCourse();
    expect(DkMentorCourseContentSchema.safeParse(old).success).toBe(true);
  });
});

describe('DK § 17, stk. 2: status reports in the template', () => {
  it('flags each empty element of a written quarterly report, by its field, as a warning', () => {
    const course = eligibleDkCourse({
      mentorReports: [report({ period: 'quarterly', workDone: 'Samtaler hver uge.', actionPlanRevision: '' })],
    });
    const findings = checkDkStatusReports(course);
    expect(findings.map((f) => [f.ruleId, f.severity, f.field, f.params.basis])).toEqual([
      ['dk.report.templateElement', 'warning', 'mentorReports.0.actionPlanFollowUp', 'DK § 13, stk. 3'],
      ['dk.report.templateElement', 'warning', 'mentorReports.0.actionPlanRevision', 'DK § 13, stk. 3'],
    ]);
    expect(canFinalise(findings)).toBe(true);
  });

  it('asks a monthly written report only for the work, and a telephone report for nothing', () => {
    const course = eligibleDkCourse({
      mentorReports: [report({ period: 'monthly' }), report({ period: 'quarterly', form: 'phone' })],
    });
    expect(checkDkStatusReports(course).map((f) => f.field)).toEqual(['mentorReports.0.workDone']);
  });

  it('flags nothing when every written report fills its elements', () => {
    const course = eligibleDkCourse({
      mentorReports: [
        report({ workDone: 'To samtaler.' }),
        report({
          period: 'quarterly',
          workDone: 'Samtaler.',
          actionPlanFollowUp: 'Bolig fundet.',
          actionPlanRevision: 'Ingen.',
        }),
      ],
    });
    expect(checkDkReporting(course)).toEqual([]);
  });

  it('names the report and the element in words, in each language', () => {
    const [finding] = checkDkStatusReports(eligibleDkCourse({ mentorReports: [report({ workDone: '' })] }));
    if (!finding) throw new Error('expected a finding');
    expect(describeFinding('en', finding).message).toContain(
      "status report 1 leaves “The mentor's work in the period” empty",
    );
    expect(describeFinding('da', finding).message).toContain('»Mentors arbejde i perioden«');
    expect(describeFinding('nb', finding).message).toContain('«Mentors arbeid i perioden»');
  });
});
