import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/domain';
import { softDeleteCase } from '../../main/db/repositories/cases-repo';
import { getDocument } from '../../main/db/repositories/documents-repo';
import type { Db } from '../../main/db/connection';
import { generateDemo } from '../../main/demo/generate-demo';
import { computeDueList, type DueListEntry } from '../../main/services/due-list';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-due-demo-');
const sessions: VaultSession[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.lock());
  dirs.cleanup();
});

const TODAY = '2026-03-15';

async function demoVault(profile: Profile): Promise<Db> {
  const session = new VaultSession({ dir: dirs.make(), kdfCost: { logN: 10, r: 8, p: 1 } });
  await session.create(profile, PASSPHRASE);
  sessions.push(session);
  generateDemo(session.current().db, { profile, today: TODAY });
  return session.current().db;
}

const RANK = { overdue: 0, due: 1, upcoming: 2 } as const;
function expectOrdered(items: readonly DueListEntry[]) {
  const keys = items.map((i) => `${RANK[i.status]} ${i.dueDate}`);
  expect(keys).toEqual([...keys].sort());
}

describe('due list over the demo vault', () => {
  it('shows a newcomer overdue and due items of every NO kind, each pointing to its case and document', async () => {
    const db = await demoVault('NO');
    const items = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['overdue', 'due', 'upcoming']));
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set([
        'no_meeting_action',
        'no_next_meeting',
        'no_release_meeting',
        'no_plan_copy_kdi',
        'no_plan_copy_region',
        // Issue 13: the case events the demo leaves outstanding (NO pkt 9, 10, 11, 12).
        'no_agency_problem_report',
        'no_arrival_meeting',
        'no_future_plan',
        'no_visit_routine',
        // NO pkt 7: a finalised concern that found Infoflyt registration needed, no request recorded.
        'no_infoflyt_request',
      ]),
    );
    for (const item of items.filter((i) => i.documentId !== undefined)) {
      expect(getDocument(db, item.documentId ?? '')).toMatchObject({ caseId: item.caseId, kind: item.documentKind });
    }
    // The release meeting's 30 days are Bro's reading of NO pkt 12, and say so.
    expect(new Set(items.map((i) => i.citation.text))).toEqual(
      new Set(['NO pkt 7', 'NO pkt 9', 'NO pkt 10', 'NO pkt 11', 'NO pkt 12', 'Bro (NO pkt 12)']),
    );
    expectOrdered(items);
  });

  it('shows DK monthly reports due today and overdue, missed status reports and missed quarterly meetings', async () => {
    const db = await demoVault('DK');
    const items = computeDueList(db, { profile: 'DK', today: TODAY });
    const seen = new Set(items.map((i) => `${i.kind}:${i.status}`));
    for (const expected of [
      'dk_monthly_report:due',
      'dk_monthly_report:overdue',
      'dk_quarterly_report:overdue',
      'dk_quarterly_meeting:due',
      'dk_quarterly_meeting:overdue',
    ]) {
      expect(seen).toContain(expected);
    }
    expect(items.every((i) => i.documentKind === 'mentor_course' && i.citation.source === 'DK')).toBe(true);
    expectOrdered(items);
  });

  it('gives for one case exactly that case’s part of the vault list, and drops a deleted case', async () => {
    const db = await demoVault('NO');
    const all = computeDueList(db, { profile: 'NO', today: TODAY });
    const caseId = all[0]?.caseId ?? '';
    expect(computeDueList(db, { profile: 'NO', today: TODAY, caseId })).toEqual(all.filter((i) => i.caseId === caseId));
    softDeleteCase(db, caseId, 'demo', `${TODAY}T12:00:00.000Z`);
    const after = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(after).toEqual(all.filter((i) => i.caseId !== caseId));
  });
});
