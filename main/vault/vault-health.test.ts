// The full integrity check's worker as the vault session starts it: what a real worker answers for a
// real vault, what a worker that cannot start, crashes, answers nonsense or ends silently comes to, and
// the health each answer means for the open vault.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import { readKeyFile } from './key-file';
import { recoverDataKey } from './recover-data-key';
import {
  bundledWorkerScript,
  healthOf,
  integrityChecksRunning,
  integrityChecksSettled,
  startHealthCheck,
} from './vault-health';
import { VaultSession } from './vault-session';

const dirs = tempDirs('bro-vault-health-');
afterEach(() => dirs.cleanup());

/** A locked vault with its data key, as the session would lend it to the check. */
async function lockedVault() {
  const dir = dirs.make();
  const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
  await session.create('NO', PASSPHRASE);
  session.lock();
  const keyFile = readKeyFile(join(dir, 'vault-keys.json'));
  return {
    path: join(dir, 'vault.db'),
    dataKey: await recoverDataKey(dir, { passphrase: PASSPHRASE }),
    vaultId: keyFile.vaultId,
    anchor: keyFile.auditAnchor,
  };
}

/**
 * Runs `run` with the check's worker script replaced by `script` (the variable the test run uses for
 * its prebuilt worker), so a worker that misbehaves can be started for real.
 */
async function withWorkerScript<T>(script: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.BRO_TEST_INTEGRITY_WORKER;
  process.env.BRO_TEST_INTEGRITY_WORKER = script;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.BRO_TEST_INTEGRITY_WORKER;
    else process.env.BRO_TEST_INTEGRITY_WORKER = before;
  }
}

/** A worker script in a temp folder. */
function workerScript(source: string): string {
  const path = join(dirs.make(), 'worker.mjs');
  writeFileSync(path, source);
  return path;
}

describe('the integrity check in its worker', () => {
  it('passes a sound vault with its audit chain walked, and leaves the session its own key', async () => {
    const vault = await lockedVault();
    const key = Buffer.from(vault.dataKey);
    const run = startHealthCheck(vault);
    const outcome = await run.result;
    expect(outcome).toEqual({
      report: {
        integrity: 'ok',
        audit: { ok: true, entries: expect.any(Number) },
        dueFacts: { mismatches: 0, documents: [] },
      },
    });
    expect(healthOf(outcome)).toEqual({ state: 'passed' });
    // The worker was lent a copy: the session's key is still whole.
    expect(vault.dataKey.equals(key)).toBe(true);
  });

  it('reads a key the file refuses as damage: failed, "unreadable"', async () => {
    const vault = await lockedVault();
    const outcome = await startHealthCheck({ ...vault, dataKey: Buffer.alloc(32, 7) }).result;
    expect(outcome).toEqual({ failure: 'damaged' });
    expect(healthOf(outcome)).toEqual({ state: 'failed', check: 'unreadable' });
  });

  it('a worker that cannot start: unchecked ("worker"), nothing left running, cancel still safe', async () => {
    const vault = await lockedVault();
    await integrityChecksSettled();
    // Not a path a worker can be started from: the Worker constructor throws.
    const run = await withWorkerScript('no-such-worker.mjs', async () => startHealthCheck(vault));
    expect(integrityChecksRunning()).toBe(false);
    run.cancel();
    const outcome = await run.result;
    expect(outcome).toEqual({ failure: 'worker' });
    expect(healthOf(outcome)).toEqual({ state: 'unchecked', reason: 'worker' });
  });

  it('a worker that fails to load: unchecked ("worker")', async () => {
    const vault = await lockedVault();
    const missing = join(dirs.make(), 'gone.mjs');
    const outcome = await withWorkerScript(missing, () => startHealthCheck(vault).result);
    expect(outcome).toEqual({ failure: 'worker' });
  });

  it('a worker that answers something that is no answer: unchecked ("worker")', async () => {
    const vault = await lockedVault();
    const script = workerScript(
      "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ report: { integrity: 'fine' } });\n",
    );
    const outcome = await withWorkerScript(script, () => startHealthCheck(vault).result);
    expect(outcome).toEqual({ failure: 'worker' });
  });

  it('a worker that ends without answering: unchecked ("worker")', async () => {
    const vault = await lockedVault();
    const outcome = await withWorkerScript(workerScript('// answers nothing\n'), () => startHealthCheck(vault).result);
    expect(outcome).toEqual({ failure: 'worker' });
  });
});

describe('a check started later (the app starts it after the first screen)', () => {
  /** A worker script that leaves a mark when it runs, then answers nothing. */
  const markingWorker = () => {
    const mark = join(dirs.make(), 'ran');
    const script = workerScript(
      `import { existsSync, writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(mark)}, 'x');\n`,
    );
    return { mark, script };
  };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('copies the key at once: the session overwriting its own key meanwhile does not matter', async () => {
    const vault = await lockedVault();
    const run = startHealthCheck(vault, 50);
    vault.dataKey.fill(0);
    expect(await run.result).toEqual({
      report: {
        integrity: 'ok',
        audit: { ok: true, entries: expect.any(Number) },
        dueFacts: { mismatches: 0, documents: [] },
      },
    });
  });

  it('counts as running while it waits, so a process waiting for its checks waits for it', async () => {
    const vault = await lockedVault();
    await integrityChecksSettled();
    let answered = false;
    void startHealthCheck(vault, 50).result.then(() => (answered = true));
    expect(integrityChecksRunning()).toBe(true);
    await integrityChecksSettled();
    expect(answered).toBe(true);
    expect(integrityChecksRunning()).toBe(false);
  });

  it('cancelled before it starts (a lock), never starts a worker and ends at once', async () => {
    const vault = await lockedVault();
    await integrityChecksSettled();
    const { mark, script } = markingWorker();
    await withWorkerScript(script, async () => {
      const run = startHealthCheck(vault, 50);
      run.cancel();
      expect(integrityChecksRunning()).toBe(false);
      expect(await run.result).toEqual({ failure: 'cancelled' });
      await wait(150);
    });
    expect(existsSync(mark)).toBe(false);
    // The same worker, not cancelled, does run: the mark's absence is the cancel's doing.
    await withWorkerScript(script, async () => {
      await startHealthCheck(vault, 50).result;
    });
    expect(existsSync(mark)).toBe(true);
  });
});

describe('the health an answer means', () => {
  it('is failed, naming the check, for damage; passed for a sound file', () => {
    expect(healthOf({ report: { integrity: 'ok' } })).toEqual({ state: 'passed' });
    expect(healthOf({ report: { integrity: 'quick_check' } })).toEqual({ state: 'failed', check: 'quick_check' });
    expect(healthOf({ failure: 'damaged' })).toEqual({ state: 'failed', check: 'unreadable' });
  });

  it('is unchecked, with the reason, when the check did not run', () => {
    for (const reason of ['missing', 'cancelled', 'busy', 'error']) {
      expect(healthOf({ failure: reason })).toEqual({ state: 'unchecked', reason });
    }
  });
});

describe('the worker of a bundle', () => {
  it('is the one bundled beside it: .mjs beside the CLI, .js beside the app', () => {
    expect(bundledWorkerScript('file:///usr/lib/bro/out/cli/bro.mjs').href).toBe(
      'file:///usr/lib/bro/out/cli/integrity-worker.mjs',
    );
    expect(bundledWorkerScript('file:///opt/Bro/resources/app/out/main/index.js').href).toBe(
      'file:///opt/Bro/resources/app/out/main/integrity-worker.js',
    );
  });
});
