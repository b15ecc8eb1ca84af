// Issue 15 item 1 and issue 17 item 4: unlock opens in O(1) and the full integrity check runs after it
// in a worker (damage found a moment later, then no more writes); refusals named for what they are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from '@signalapp/sqlcipher';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../main/audit/audit-log';
import { readThrottle } from '../../main/vault/unlock-throttle';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { integrityChecksRunning, integrityChecksSettled, startHealthCheck } from '../../main/vault/vault-health';
import type { VaultHealthView } from '../../shared/ipc/vault';
import { runBro } from '../support/cli-harness';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { APP_HEALTH_CHECK_DELAY_MS } from '../../main/services/registry';

const apps = serviceApps();
const dirs = tempDirs();
afterEach(() => {
  apps.cleanup();
  dirs.cleanup();
});

const OLA = {
  name: 'Ola Testmann',
  birthDate: '1990-04-01',
  caseReference: 'KOMPIS-300001',
  unit: 'Fiktivby fengsel',
  status: 'fengsel',
  expectedReleaseDate: '2027-01-15',
  grading: { level: 'BEGRENSET' },
} as const;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const files = (dir: string) => readdirSync(dir).map((f) => [f, sha256(join(dir, f))]);

/** Polls vault.health as the UI does until the check has an answer. */
async function settledHealth(s: ServiceApp): Promise<VaultHealthView> {
  for (;;) {
    const health = await s.call('vault.health', {});
    if (health.state !== 'pending') return health;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A vault with a table of filler rows, checkpointed into vault.db, locked. */
async function filledVault(s: ServiceApp): Promise<void> {
  const { db } = s.app.session.current();
  db.exec(
    'CREATE TABLE filler (t TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(64)) FROM n;',
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  await s.call('vault.lock', {});
}

function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
}

describe('the integrity check after unlock', () => {
  it('a check whose vault locked before its worker started does not touch the file', async () => {
    const dir = dirs.make();
    const run = startHealthCheck({
      path: join(dir, 'vault.db'),
      dataKey: Buffer.alloc(32),
      vaultId: '5a0c0c6e-4a7e-4f7e-9d55-0a4c4a6f1b11',
    });
    expect(await run.result).toEqual({ failure: 'cancelled' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers unlock before the full check, which then passes off the main thread', async () => {
    const s = await apps.make('NO');
    await filledVault(s);
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    // Only microtasks ran since unlock: the worker's answer cannot have arrived yet.
    expect(s.app.session.healthState()).toEqual({ state: 'pending' });
    expect(await settledHealth(s)).toEqual({ state: 'passed' });
    await s.call('cases.create', OLA);
    await s.call('vault.lock', {});
    expect(await s.call('vault.health', {})).toEqual({ state: 'locked' });
  });

  it("starts the app's check only after the first screen's time (APP_HEALTH_CHECK_DELAY_MS); a lock before that starts none", async () => {
    const s = await apps.make('NO');
    await filledVault(s);
    const unlocked = performance.now();
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await settledHealth(s)).toEqual({ state: 'passed' });
    expect(performance.now() - unlocked).toBeGreaterThanOrEqual(APP_HEALTH_CHECK_DELAY_MS);

    await s.call('vault.lock', {});
    // The first check's worker exits a moment after its answer.
    await integrityChecksSettled();
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(integrityChecksRunning()).toBe(true);
    await s.call('vault.lock', {});
    // Nothing waits to start, and nothing started: the lock came within the delay.
    expect(integrityChecksRunning()).toBe(false);
  });

  it('locking during the check never terminates its thread (that aborts the process); the check ends on its own', async () => {
    // Terminating a thread inside a native SQLite call ends the whole process with "FATAL ERROR …
    // napi_throw" (seen when a vault locked mid-check): the worker must run to its end instead.
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      const s = await apps.make('NO');
      await filledVault(s);
      await s.call('vault.unlock', { passphrase: PASSPHRASE });
      expect(integrityChecksRunning()).toBe(true);
      await s.call('vault.lock', {});
      await integrityChecksSettled();
      expect(integrityChecksRunning()).toBe(false);
      expect(terminate).not.toHaveBeenCalled();
      // The vault opens again and its next check answers.
      await s.call('vault.unlock', { passphrase: PASSPHRASE });
      expect(await settledHealth(s)).toEqual({ state: 'passed' });
    } finally {
      terminate.mockRestore();
    }
  });

  it('finds a damaged page after unlock, shows it, and refuses every write after that with nothing written', async () => {
    const s = await apps.make('NO');
    await filledVault(s);
    flipByte(join(s.vaultDir, 'vault.db'), 4096 * 5 + 100);
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await settledHealth(s)).toEqual({ state: 'failed', check: 'cipher_integrity_check' });
    const before = files(s.vaultDir);
    const refused = await s.fail('cases.create', OLA);
    expect(refused).toMatchObject({
      code: 'vault_corrupt',
      messageKey: 'error.vault_damaged_no_writes',
      params: { check: 'cipher_integrity_check' },
    });
    expect(files(s.vaultDir)).toEqual(before);
    expect((await s.call('cases.list', { sort: 'reference' })).rows).toEqual([]);
  });

  it('walks the whole audit chain in the worker: an entry rewritten far back is shown and logged as an alarm', async () => {
    const s = await apps.make('NO');
    for (const n of [1, 2, 3]) await s.call('cases.create', { ...OLA, caseReference: `KOMPIS-30000${n}` });
    const { db } = s.app.session.current();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'print' WHERE seq = 2").run();
    await s.call('vault.lock', {});
    const unlocked = await s.call('vault.unlock', { passphrase: PASSPHRASE });
    // The O(1) check at unlock holds only the head and the anchor: both agree.
    expect(unlocked.auditFindings).toBeUndefined();
    expect(await settledHealth(s)).toEqual({ state: 'passed' });
    expect((await s.call('vault.status', {})).auditFindings).toEqual(['rewritten']);
    const alarm = listAudit(s.app.session.current().db, { limit: 1 })[0];
    expect(alarm).toMatchObject({ action: 'audit_alarm', objectId: 'rewritten' });
  });
});

describe('refusals named for what they are', () => {
  it('a key file with a damaged wrap is damaged, not a wrong passphrase: no delay, and the attempt reaches the log', async () => {
    const s = await apps.make('NO');
    await s.call('vault.lock', {});
    const keys = join(s.vaultDir, 'vault-keys.json');
    const original = readFileSync(keys, 'utf8');
    const keyFile = JSON.parse(original) as { wraps: { passphrase: { tag: string } } };
    const tag = keyFile.wraps.passphrase.tag;
    keyFile.wraps.passphrase.tag = `${tag[0] === 'A' ? 'B' : 'A'}${tag.slice(1)}`;
    writeFileSync(keys, JSON.stringify(keyFile));
    for (let i = 0; i < 3; i += 1) {
      const error = await s.fail('vault.unlock', { passphrase: PASSPHRASE });
      expect(error).toMatchObject({ messageKey: 'error.vault_keys_damaged', params: { part: 'digest' } });
    }
    const status = await s.call('vault.status', {});
    expect(status.retryAfterSeconds ?? 0).toBe(0);
    expect(readThrottle(join(s.vaultDir, 'unlock-attempts.json'))).toMatchObject({ failures: 0 });

    writeFileSync(keys, original);
    const cli = runBro(['vault', 'check', '--vault', s.vaultDir], { BRO_PASSPHRASE: 'ikke passordfrasen her' });
    expect(cli.code).toBe(1);
    // The command line's failure waits out its one-second delay on the app's clock.
    s.setNow(new Date(Date.now() + 5000).toISOString());
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    const failed = listAudit(s.app.session.current().db).filter((e) => e.action === 'unlock_failed');
    expect(failed.map((e) => e.objectId).sort()).toEqual([
      'app:vault_keys_damaged',
      'app:vault_keys_damaged',
      'app:vault_keys_damaged',
      'cli:wrong_passphrase',
    ]);
    expect(JSON.stringify(failed)).not.toContain('ikke passordfrasen');
  }, 180_000);

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2), 'json'],
    ['with an IV of the wrong length', (text: string) => text.replace(/"iv": "[^"]+"/, '"iv": "AAAA"'), 'fields'],
  ])('a key file %s is damaged, with no delay added', async (_, damage, part) => {
    const s = await apps.make('DK');
    await s.call('vault.lock', {});
    const keys = join(s.vaultDir, 'vault-keys.json');
    writeFileSync(keys, damage(readFileSync(keys, 'utf8')));
    const error = await s.fail('vault.unlock', { passphrase: PASSPHRASE });
    expect(error).toMatchObject({ code: 'vault_corrupt', messageKey: 'error.vault_keys_damaged', params: { part } });
    expect(readThrottle(join(s.vaultDir, 'unlock-attempts.json'))?.failures ?? 0).toBe(0);
  });

  it('a lock another connection holds for a moment (the last check closing its WAL) is waited out, not "busy"', async () => {
    const s = await apps.make('NO');
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    await s.call('vault.lock', {});
    // Another thread holds the file exclusively for 400 ms, as a closing connection does while it
    // checkpoints; unlock starts while it holds it.
    const holder = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require('@signalapp/sqlcipher').default;
       const db = new Database(workerData.path);
       db.pragma(workerData.keyPragma);
       db.pragma('locking_mode = EXCLUSIVE');
       db.exec('BEGIN EXCLUSIVE');
       parentPort.postMessage('held');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
       db.exec('COMMIT');
       db.close();`,
      {
        eval: true,
        workerData: { path: join(s.vaultDir, 'vault.db'), keyPragma: `key = "x'${key.toString('hex')}'"` },
      },
    );
    key.fill(0);
    await new Promise((resolve, reject) => {
      holder.once('message', resolve);
      holder.once('error', reject);
    });
    const status = await s.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(status.state).toBe('unlocked');
    await new Promise((resolve) => holder.once('exit', resolve));
  });

  it('a database another connection holds is busy, not "key rejected"; nothing is saved and it opens once free', async () => {
    const s = await apps.make('NO');
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    await s.call('vault.lock', {});
    const other = new Database(join(s.vaultDir, 'vault.db'));
    other.pragma(`key = "x'${key.toString('hex')}'"`);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const before = files(s.vaultDir);
    const error = await s.fail('vault.unlock', { passphrase: PASSPHRASE });
    expect(error).toMatchObject({ code: 'busy', messageKey: 'error.storage.busy.nothing' });
    expect(files(s.vaultDir).filter(([f]) => f !== 'unlock-attempts.json')).toEqual(before);
    other.exec('COMMIT');
    other.close();
    key.fill(0);
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    const failed = listAudit(s.app.session.current().db).filter((e) => e.action === 'unlock_failed');
    expect(failed.map((e) => e.objectId)).toEqual(['app:storage.busy']);
  });

  it('a key rotation while another connection holds the vault open is refused as "in use", and the old key still opens it', async () => {
    const s = await apps.make('NO');
    await s.call('cases.create', OLA);
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    const other = new Database(join(s.vaultDir, 'vault.db'));
    other.pragma(`key = "x'${key.toString('hex')}'"`);
    other.prepare('SELECT count(*) FROM cases').get();
    key.fill(0);
    const error = await s.fail('vault.rotateKey', { current: PASSPHRASE, next: 'Et nytt og langt passord 2027' });
    expect(error).toMatchObject({ code: 'conflict', messageKey: 'security.rotate.vaultInUse' });
    other.close();
    expect((await s.call('cases.list', { sort: 'reference' })).rows).toHaveLength(1);
    await s.call('vault.lock', {});
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('bro vault check runs the full check and exits 1 naming the damage; bro list does not pay for it', async () => {
    const s = await apps.make('NO');
    await filledVault(s);
    flipByte(join(s.vaultDir, 'vault.db'), 4096 * 5 + 100);
    const before = files(s.vaultDir);
    const listed = runBro(['list', '--vault', s.vaultDir, '--json'], { BRO_PASSPHRASE: PASSPHRASE });
    expect(listed.code).toBe(0);
    const checked = runBro(['vault', 'check', '--vault', s.vaultDir, '--json'], { BRO_PASSPHRASE: PASSPHRASE });
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: false, integrity: 'cipher_integrity_check' });
    const text = runBro(['vault', 'check', '--vault', s.vaultDir], { BRO_PASSPHRASE: PASSPHRASE });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('cipher_integrity_check');
    expect(files(s.vaultDir)).toEqual(before);
  }, 300_000);
});
