import type { DkMentorCourseContent, Id, IsoDate } from '../domain';
import { compareDates } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** Half of a 37-hour full-time week; the area may configure another limit. */
export const DEFAULT_HALF_TIME_HOURS = 18.5;

/**
 * The § 15 limit as a vault setting: the hours a week "en halvtidsstilling" stands for in this area.
 * The circular names no figure, so the default and its reading are Bro's practice, as data.
 */
export const WORKLOAD_LIMIT_SETTING = {
  defaultHours: DEFAULT_HALF_TIME_HOURS,
  minHours: 1,
  maxHours: 37,
  citation: CITATIONS.localHalfTimeHours,
} as const;

/** A limit is a number of hours from 1 to 37 (a full week), to the hundredth of an hour. */
export function isWorkloadLimit(hours: number): boolean {
  return (
    Number.isFinite(hours) &&
    hours >= WORKLOAD_LIMIT_SETTING.minHours &&
    hours <= WORKLOAD_LIMIT_SETTING.maxHours &&
    // Stryker disable next-line EqualityOperator: a difference of exactly 1e-6 cannot arise from hours within 1–37 (none found in 5 million tries)
    Math.abs(Math.round(hours * 100) - hours * 100) < 1e-6
  );
}

export const DK_WORKLOAD_RULE = defineRule(
  'dk.workload.halfTime',
  'rules.dk.mentorWorkload',
  CITATIONS.dk15,
  'warning',
);

/** One course as far as § 15 cares: its period and the hours agreed per mentor. */
export interface CourseLoad {
  readonly courseId: Id;
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
  readonly mentors: readonly { readonly mentorId: Id; readonly agreedWeeklyHours: number }[];
}

export function courseLoad(courseId: Id, course: DkMentorCourseContent): CourseLoad {
  return { courseId, startDate: course.startDate, endDate: course.endDate, mentors: course.mentors };
}

/** A course counts until its end date has passed; planned courses count too, they are coming work. */
function isActive(course: CourseLoad, today: IsoDate): boolean {
  return !course.endDate || compareDates(course.endDate, today) >= 0;
}

/** Sum of a mentor's agreed weekly hours over all active courses, exact to 1/100 hour. */
export function mentorWeeklyHours(mentorId: Id, courses: readonly CourseLoad[], today: IsoDate): number {
  let hundredths = 0;
  for (const course of courses) {
    if (!isActive(course, today)) continue;
    for (const m of course.mentors) if (m.mentorId === mentorId) hundredths += Math.round(m.agreedWeeklyHours * 100);
  }
  return hundredths / 100;
}

/** A course's period for § 15: a course not started yet runs from today, one without an end runs on. */
function period(course: CourseLoad, today: IsoDate): { from: IsoDate; to?: IsoDate } {
  // Stryker disable next-line EqualityOperator: a course starting today runs from today either way
  const from = course.startDate && compareDates(course.startDate, today) > 0 ? course.startDate : today;
  return course.endDate ? { from, to: course.endDate } : { from };
}

function runsOn(course: CourseLoad, day: IsoDate, today: IsoDate): boolean {
  const { from, to } = period(course, today);
  return compareDates(from, day) <= 0 && (!to || compareDates(day, to) <= 0);
}

/**
 * A mentor's highest weekly hours at any one time during `within`'s period: courses that follow one
 * another, or lie wholly before or after it, are not added together. The peak falls on a day some
 * course starts, so those days are the ones looked at.
 */
export function peakWeeklyHours(
  mentorId: Id,
  courses: readonly CourseLoad[],
  within: CourseLoad,
  today: IsoDate,
): number {
  const own = period(within, today);
  const days = [own.from, ...courses.map((c) => period(c, today).from)].filter(
    (day) => compareDates(day, own.from) >= 0 && (!own.to || compareDates(day, own.to) <= 0),
  );
  let peak = 0;
  for (const day of new Set(days)) {
    const running = courses.filter((c) => isActive(c, today) && runsOn(c, day, today));
    peak = Math.max(peak, mentorWeeklyHours(mentorId, running, today));
  }
  return peak;
}

/**
 * A mentor's highest weekly hours at any one time from today on (the register's figure): courses that
 * follow one another are not added together, as § 15 speaks of the work at a time (audit 8: two 15-hour
 * courses one after the other showed 30 hours and a false warning).
 */
export function mentorPeakHours(mentorId: Id, courses: readonly CourseLoad[], today: IsoDate): number {
  return peakWeeklyHours(mentorId, courses, { courseId: mentorId, startDate: today, mentors: [] }, today);
}

/**
 * DK § 15: the area must see that a mentor's total work does not exceed a half-time position ("en
 * halvtidsstilling"). Warns for each mentor whose hours pass the limit (18.5 is fine, 18.6 warns): at the
 * busiest time from today on, or, given the course being judged (`within`), at the busiest time of its
 * period.
 */
export function checkDkWorkload(
  mentorIds: readonly Id[],
  courses: readonly CourseLoad[],
  today: IsoDate,
  limitHoursPerWeek: number = DEFAULT_HALF_TIME_HOURS,
  within?: CourseLoad,
): Finding[] {
  const limit = Math.round(limitHoursPerWeek * 100);
  return [...new Set(mentorIds)].flatMap((mentorId) => {
    const hours = within
      ? peakWeeklyHours(mentorId, courses, within, today)
      : mentorPeakHours(mentorId, courses, today);
    if (Math.round(hours * 100) <= limit) return [];
    return [emit(DK_WORKLOAD_RULE, { params: { mentorId, hours, limit: limitHoursPerWeek } })];
  });
}
