import type { DocumentKind, FuturePlanContent } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 10: a future plan is offered, and it is kept apart from the follow-up plan. */
export const NO_FUTURE_PLAN_RULES = {
  offered: defineRule('no.futurePlan.offered', 'rules.no.futurePlan.offered', CITATIONS.no10, 'warning'),
  separate: defineRule('no.futurePlan.separate', 'rules.no.futurePlan.separate', CITATIONS.no10, 'blocking'),
} as const;

export function checkFuturePlan(content: FuturePlanContent): Finding[] {
  return content.offeredOn ? [] : [emit(NO_FUTURE_PLAN_RULES.offered, { field: 'offeredOn' })];
}

/**
 * Refuses any bundle (export, print job, merged document) that holds both a future plan and a
 * follow-up plan: the future plan is their basis, but the two are kept apart.
 */
export function checkPlansKeptSeparate(kinds: readonly DocumentKind[]): Finding[] {
  return kinds.includes('future_plan') && kinds.includes('follow_up_plan') ? [emit(NO_FUTURE_PLAN_RULES.separate)] : [];
}
