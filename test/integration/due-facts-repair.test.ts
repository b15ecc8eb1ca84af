// Issue 15 item 2 against an insider: someone who edits vault.db with the passphrase can hide a due
// item by changing its stored due fact, which is all the due list reads. The full check after unlock
// (in the integrity worker, as the app runs it) and `bro vault check` hold every fact against the
// documents; the app works the disagreeing facts out again, logs an alarm and shows it.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/audit/audit-log';
import { runCli } from '../../main/cli/run';
import type { Db } from '../../main/db/connection';
import { generateDemo } from '../../main/demo/generate-demo';
import { checkDueFacts } from '../../main/services/due-facts-check';
import { computeDueList, type DueListEntry } from '../../main/services/due-list';
import { documentFactsSource } from '../../main/services/due-list-facts';
import { MAX_NAMED_DOCUMENTS } from '../../main/vault/integrity-check';
import { VaultSession } from '../../main/vault/vault-session';
import { captureIo } from '../support/cli-harness';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-due-facts-repair-');
afterAll(() => dirs.cleanup());

const TODAY = '2026-03-15';
const now = () => new Date(`${TODAY}T10:00:00.000Z`);
const dueList = (db: Db) => computeDueList(db, { profile: 'NO', today: TODAY });
const alarms = (db: Db) =>
  listAudit(db, { limit: 20 })
    .filter((entry) => entry.action === 'audit_alarm')
    .map((entry) => [entry.objectType, entry.objectId]);

/** A NO vault with demo cases, locked, and the open meeting action an insider will hide. */
async function demoVault(cases: number): Promise<{ dir: string; session: VaultSession; target: DueListEntry }> {
  const dir = join(dirs.make(), 'vault');
  const session = new VaultSession({ dir, kdfCost: FAST_KDF, now });
  await session.create('NO', PASSPHRASE);
  const { db } = session.current();
  generateDemo(db, { profile: 'NO', today: TODAY, cases });
  const target = dueList(db).find((item) => item.kind === 'no_meeting_action' && item.status === 'overdue');
  expect(target?.documentId).toBeDefined();
  session.lock();
  return { dir, session, target: target! };
}

/** As an insider with the passphrase: the session's own connection, opened without the check, then locked. */
async function asInsider(session: VaultSession, edit: (db: Db) => void): Promise<void> {
  const insider = new VaultSession({ dir: session.files.dir, kdfCost: FAST_KDF, healthCheck: false });
  await insider.unlock(PASSPHRASE);
  edit(insider.current().db);
  insider.lock();
}

const hideActions = (documentId: string) => (db: Db) =>
  db
    .prepare(`UPDATE due_facts SET facts = json_set(facts, '$.actions', json('[]')) WHERE document_id = ?`)
    .run([documentId]);

describe('due facts an insider edited', () => {
  it('are found by the check after unlock, worked out again from the documents, logged and shown', async () => {
    const { session, target } = await demoVault(20);
    await asInsider(session, hideActions(target.documentId!));

    await session.unlock(PASSPHRASE);
    const db = session.current().db;
    // Until the check has run, the list is read from the edited facts: the action is missing.
    expect(dueList(db)).not.toContainEqual(target);
    expect(await session.settledHealth()).toEqual({ state: 'passed' });
    expect(session.status().repairs).toEqual(['dueFacts']);
    expect(alarms(db)).toContainEqual(['due_facts', 'mismatch:1']);
    expect(checkDueFacts(db)).toEqual({ ok: true, mismatches: [] });
    expect(dueList(db)).toContainEqual(target);
    expect(dueList(db)).toEqual(computeDueList(db, { profile: 'NO', today: TODAY, source: documentFactsSource }));

    // Put right for good: the next unlock finds nothing, logs nothing and shows nothing.
    session.lock();
    await session.unlock(PASSPHRASE);
    await session.settledHealth();
    expect(session.status().repairs).toBeUndefined();
    expect(alarms(session.current().db)).toHaveLength(1);
    session.lock();
  });

  it('leave a vault whose facts agree as it was: no alarm, nothing shown', async () => {
    const { session } = await demoVault(5);
    await session.unlock(PASSPHRASE);
    await session.settledHealth();
    expect(session.status().repairs).toBeUndefined();
    expect(alarms(session.current().db)).toEqual([]);
    session.lock();
  });

  it(`are all worked out again when more than ${MAX_NAMED_DOCUMENTS} disagree (the check names that many)`, async () => {
    const { session } = await demoVault(40);
    let documents = 0;
    await asInsider(session, (db) => {
      documents = db.prepare('SELECT count(*) FROM due_facts', { pluck: true }).get() as number;
      db.prepare('DELETE FROM due_facts').run();
    });
    expect(documents).toBeGreaterThan(MAX_NAMED_DOCUMENTS);
    await session.unlock(PASSPHRASE);
    const db = session.current().db;
    // Every item the documents give is gone (a release meeting, read from the case, stays).
    expect(dueList(db).filter((item) => item.documentId !== undefined)).toEqual([]);
    await session.settledHealth();
    expect(session.status().repairs).toEqual(['dueFacts']);
    expect(alarms(db)).toContainEqual(['due_facts', `mismatch:${documents}`]);
    expect(checkDueFacts(db).ok).toBe(true);
    expect(dueList(db)).toEqual(computeDueList(db, { profile: 'NO', today: TODAY, source: documentFactsSource }));
    session.lock();
  });

  it('make `bro vault check` exit 1 and say how many documents disagree, changing nothing', async () => {
    const { dir, session, target } = await demoVault(5);
    const sound = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', dir, '--json'], sound.io)).toBe(0);
    expect(JSON.parse(sound.out[0] ?? '{}')).toMatchObject({ ok: true, dueFacts: { mismatches: 0 } });

    await asInsider(session, hideActions(target.documentId!));
    const json = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', dir, '--json'], json.io)).toBe(1);
    expect(JSON.parse(json.out[0] ?? '{}')).toMatchObject({ ok: false, integrity: 'ok', dueFacts: { mismatches: 1 } });
    const text = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', dir], text.io)).toBe(1);
    expect(text.err.join('\n')).toContain('The due facts of 1 document do not match the documents themselves');
    // The check only reads: the edited fact is still there for the app to find.
    const again = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', dir, '--json'], again.io)).toBe(1);
  });
});
