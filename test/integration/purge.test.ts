import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import IndependentSqlite from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { openEncrypted } from '../../main/db/connection';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { offeredNoCourse } from '../../shared/rules/test-fixtures';
import { captureIo } from '../support/cli-harness';
import { completePlan } from '../support/document-fixtures';
import { decryptedPages } from '../support/sqlcipher-pages';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const apps = serviceApps();
const dirs = tempDirs('bro-purge-scan-');
afterAll(() => {
  apps.cleanup();
  dirs.cleanup();
});

/** Fictional markers that occur nowhere else: one per case, so a scan can tell them apart. */
const MARK = 'Zyxwortel';
const KEPT = 'Qupplebeholdt';
const MENTOR_PASSPHRASE = 'Mentorordningens eget lange passord';
const MENTOR_ID = '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21';

async function seedCase(s: ServiceApp, reference: string, marker: string, status: 'loslatt' | 'fengsel') {
  const { id: caseId } = await s.call('cases.create', {
    name: `${marker} Fiktivsen`,
    caseReference: reference,
    unit: 'Fiktivby fengsel',
    status,
    expectedReleaseDate: '2020-01-10',
    grading: { level: 'UGRADERT' },
  });
  const obs = await s.call('documents.create', { caseId, kind: 'observation', grading: { level: 'UGRADERT' } });
  if (obs.data.kind !== 'observation') throw new Error('not an observation');
  for (const text of [`${marker} delte propaganda`, `${marker} delte propaganda i luftegården`]) {
    await s.call('documents.save', { id: obs.document.id, content: { ...obs.data.content, seenOrHeard: text } });
  }
  return { caseId, reference, observationId: obs.document.id };
}

async function addMentorRecord(s: ServiceApp, caseId: string, marker: string) {
  const course = await s.call('documents.create', {
    caseId,
    kind: 'mentor_course',
    content: offeredNoCourse({ grading: { level: 'UGRADERT' } }),
  });
  await s.call('conversations.save', {
    courseId: course.document.id,
    mentorId: MENTOR_ID,
    place: 'Fiktivby fengsel, besøksrom 2',
    date: '2026-03-01',
    durationMinutes: 60,
    notes: `Samtale med ${marker} om skolegang`,
    grading: { level: 'UGRADERT' },
  });
}

/**
 * What is on disk, decrypted twice over: every page of the file and its WAL, free pages included
 * (decryptedPages, from the file format), and every row of every table as the independent
 * implementation (SQLite3 Multiple Ciphers, SQLCipher 4 mode, raw key) reads it from a copy.
 */
function decryptedVault(database: string, key: Buffer): Buffer {
  const copy = join(dirs.make(), 'copy.db');
  copyFileSync(database, copy);
  if (existsSync(`${database}-wal`)) copyFileSync(`${database}-wal`, `${copy}-wal`);
  const db = new IndependentSqlite(copy);
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const rows = tables.map((name) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()));
    expect(tables).toContain('cases');
    return Buffer.concat([decryptedPages(database, key), Buffer.from(rows.join('\n'), 'utf8')]);
  } finally {
    db.close();
  }
}

