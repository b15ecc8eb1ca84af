import { describe, expect, it } from 'vitest';
import type { DistributionEntry } from '../domain';
import { checkPlanDistribution, lastVersionSent, planChangesSince, planCopyDueItems } from './no-plan-distribution';
import { completePlan } from './test-fixtures';

const sent = (
  version: number,
  recipient: DistributionEntry['recipient'],
  sentOn = '2025-03-01',
): DistributionEntry => ({ version, recipient, sentOn });

describe('NO pkt 11: region and KDI get every version of the follow-up plan', () => {
  it('is satisfied when both have the latest finalised version', () => {
    const log = [sent(1, 'region'), sent(2, 'region'), sent(2, 'kdi'), sent(1, 'politi')];
    expect(checkPlanDistribution({ finalisedVersion: 2, log }, '2025-03-05')).toEqual([]);
  });

  it('warns for KDI when only region has the latest version', () => {
    const log = [sent(2, 'region'), sent(1, 'kdi')];
    const findings = checkPlanDistribution({ finalisedVersion: 2, log }, '2025-03-05');
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'no.plan.copyRegionKdi',
        severity: 'warning',
        params: { recipient: 'kdi', version: 2, lastSent: 1 },
      }),
    ]);
    expect(findings[0]?.citation.text).toBe('NO pkt 11');
  });

  it('lists the copies as due on the day the version was finalised and overdue after', () => {
    const facts = { finalisedVersion: 3, finalisedOn: '2025-03-05', log: [] };
    expect(planCopyDueItems(facts, '2025-03-05').map((i) => [i.kind, i.status])).toEqual([
      ['no_plan_copy_region', 'due'],
      ['no_plan_copy_kdi', 'due'],
    ]);
    expect(planCopyDueItems(facts, '2025-03-06').map((i) => i.status)).toEqual(['overdue', 'overdue']);
  });

  it('knows the last version each recipient received', () => {
    const log = [sent(3, 'kdi'), sent(1, 'kdi'), sent(2, 'region')];
    expect(lastVersionSent(log, 'kdi')).toBe(3);
    expect(lastVersionSent(log, 'pst')).toBeUndefined();
  });

  it('lists the fields changed since a version', () => {
    const before = completePlan();
    const after = { ...before, securityMeasures: 'Endret.', grading: { level: 'KONFIDENSIELT' as const } };
    expect(planChangesSince(before, after)).toEqual(['securityMeasures', 'grading']);
    expect(planChangesSince(before, structuredClone(before))).toEqual([]);
  });
});
