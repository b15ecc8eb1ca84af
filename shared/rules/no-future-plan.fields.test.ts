// NO pkt 10: the future plan's finding is shown at the date it was offered; the bundle refusal is
// about the bundle, not a field.
import { describe, expect, it } from 'vitest';
import { newFuturePlanDraft } from '../templates/drafts';
import { checkFuturePlan, checkPlansKeptSeparate } from './no-future-plan';
import { NO_GRADING } from './test-fixtures';

const NO10 = { source: 'NO', point: '10', text: 'NO pkt 10' };

describe('NO future plan findings', () => {
  it('point a plan not yet offered at the date it was offered', () => {
    expect(checkFuturePlan(newFuturePlanDraft(NO_GRADING))).toStrictEqual([
      {
        ruleId: 'no.futurePlan.offered',
        severity: 'warning',
        messageKey: 'rules.no.futurePlan.offered',
        params: {},
        citation: NO10,
        field: 'offeredOn',
      },
    ]);
  });

  it('point a refused bundle at no field', () => {
    expect(checkPlansKeptSeparate(['future_plan', 'follow_up_plan'])).toStrictEqual([
      {
        ruleId: 'no.futurePlan.separate',
        severity: 'blocking',
        messageKey: 'rules.no.futurePlan.separate',
        params: {},
        citation: NO10,
      },
    ]);
  });
});
