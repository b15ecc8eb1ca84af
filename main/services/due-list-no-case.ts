import type { CaseScope } from '../db/repositories/case-filter';
import type { IsoDate } from '../../shared/domain';
import { earlierDate, localDayOf } from '../../shared/domain';
import { isRunningNoCourse, noCaseDueItems, noCourseDueItems, type NoCaseDueFacts } from '../../shared/rules';
import type { Db } from '../db/connection';
import type { FinalisedConcernRow, FinalisedPlanRow } from '../db/repositories/due-list-repo';
import type { NoCourse } from './due-case-facts';
import { entry, listIn, type DueListEntry, type Window } from './due-list';

/**
 * The NO case events on the due list (issue 13): the start-up meeting on arrival (pkt 12), a visit
 * routine for a running course (pkt 9), a future plan (pkt 10), problems with other agencies to report
 * to KDI (pkt 11), and for each running NO course its cooperation meetings (13.4) and the contact with
 * the municipality before release (13.7). A released case has none of them.
 */

export interface NoCaseInputs {
  startupDates: ReadonlyMap<string, readonly IsoDate[]>;
  plans: readonly FinalisedPlanRow[];
  concerns: readonly FinalisedConcernRow[];
  /** Days before an expected release the municipality is to be contacted (Bro's practice). */
  leadDays: number;
}

function byCase<T extends { caseId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) listIn(out, row.caseId).push(row);
  return out;
}

/**
 * NO pkt 10: the first instant a concern or follow-up plan of the case was finalised, as a local day (a
 * case recorded as terror-related or vulnerable is in the target group from its own record too).
 */
function targetGroupSince(inputs: NoCaseInputs, w: Window): Map<string, IsoDate> {
  const first = new Map<string, string>();
  const note = (caseId: string, at: string | null) => {
    const known = first.get(caseId);
    if (at && (known === undefined || at < known)) first.set(caseId, at);
  };
  for (const concern of inputs.concerns) note(concern.caseId, concern.finalisedAt);
  for (const plan of inputs.plans) note(plan.caseId, plan.firstFinalisedAt);
  return new Map([...first].map(([caseId, at]) => [caseId, localDayOf(at, w.timeZone)]));
}

const NONE: readonly never[] = [];
const NO_FACTS: NoCaseDueFacts = {
  startupMeetingDates: NONE,
  mentorCourseStarts: NONE,
  hasVisitRoutine: true,
  hasFuturePlan: true,
  unreportedAgencyProblems: NONE,
};

function runningStarts(courses: readonly NoCourse[], today: IsoDate): IsoDate[] {
  return courses.flatMap(({ facts: c }) => (isRunningNoCourse(c, today) ? [c.startDate] : []));
}

export function noCaseEntries(db: Db, w: Window, inputs: NoCaseInputs, scope: CaseScope): DueListEntry[] {
  const routines = new Set(w.source.casesHolding(db, 'visit_routine', scope));
  const futurePlans = new Set(w.source.casesHolding(db, 'future_plan', scope));
  const courses = byCase(w.source.noCourses(db, scope).map((course) => ({ ...course, caseId: course.doc.caseId })));
  const problems = byCase(w.source.agencyProblems(db, scope));
  const since = targetGroupSince(inputs, w);
  const out: DueListEntry[] = [];
  const add = (e: DueListEntry) => {
    if (e.dueDate <= w.until) out.push(e);
  };
  for (const kase of w.source.cases(db, scope)) {
    if (kase.status === 'loslatt') continue;
    const own: readonly (NoCourse & { caseId: string })[] = courses.get(kase.caseId) ?? NONE;
    // One object literal of fixed shape per case (absent dates undefined): spreading conditional
    // parts cost more than the rules themselves on a 10 000-case vault.
    const facts: NoCaseDueFacts = {
      arrivalDate: kase.arrivalDate,
      startupMeetingDates: inputs.startupDates.get(kase.caseId) ?? NONE,
      mentorCourseStarts: own.length === 0 ? NONE : runningStarts(own, w.today),
      hasVisitRoutine: routines.has(kase.caseId),
      targetGroupSince: earlierDate(since.get(kase.caseId), kase.targetGroupSince),
      hasFuturePlan: futurePlans.has(kase.caseId),
      unreportedAgencyProblems: NONE,
    };
    for (const item of noCaseDueItems(facts, w.today)) add(entry(kase, item));
    for (const problem of problems.get(kase.caseId) ?? NONE) {
      // Item by item, so each names the plan it was noted in.
      const only: NoCaseDueFacts = { ...NO_FACTS, unreportedAgencyProblems: [problem] };
      for (const item of noCaseDueItems(only, w.today))
        add(entry(kase, item, { documentId: problem.documentId, documentKind: 'follow_up_plan' }));
    }
    for (const { doc, facts: course } of own)
      for (const item of noCourseDueItems(course, w.today, kase.expectedRelease, inputs.leadDays))
        add(entry(kase, item, { documentId: doc.documentId, documentKind: 'mentor_course' }));
  }
  return out;
}