/** Case-blind: the full-text index keeps its terms in lower case. */
const contains = (bytes: Buffer, text: string) =>
  Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1').includes(Buffer.from(text.toLowerCase(), 'utf8'));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('purge of a case (issue 14, part 3)', () => {
  let s: ServiceApp;
  let key: Buffer;
  let target: Awaited<ReturnType<typeof seedCase>>;
  let database: string;

  beforeAll(async () => {
    s = await apps.make('NO');
    database = s.app.session.files.database;
    target = await seedCase(s, 'KOMPIS-ZX-0001', MARK, 'loslatt');
    await seedCase(s, 'KOMPIS-KEEP-0001', KEPT, 'fengsel');
    await s.call('compartment.create', { passphrase: MENTOR_PASSPHRASE });
    await addMentorRecord(s, target.caseId, MARK);
    const plan = await s.call('documents.create', {
      caseId: target.caseId,
      kind: 'follow_up_plan',
      content: completePlan(),
    });
    await s.call('documents.finalise', { id: plan.document.id });
    await s.call('distribution.record', {
      documentId: plan.document.id,
      version: 2,
      recipient: 'kdi',
      sentOn: '2026-03-02',
      format: 'signed_pdf',
      fileSha256: 'a'.repeat(64),
    });
    key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
  });

  it('previews what would go, by id and count, and changes nothing', async () => {
    const before = s.rows();
    const plan = await s.call('cases.purgePreview', { caseId: target.caseId });
    expect(plan).toMatchObject({
      caseReference: 'KOMPIS-ZX-0001',
      closedOn: '2020-01-10',
      dueOn: '2025-01-10',
      due: true,
      retentionYears: 5,
      versions: 6,
      distributions: 1,
      mentorRecords: 1,
    });
    expect(plan.documents.map((d) => d.kind).sort()).toEqual(['follow_up_plan', 'mentor_course', 'observation']);
    expect(plan.searchEntries).toBeGreaterThanOrEqual(2);
    expect(s.rows()).toEqual(before);
  });

  it('refuses, writing nothing, a confirmation that does not name the case, an unexpired period, a shut compartment', async () => {
    const before = s.rows();
    expect(
      await s.fail('cases.purge', {
        caseId: target.caseId,
        confirmReference: 'KOMPIS-ZX-9',
        reason: 'registered_in_error',
      }),
    ).toMatchObject({ code: 'invalid_input', messageKey: 'purge.error.confirmMismatch' });
    const open = (await s.call('cases.list', { query: KEPT })).rows[0]!;
    expect(
      await s.fail('cases.purge', {
        caseId: open.id,
        confirmReference: 'KOMPIS-KEEP-0001',
        reason: 'retention_expired',
      }),
    ).toMatchObject({ code: 'rule_blocked', messageKey: 'purge.error.caseOpen' });
    await s.call('compartment.lock', {});
    expect(
      await s.fail('cases.purge', {
        caseId: target.caseId,
        confirmReference: 'KOMPIS-ZX-0001',
        reason: 'retention_expired',
      }),
    ).toMatchObject({ code: 'forbidden', messageKey: 'purge.error.compartmentLocked' });
    expect(s.rows()).toEqual(before);
  });

  it('with the compartment shut, tells no one how many conversation records a case holds, in the preview or the refusal', async () => {
    // A second released case whose person has had no mentor talk: with the compartment shut it must look
    // the same as the case whose person has had one (NO pkt 13.10).
    const none = await seedCase(s, 'KOMPIS-ZX-0002', 'Ingensamtale', 'loslatt');
    await s.call('documents.create', {
      caseId: none.caseId,
      kind: 'mentor_course',
      content: offeredNoCourse({ grading: { level: 'UGRADERT' } }),
    });
    await s.call('compartment.lock', {});
    const before = s.rows();
    const shown = async (caseId: string, reference: string) => ({
      preview: await s.call('cases.purgePreview', { caseId }),
      refusal: await s.fail('cases.purge', { caseId, confirmReference: reference, reason: 'registered_in_error' }),
    });
    const one = await shown(target.caseId, 'KOMPIS-ZX-0001');
    const zero = await shown(none.caseId, 'KOMPIS-ZX-0002');
    for (const { preview, refusal } of [one, zero]) {
      expect(preview).toMatchObject({ mentorRecords: null, compartmentNeeded: true });
      expect(refusal).toEqual(zero.refusal);
    }
    expect(zero.refusal).toMatchObject({ code: 'forbidden', messageKey: 'purge.error.compartmentLocked' });
    expect(s.rows()).toEqual(before);
    // With the compartment open, the mentor scheme sees the counts.
    await s.call('compartment.unlock', { passphrase: MENTOR_PASSPHRASE });
    expect((await s.call('cases.purgePreview', { caseId: target.caseId })).mentorRecords).toBe(1);
    expect((await s.call('cases.purgePreview', { caseId: none.caseId })).mentorRecords).toBe(0);
  });

  it('leaves none of the case in the decrypted file, its WAL or the search index; other cases stay', async () => {
    s.app.session.current().db.pragma('wal_checkpoint(TRUNCATE)');
    const beforePurge = decryptedVault(database, key);
    expect(contains(beforePurge, MARK)).toBe(true); // the scan can see the marker while the case exists

    await s.call('compartment.unlock', { passphrase: MENTOR_PASSPHRASE });
    const { purged, overwritten } = await s.call('cases.purge', {
      caseId: target.caseId,
      confirmReference: 'KOMPIS-ZX-0001',
      reason: 'retention_expired',
    });
    expect(purged.mentorRecords).toBe(1);
    expect(overwritten).toBe(true);
    expect(existsSync(`${database}-wal`) ? statSync(`${database}-wal`).size : 0).toBe(0);
    expect((await s.call('search.query', { text: MARK })).hits).toEqual([]);
    expect((await s.call('search.query', { text: KEPT })).hits.length).toBeGreaterThan(0);
    expect(await s.fail('cases.get', { id: target.caseId })).toMatchObject({ code: 'not_found' });

    const audit = (await s.call('audit.list', {})).entries;
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'delete',
        objectType: 'case_purged.retention_expired',
        objectId: target.caseId,
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ objectType: 'document_purged', objectId: target.observationId }),
    );

    const afterPurge = decryptedVault(database, key);
    expect(contains(afterPurge, MARK)).toBe(false);
    expect(contains(afterPurge, 'KOMPIS-ZX-0001')).toBe(false);
    expect(contains(afterPurge, KEPT)).toBe(true);
    s.app.session.lock();
    const afterLock = decryptedVault(database, key);
    expect(contains(afterLock, MARK)).toBe(false);
  });
});

