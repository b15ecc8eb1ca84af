import type { DkMentorCourseContent, Id, IsoDate, Mentor } from '../domain';
import { isFilled } from '../domain';
import { dkCourseDueItems } from './dk-due';
import { checkDkCourseProcedure } from './dk-course';
import { checkDkEligibility } from './dk-eligibility';
import { checkDkMentorDuties } from './dk-mentor-duties';
import { checkDkReporting } from './dk-reporting';
import { checkDkSuitability } from './dk-suitability';
import { checkDkWorkload, courseLoad, DEFAULT_HALF_TIME_HOURS, type CourseLoad } from './dk-workload';
import { dueItemFindings } from './due-items';
import type { Finding } from './finding';

export interface DkCourseFacts {
  readonly content: DkMentorCourseContent;
  /** Person records of the mentors the course's assignments refer to. */
  readonly mentors: readonly Mentor[];
  /** DK § 15: the other courses these mentors have (this course is counted from `content`). */
  readonly otherCourses?: readonly CourseLoad[];
  readonly courseId?: Id;
  readonly workloadLimitHours?: number;
  /** DK § 3: the expected release date on the case, which wins over the course's own copy. */
  readonly caseExpectedReleaseDate?: IsoDate;
  /**
   * DK § 5, stk. 2: the unit the case names, for a course that names none of the person's own: a staff
   * mentor of that very department was let through with only a warning that the unit was unknown.
   */
  readonly caseUnit?: string;
}

/** Every DK rule for one course: §§ 2-4, 5-6, 11, procedure, § 15, and overdue § 13/§ 17 items. */
export function checkDkMentorCourse(facts: DkCourseFacts, today: IsoDate): Finding[] {
  const { content } = facts;
  // Stryker disable next-line StringLiteral: the stand-in id only has to differ from every stored course's id, which are UUIDs and never ''
  const self = courseLoad(facts.courseId ?? 'this-course', content);
  const others = (facts.otherCourses ?? []).filter((c) => c.courseId !== self.courseId);
  return [
    ...checkDkEligibility(content, today, facts.caseExpectedReleaseDate),
    ...checkDkSuitability(
      !isFilled(content.personUnit) && facts.caseUnit ? { ...content, personUnit: facts.caseUnit } : content,
      facts.mentors,
      today,
    ),
    ...checkDkCourseProcedure(content),
    ...checkDkMentorDuties(content, facts.mentors),
    ...checkDkReporting(content),
    ...checkDkWorkload(
      content.mentors.map((m) => m.mentorId),
      [self, ...others],
      today,
      facts.workloadLimitHours ?? DEFAULT_HALF_TIME_HOURS,
      self,
    ),
    ...dueItemFindings(dkCourseDueItems(content, today)),
  ];
}
