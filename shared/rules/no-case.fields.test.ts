// The case record's findings are shown at the field to fill in (NO pkt 1 and 7).
import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations';
import { checkNoCase } from './no-case';

describe('NO case findings name the field to fill in', () => {
  it('points the missing target-group reason at its field, citing pkt 1', () => {
    expect(checkNoCase({}).map((f) => [f.ruleId, f.field, f.citation])).toEqual([
      ['no.case.targetGroup', 'targetGroup.reason', CITATIONS.no1],
    ]);
  });

  it('points an incomplete Infoflyt request at the date it was sent, citing pkt 7', () => {
    const targetGroup = { reason: 'vulnerable' as const, grounds: '' };
    const infoflyt = { status: 'requested' as const, requestSentOn: '2025-03-01', requestReason: ' ' };
    expect(checkNoCase({ targetGroup, infoflyt }).map((f) => [f.ruleId, f.field, f.citation])).toEqual([
      ['no.case.infoflytRequest', 'infoflyt.requestSentOn', CITATIONS.no7],
    ]);
  });
});
