import { describe, expect, it } from 'vitest';
import { newFuturePlanDraft } from '../templates/drafts';
import { canFinalise } from './finding';
import { checkFuturePlan, checkPlansKeptSeparate } from './no-future-plan';
import { NO_GRADING } from './test-fixtures';

describe('NO pkt 10: future plan', () => {
  it('asks when the future plan was offered', () => {
    expect(checkFuturePlan(newFuturePlanDraft(NO_GRADING)).map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual(
      [['no.futurePlan.offered', 'warning', 'NO pkt 10']],
    );
    expect(checkFuturePlan({ ...newFuturePlanDraft(NO_GRADING), offeredOn: '2025-03-01' })).toEqual([]);
  });

  it('refuses a bundle holding both the future plan and the follow-up plan', () => {
    const findings = checkPlansKeptSeparate(['follow_up_plan', 'meeting', 'future_plan']);
    expect(canFinalise(findings)).toBe(false);
    expect(findings[0]).toMatchObject({ ruleId: 'no.futurePlan.separate', citation: { text: 'NO pkt 10' } });
  });

  it('lets each plan travel on its own', () => {
    expect(checkPlansKeptSeparate(['follow_up_plan', 'meeting'])).toEqual([]);
    expect(checkPlansKeptSeparate(['future_plan'])).toEqual([]);
  });
});
