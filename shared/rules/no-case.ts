import type { Case, IsoDate } from '../domain';
import { compareDates, isFilled } from '../domain';
import { CITATIONS } from './citations';
import { dueStatus, type DueItem } from './due-items';
import { defineRule, emit, type Finding } from './finding';

/**
 * The case record under the NO guideline: why the person is in the target group (pkt 1) and the
 * Infoflyt registration and request to KDI (pkt 7). The target group is not made a condition for
 * finalising the follow-up plan: pkt 11 does not ask for it, so a missing reason warns on the case.
 */
export const NO_CASE_RULES = {
  targetGroup: defineRule('no.case.targetGroup', 'rules.no.case.targetGroup', CITATIONS.no1, 'warning'),
  infoflytRequest: defineRule('no.case.infoflytRequest', 'rules.no.case.infoflytRequest', CITATIONS.no7, 'warning'),
} as const;

type CaseRecord = Pick<Case, 'targetGroup' | 'infoflyt'>;

export function checkNoCase(kase: CaseRecord): Finding[] {
  const findings: Finding[] = [];
  if (!kase.targetGroup?.reason) findings.push(emit(NO_CASE_RULES.targetGroup, { field: 'targetGroup.reason' }));
  const infoflyt = kase.infoflyt;
  // "skal det sendes anmodning til KDI om dette": a request is a dated record with its reason.
  if (infoflyt?.status === 'requested' && (!infoflyt.requestSentOn || !isFilled(infoflyt.requestReason)))
    findings.push(emit(NO_CASE_RULES.infoflytRequest, { field: 'infoflyt.requestSentOn' }));
  return findings;
}

export const ARRIVAL_MEETING_DUE = { messageKey: 'rules.no.due.arrivalMeeting', citation: CITATIONS.no12 } as const;
export const VISIT_ROUTINE_DUE = { messageKey: 'rules.no.due.visitRoutine', citation: CITATIONS.no9 } as const;
export const FUTURE_PLAN_DUE = { messageKey: 'rules.no.due.futurePlan', citation: CITATIONS.no10 } as const;
export const AGENCY_REPORT_DUE = { messageKey: 'rules.no.due.agencyProblemReport', citation: CITATIONS.no11 } as const;

/** What a NO case's own due items need from the vault. */
export interface NoCaseDueFacts {
  /** NO pkt 12: the day the person arrived in the unit. */
  readonly arrivalDate?: IsoDate;
  /** Dates of the case's start-up meetings, held or called. */
  readonly startupMeetingDates: readonly IsoDate[];
  /** NO pkt 9: start dates of the case's running NO mentor courses (offered and started). */
  readonly mentorCourseStarts: readonly IsoDate[];
  readonly hasVisitRoutine: boolean;
  /**
   * NO pkt 10: the day the person was first found to be in the target group: the first finalised concern
   * or plan, or the case's own record (charged or convicted of terror-related acts, particularly vulnerable).
   */
  readonly targetGroupSince?: IsoDate;
  readonly hasFuturePlan: boolean;
  /** NO pkt 11: problems with other agencies noted in the case's follow-up plans, not yet reported to KDI. */
  readonly unreportedAgencyProblems: readonly { readonly notedOn: IsoDate }[];
}

function item(
  kind: DueItem['kind'],
  dueDate: IsoDate,
  today: IsoDate,
  what: { messageKey: string; citation: DueItem['citation'] },
  params: DueItem['params'] = {},
): DueItem {
  return { kind, dueDate, status: dueStatus(dueDate, today), ...what, params };
}

/**
 * NO pkt 12 "Det skal avholdes møte ved innkomst": due on the arrival day until a start-up meeting
 * dated on or after it. NO pkt 9: a running course without a visit routine, due from its start.
 * NO pkt 10: a person in the target group without a future plan, due from that day. NO pkt 11:
 * problems with other agencies "omgående innmeldes tjenestevei til KDI", due on the day noted.
 */
export function noCaseDueItems(facts: NoCaseDueFacts, today: IsoDate): DueItem[] {
  const items: DueItem[] = [];
  const arrival = facts.arrivalDate;
  if (arrival && !facts.startupMeetingDates.some((d) => compareDates(d, arrival) >= 0))
    items.push(item('no_arrival_meeting', arrival, today, ARRIVAL_MEETING_DUE));
  const firstStart = [...facts.mentorCourseStarts].sort(compareDates)[0];
  if (firstStart && !facts.hasVisitRoutine) items.push(item('no_visit_routine', firstStart, today, VISIT_ROUTINE_DUE));
  if (facts.targetGroupSince && !facts.hasFuturePlan)
    items.push(item('no_future_plan', facts.targetGroupSince, today, FUTURE_PLAN_DUE));
  for (const problem of facts.unreportedAgencyProblems)
    items.push(item('no_agency_problem_report', problem.notedOn, today, AGENCY_REPORT_DUE));
  return items.sort((a, b) => compareDates(a.dueDate, b.dueDate));
}