describe('purge while another connection reads the vault', () => {
  /** A second connection on the file in the middle of a read, as another bro or a long check is. */
  function reader(database: string, key: Buffer) {
    const db = openEncrypted(database, key, 'quick');
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM cases').get();
    return db;
  }

  it('refuses while another connection holds a read, changing nothing, and purges once it has ended', async () => {
    const s = await apps.make('NO');
    const database = s.app.session.files.database;
    const target = await seedCase(s, 'KOMPIS-ZX-0003', MARK, 'loslatt');
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    const other = reader(database, key);
    const input = { caseId: target.caseId, confirmReference: 'KOMPIS-ZX-0003', reason: 'retention_expired' as const };
    try {
      const before = s.rows();
      expect(await s.fail('cases.purge', input)).toMatchObject({ code: 'busy', messageKey: 'purge.error.otherReader' });
      expect(s.rows()).toEqual(before);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(await s.call('cases.purge', input)).toMatchObject({ overwritten: true });
    expect(existsSync(`${database}-wal`) ? statSync(`${database}-wal`).size : 0).toBe(0);
    expect(contains(decryptedVault(database, key), MARK)).toBe(false);
  });
});

describe('bro purge', () => {
  it('lists what would go without --yes and leaves the file byte for byte; purges with --yes', async () => {
    const s = await apps.make('NO');
    await seedCase(s, 'KOMPIS-ZX-0002', MARK, 'loslatt');
    const database = s.app.session.files.database;
    s.app.session.lock();
    const env = { BRO_PASSPHRASE: PASSPHRASE };
    const hash = sha256(database);

    const dry = captureIo(env);
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0002', '--json'], dry.io)).toBe(0);
    expect(JSON.parse(dry.out.join(''))).toMatchObject({ purged: false, plan: { versions: 3, due: true } });
    const text = captureIo(env);
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0002'], text.io)).toBe(0);
    expect(text.out.join('\n')).toContain('Nothing was changed');
    expect(sha256(database)).toBe(hash);
    expect(existsSync(`${database}-wal`)).toBe(false);

    const yes = captureIo(env);
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0002', '--yes'], yes.io)).toBe(0);
    expect(yes.out.join('\n')).toContain('Case KOMPIS-ZX-0002 purged');
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    expect(contains(decryptedVault(database, key), MARK)).toBe(false);

    const gone = captureIo(env);
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0002'], gone.io)).toBe(1);
    expect(gone.err.join('\n')).toContain('No case has that reference');
  });

  it('asks which case is meant when a deleted case and a live one have had the reference, and purges the one named', async () => {
    const s = await apps.make('NO');
    const { caseId: deleted } = await seedCase(s, 'KOMPIS-ZX-0005', MARK, 'fengsel');
    await s.call('cases.delete', { id: deleted, reason: 'Registrert ved en feil' });
    const { caseId: live } = await seedCase(s, 'KOMPIS-ZX-0005', KEPT, 'fengsel');
    const database = s.app.session.files.database;
    s.app.session.lock();
    const hash = sha256(database);
    const env = { BRO_PASSPHRASE: PASSPHRASE, BRO_COMPARTMENT_PASSPHRASE: 'ikke i bruk her' };
    const ask = captureIo(env);
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0005', '--yes'], ask.io)).toBe(1);
    expect(ask.err.join('\n')).toContain('2 cases have had this reference');
    expect(ask.err.join('\n')).toContain(live);
    expect(ask.err.join('\n')).toContain(deleted);
    expect(sha256(database)).toBe(hash);
    // Named by its id; the compartment passphrase set but not needed changes nothing.
    const args = ['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0005', '--id', deleted];
    const plan = captureIo(env);
    expect(await runCli([...args, '--json'], plan.io)).toBe(0);
    expect(JSON.parse(plan.out.join(''))).toMatchObject({ plan: { caseId: deleted } });
    const yes = captureIo(env);
    expect(await runCli([...args, '--yes', '--reason', 'registered_in_error'], yes.io)).toBe(0);
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    const left = decryptedVault(database, key);
    expect(contains(left, MARK)).toBe(false);
    expect(contains(left, KEPT)).toBe(true);
  });

  it('refuses before unlocking when mentor records need the compartment, leaving the file unchanged', async () => {
    const s = await apps.make('NO');
    const { caseId } = await seedCase(s, 'KOMPIS-ZX-0003', MARK, 'loslatt');
    await seedCase(s, 'KOMPIS-KEEP-0003', KEPT, 'fengsel');
    await s.call('compartment.create', { passphrase: MENTOR_PASSPHRASE });
    await addMentorRecord(s, caseId, MARK);
    const database = s.app.session.files.database;
    s.app.session.lock();
    const hash = sha256(database);
    const run = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0003', '--yes'], run.io)).toBe(1);
    expect(run.err.join('\n')).toContain('unlock the compartment first');
    expect(sha256(database)).toBe(hash);

    const early = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    const args = [
      'purge',
      '--vault',
      s.vaultDir,
      '--case',
      'KOMPIS-KEEP-0003',
      '--reason',
      'retention_expired',
      '--yes',
    ];
    expect(await runCli(args, early.io)).toBe(1);
    expect(early.err.join('\n')).toContain('The case is open and cannot be purged');
    expect(sha256(database)).toBe(hash);

    const withMentor = captureIo({ BRO_PASSPHRASE: PASSPHRASE, BRO_COMPARTMENT_PASSPHRASE: MENTOR_PASSPHRASE });
    expect(await runCli(['purge', '--vault', s.vaultDir, '--case', 'KOMPIS-ZX-0003', '--yes'], withMentor.io)).toBe(0);
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    expect(contains(decryptedVault(database, key), MARK)).toBe(false);
  });
});
