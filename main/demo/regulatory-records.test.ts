import { describe, expect, it } from 'vitest';
import type { DocumentContent, MentorCourseContent } from '../../shared/domain';
import { CaseSchema, safeParseDocumentContent } from '../../shared/domain';
import { checkNoCase } from '../../shared/rules';
import { DEMO_SEED, buildDemoCase } from './generate-demo';
import { demoMentors } from './demo-mentors';

const TODAY = '2026-06-01';

function demo(profile: 'NO' | 'DK', count: number) {
  const mentors = demoMentors(profile, DEMO_SEED, TODAY);
  const cases = Array.from({ length: count }, (_, i) => buildDemoCase(profile, DEMO_SEED, i, TODAY, mentors));
  const contents = cases.flatMap((c) =>
    c.documents.flatMap((d) => d.versions.map((v) => ({ kind: d.kind, content: v.content as DocumentContent }))),
  );
  return { mentors, cases, contents };
}

describe('demo data exercise the issue 13 records', () => {
  it('NO: cases carry target group, arrival and Infoflyt; plans who was involved; courses the 13.1-13.6 records', () => {
    const { mentors, cases, contents } = demo('NO', 24);
    for (const c of cases) {
      expect(CaseSchema.safeParse({ ...c.record, id: '0f1e2d3c-4b5a-4968-8776-655443322110' }).success).toBe(true);
      expect(checkNoCase(c.record)).toEqual([]);
    }
    expect(new Set(cases.map((c) => c.record.infoflyt?.status))).toEqual(
      new Set(['registered', 'requested', 'not_registered']),
    );
    for (const { kind, content } of contents) expect(safeParseDocumentContent(kind, content).success, kind).toBe(true);
    const plans = contents.flatMap((x) => (x.kind === 'follow_up_plan' && 'involved' in x.content ? [x.content] : []));
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((p) => (p.involved ?? []).length > 0)).toBe(true);
    expect(plans.some((p) => (p.agencyProblems ?? []).length > 0)).toBe(true);
    const problems = plans.flatMap((p) => p.agencyProblems ?? []);
    expect(problems.some((p) => p.reportedToKdiOn)).toBe(true);
    expect(problems.some((p) => !p.reportedToKdiOn)).toBe(true);
    const courses = contents.flatMap((x) =>
      x.kind === 'mentor_course' && (x.content as MentorCourseContent).variant === 'NO'
        ? [x.content as Extract<MentorCourseContent, { variant: 'NO' }>]
        : [],
    );
    expect(courses.length).toBeGreaterThan(0);
    expect(
      courses.every(
        (c) =>
          c.personInformed?.informedOn &&
          c.mentors.every((m) => m.suitabilityAssessment?.assessedOn && m.notProxyToldOn),
      ),
    ).toBe(true);
    expect(courses.some((c) => (c.objections ?? []).length > 0)).toBe(true);
    expect(mentors.every((m) => m.record.dutiesAcknowledged?.notifyDutyOn)).toBe(true);
  });

  it('DK: courses carry goals, the fee and its basis, and the supervising area contacted for inmates; mentors both § 8 duties', () => {
    const { mentors, contents } = demo('DK', 12);
    const courses = contents.flatMap((x) =>
      x.kind === 'mentor_course' && (x.content as MentorCourseContent).variant === 'DK'
        ? [x.content as Extract<MentorCourseContent, { variant: 'DK' }>]
        : [],
    );
    expect(courses.length).toBeGreaterThan(0);
    for (const { kind, content } of contents) expect(safeParseDocumentContent(kind, content).success, kind).toBe(true);
    expect(courses.every((c) => c.actionPlan.goals && c.mentors.every((m) => m.fee?.basis))).toBe(true);
    expect(courses.some((c) => c.basis === 'inmate_release_preparation' && c.supervisionAreaContactedOn)).toBe(true);
    expect(
      mentors.every(
        (m) => m.record.dutiesAcknowledged?.notifyDutyOn && m.record.dutiesAcknowledged.confidentialityDutyOn,
      ),
    ).toBe(true);
  });
});
