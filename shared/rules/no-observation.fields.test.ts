// An observation's findings are shown at the field to fill in (NO pkt 4).
import { describe, expect, it } from 'vitest';
import { newObservationDraft } from '../templates/drafts';
import { checkObservation } from './no-observation';
import { NO_GRADING } from './test-fixtures';

const NO4 = { source: 'NO', point: '4', text: 'NO pkt 4' };

describe('NO observation findings name the field to fill in', () => {
  it('points an empty entry at its time, observer, what was seen and its source', () => {
    expect(checkObservation(newObservationDraft(NO_GRADING))).toStrictEqual([
      {
        ruleId: 'no.observation.when',
        severity: 'blocking',
        messageKey: 'rules.no.observation.when',
        params: {},
        citation: NO4,
        field: 'observedAt',
      },
      {
        ruleId: 'no.observation.observer',
        severity: 'blocking',
        messageKey: 'rules.no.observation.observer',
        params: {},
        citation: NO4,
        field: 'observer',
      },
      {
        ruleId: 'no.observation.what',
        severity: 'blocking',
        messageKey: 'rules.no.observation.what',
        params: {},
        citation: NO4,
        field: 'seenOrHeard',
      },
      {
        ruleId: 'no.observation.source',
        severity: 'warning',
        messageKey: 'rules.no.observation.source',
        params: {},
        citation: NO4,
        field: 'source',
      },
    ]);
  });
});
