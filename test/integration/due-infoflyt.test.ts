import { describe, expect, it } from 'vitest';
import type { ConcernContent, Infoflyt, Stance } from '../../shared/domain';
import { newDraft } from '../../shared/templates/drafts';
import { softDeleteDocument } from '../../main/db/repositories/documents-repo';
import type { Db } from '../../main/db/connection';
import { computeDueList } from '../../main/services/due-list';
import { documentFactsSource } from '../../main/services/due-list-facts';
import {
  addCase,
  brief,
  dueVaults,
  holdsFuturePlan,
  meeting,
  PKT6_RECIPIENTS,
  save,
  sent,
  TODAY,
} from '../support/due-list-vault';

/**
 * NO pkt 7: a finalised concern that found registration in Infoflyt needed (its NO pkt 5 position) asks
 * for the request to KDI until the case records it sent, or the registration made. Read from the stored
 * facts and from the documents alike.
 */

const vault = dueVaults();

function concern(stance: Stance): ConcernContent {
  const draft = newDraft('concern', { profile: 'NO', grading: { level: 'BEGRENSET' } });
  const positions = { ...draft.positions, infoflytRegistration: { stance, assessment: 'Vurdert (oppdiktet).' } };
  return { ...draft, raisedOn: '2026-03-01', positions };
}

/** A case whose concern report and start-up meeting are done, so only the Infoflyt item can show. */
function caseWithConcernDone(db: Db, infoflyt?: Infoflyt, reference = 'KOMPIS-DEMO-07'): string {
  const caseId = addCase(db, reference, infoflyt ? { infoflyt } : {});
  holdsFuturePlan(db, caseId);
  const report = save(
    db,
    caseId,
    'concern_report',
    newDraft('concern_report', { profile: 'NO', grading: { level: 'BEGRENSET' } }),
  );
  for (const recipient of PKT6_RECIPIENTS) sent(db, report.id, recipient, '2026-03-02');
  save(db, caseId, 'meeting', meeting('2026-03-03', [], undefined, 'startup'));
  return caseId;
}

/** The Infoflyt items of the case, the same from the stored facts and from the documents. */
function infoflytItems(db: Db, caseId: string) {
  const options = { profile: 'NO', today: TODAY, caseId } as const;
  const stored = computeDueList(db, options);
  expect(stored).toEqual(computeDueList(db, { ...options, source: documentFactsSource }));
  return brief(stored.filter((item) => item.kind === 'no_infoflyt_request'));
}

describe('the request for Infoflyt registration (NO pkt 7)', () => {
  it('is due from the day a finalised concern found registration needed, citing NO pkt 7', async () => {
    const db = await vault('NO');
    const caseId = caseWithConcernDone(db, { status: 'not_registered', requestReason: '' });
    save(db, caseId, 'concern', concern('needed'), { at: '2026-03-10T09:00:00.000Z' });
    expect(infoflytItems(db, caseId)).toEqual([['no_infoflyt_request', '2026-03-10', 'overdue']]);
    const [item] = computeDueList(db, { profile: 'NO', today: '2026-03-10', caseId }).filter(
      (i) => i.kind === 'no_infoflyt_request',
    );
    expect(item).toMatchObject({ status: 'due', citation: { text: 'NO pkt 7' }, documentKind: 'concern' });
  });

  it('is not asked by a draft, nor by a concern that found it not needed or already in place', async () => {
    const db = await vault('NO');
    const caseId = caseWithConcernDone(db);
    save(db, caseId, 'concern', concern('needed'), { status: 'draft' });
    save(db, caseId, 'concern', concern('not_needed'));
    save(db, caseId, 'concern', concern('already_in_place'));
    save(db, caseId, 'concern', concern('undecided'));
    expect(infoflytItems(db, caseId)).toEqual([]);
  });

  it('is answered once the case records the request sent or the registration made', async () => {
    const db = await vault('NO');
    const requested: Infoflyt = { status: 'requested', requestSentOn: '2026-03-11', requestReason: 'Kap. 1B.' };
    const registered: Infoflyt = { status: 'registered', requestReason: '', registeredOn: '2026-03-12' };
    for (const [i, infoflyt] of [requested, registered].entries()) {
      const caseId = caseWithConcernDone(db, infoflyt, `KOMPIS-DEMO-0${i}`);
      save(db, caseId, 'concern', concern('needed'));
      expect(infoflytItems(db, caseId)).toEqual([]);
    }
  });

  it('counts from the first final version that found it needed, and goes when a later one no longer does', async () => {
    const db = await vault('NO');
    const caseId = caseWithConcernDone(db);
    const first = save(db, caseId, 'concern', concern('not_needed'), { at: '2026-03-05T09:00:00.000Z' });
    const again = { id: first.id, at: '2026-03-08T09:00:00.000Z' };
    save(db, caseId, 'concern', concern('needed'), again);
    save(db, caseId, 'concern', concern('needed'), { ...again, at: '2026-03-12T09:00:00.000Z' });
    expect(infoflytItems(db, caseId)).toEqual([['no_infoflyt_request', '2026-03-08', 'overdue']]);
    // A draft does not change the position taken; a final version does.
    save(db, caseId, 'concern', concern('not_needed'), { ...again, status: 'draft', at: '2026-03-13T09:00:00.000Z' });
    expect(infoflytItems(db, caseId)).toHaveLength(1);
    save(db, caseId, 'concern', concern('not_needed'), { ...again, at: '2026-03-14T09:00:00.000Z' });
    expect(infoflytItems(db, caseId)).toEqual([]);
  });

  it('goes with a deleted concern', async () => {
    const db = await vault('NO');
    const caseId = caseWithConcernDone(db);
    const doc = save(db, caseId, 'concern', concern('needed'));
    expect(infoflytItems(db, caseId)).toHaveLength(1);
    softDeleteDocument(db, doc.id, 'feil sak', '2026-03-14T09:00:00.000Z');
    expect(infoflytItems(db, caseId)).toEqual([]);
  });
});
