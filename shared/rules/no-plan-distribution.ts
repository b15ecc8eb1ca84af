import type { DistributionEntry, DistributionRecipient, FollowUpPlanContent, IsoDate } from '../domain';
import { FollowUpPlanContentSchema } from '../domain';
import { CITATIONS } from './citations';
import { dueStatus, type DueItem, type DueKind } from './due-items';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 11: region and KDI have a copy of the plan and are kept informed of every change. */
export const NO_PLAN_DISTRIBUTION_RULE = defineRule(
  'no.plan.copyRegionKdi',
  'rules.no.plan.copyMissing',
  CITATIONS.no11,
  'warning',
);

export interface PlanDistributionFacts {
  /** The newest finalised version of the plan. */
  readonly finalisedVersion: number;
  /** When that version was finalised; a copy is due from that day unless `unsentSince` says earlier. */
  readonly finalisedOn?: IsoDate;
  /**
   * Per recipient, the day the oldest finalised version it has not had was finalised: a change left
   * unsent stays due from then, however often the plan is finalised again after it.
   */
  readonly unsentSince?: Partial<Record<DistributionRecipient, IsoDate>>;
  readonly log: readonly DistributionEntry[];
}

const REQUIRED: readonly { recipient: DistributionRecipient; kind: DueKind }[] = [
  { recipient: 'region', kind: 'no_plan_copy_region' },
  { recipient: 'kdi', kind: 'no_plan_copy_kdi' },
];

/** The highest version a recipient has received, or undefined if none. */
export function lastVersionSent(
  log: readonly DistributionEntry[],
  recipient: DistributionRecipient,
): number | undefined {
  const versions = log.filter((e) => e.recipient === recipient).map((e) => e.version);
  return versions.length > 0 ? Math.max(...versions) : undefined;
}

/** Copies to region and KDI that are still to be sent for the latest finalised version. */
export function planCopyDueItems(facts: PlanDistributionFacts, today: IsoDate): DueItem[] {
  return REQUIRED.flatMap(({ recipient, kind }) => {
    const sent = lastVersionSent(facts.log, recipient);
    // Stryker disable next-line ConditionalExpression: undefined >= a version is false, as the guard is
    if (sent !== undefined && sent >= facts.finalisedVersion) return [];
    const dueDate = facts.unsentSince?.[recipient] ?? facts.finalisedOn ?? today;
    const params = { recipient, version: facts.finalisedVersion, lastSent: sent ?? 0 };
    const status = dueStatus(dueDate, today);
    return [
      { kind, dueDate, status, citation: CITATIONS.no11, messageKey: NO_PLAN_DISTRIBUTION_RULE.messageKey, params },
    ];
  });
}

/** A warning for each of region and KDI that has not received the latest finalised version. */
export function checkPlanDistribution(facts: PlanDistributionFacts, today: IsoDate): Finding[] {
  return planCopyDueItems(facts, today).map((item) => emit(NO_PLAN_DISTRIBUTION_RULE, { params: item.params }));
}

/**
 * Top-level fields that differ between two versions, for "changes since the version last sent to
 * KDI". Compares values structurally; the grading counts as a field.
 */
export function planChangesSince(
  previous: FollowUpPlanContent,
  current: FollowUpPlanContent,
): (keyof FollowUpPlanContent)[] {
  return FollowUpPlanContentSchema.keyof().options.filter(
    (key) => JSON.stringify(previous[key]) !== JSON.stringify(current[key]),
  );
}
