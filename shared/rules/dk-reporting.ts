import type { DkMentorCourseContent } from '../domain';
import { isFilled } from '../domain';
import { missingStatusReportElements } from '../templates/dk-status-report';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/**
 * DK § 17, stk. 2 (the status report template) and DK § 18 (mentortovholdere). Both are Bro's readings:
 * § 17, stk. 2 names a template without its contents, and § 18 binds the area to appoint
 * mentortovholdere, not a course to name one. So both warn and block nothing.
 */
export const DK_REPORTING_RULES = {
  statusReportElement: defineRule(
    'dk.report.templateElement',
    'rules.dk.statusReportElementMissing',
    CITATIONS.localStatusReportTemplate,
    'warning',
  ),
  mentortovholder: defineRule(
    'dk.course.mentortovholder',
    'rules.dk.mentortovholderMissing',
    CITATIONS.localMentortovholder,
    'warning',
  ),
} as const;

const R = DK_REPORTING_RULES;

/** Every written status report must fill the template's elements for its period. */
export function checkDkStatusReports(course: DkMentorCourseContent): Finding[] {
  const findings: Finding[] = [];
  course.mentorReports.forEach((report, index) => {
    for (const element of missingStatusReportElements(report)) {
      findings.push(
        emit(R.statusReportElement, {
          field: `mentorReports.${index}.${element.field}`,
          params: { n: index + 1, statusElement: element.field, basis: element.basis },
        }),
      );
    }
  });
  return findings;
}

/** Once a mentor is appointed, the course names the mentortovholder its staff turn to (name and unit). */
export function checkDkMentortovholder(course: DkMentorCourseContent): Finding[] {
  if (course.mentors.length === 0) return [];
  const holder = course.mentortovholder;
  if (holder && isFilled(holder.name) && isFilled(holder.unit)) return [];
  const field = holder && isFilled(holder.name) ? 'mentortovholder.unit' : 'mentortovholder.name';
  return [emit(R.mentortovholder, { field })];
}

export function checkDkReporting(course: DkMentorCourseContent): Finding[] {
  return [...checkDkMentortovholder(course), ...checkDkStatusReports(course)];
}
