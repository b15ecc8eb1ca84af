import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import { HealthWatch } from './health-watch';
import type { VaultHealth } from './vault-health';
import { integrityChecksSettled } from './vault-health';
import { readKeyFile } from './key-file';
import { recoverDataKey } from './recover-data-key';
import { VaultSession } from './vault-session';

const dirs = tempDirs('bro-health-watch-');
afterEach(() => dirs.cleanup());

/** A locked vault as HealthWatch.start is given it, with the key the session would lend. */
async function lockedVault() {
  const dir = dirs.make();
  const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
  await session.create('NO', PASSPHRASE);
  session.lock();
  return {
    db: () => null,
    path: join(dir, 'vault.db'),
    dataKey: await recoverDataKey(dir, { passphrase: PASSPHRASE }),
    vaultId: readKeyFile(join(dir, 'vault-keys.json')).vaultId,
  };
}

/**
 * The open vault's health before any worker answers: pending from the start, passed for a vault just
 * made, unchecked ("off") when the check is turned off; and one real answer taken without a listener.
 * The worker's answers themselves are vault-health.test.ts's.
 */
describe('HealthWatch', () => {
  const events = { onFinding: () => undefined };
  const input = {
    db: () => null,
    path: '/nonexistent/vault.db',
    dataKey: Buffer.alloc(32, 1),
    vaultId: crypto.randomUUID(),
  };

  it('is pending until a check has answered', async () => {
    const watch = new HealthWatch(true, 0, events);
    expect(watch.state()).toEqual({ state: 'pending' });
    expect(await watch.settled()).toEqual({ state: 'pending' });
  });

  it('passes a vault just created, which holds nothing to check', () => {
    const watch = new HealthWatch(true, 0, events);
    watch.passNew();
    expect(watch.state()).toEqual({ state: 'passed' });
  });

  it('with the check turned off, says so instead of pending, and starts no worker', async () => {
    const watch = new HealthWatch(false, 0, events);
    watch.start(input);
    expect(watch.state()).toEqual({ state: 'unchecked', reason: 'off' });
    expect(await watch.settled()).toEqual({ state: 'unchecked', reason: 'off' });
  });

  it('settles to the worker’s answer also when nobody listens for it', async () => {
    const watch = new HealthWatch(true, 0, events);
    watch.start(await lockedVault());
    expect(await watch.settled()).toEqual({ state: 'passed' });
  });

  it('ignores the answer of a run stopped since (a lock), also when it comes after the next run started', async () => {
    const vault = await lockedVault();
    const settled: VaultHealth[] = [];
    const watch = new HealthWatch(true, 0, { ...events, onSettled: (health) => settled.push(health) });
    // A key the file refuses answers "failed" quickly, while the second run is under way.
    watch.start({ ...vault, dataKey: Buffer.alloc(32, 7) });
    watch.stop();
    watch.start(vault);
    expect(await watch.settled()).toEqual({ state: 'passed' });
    await integrityChecksSettled();
    expect(settled).toEqual([{ state: 'passed' }]);
    expect(watch.state()).toEqual({ state: 'passed' });

    // Started later and stopped before it started: nothing settles at all.
    const later = new HealthWatch(true, 50, { ...events, onSettled: (health) => settled.push(health) });
    later.start(vault);
    later.stop();
    await integrityChecksSettled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toEqual([{ state: 'passed' }]);
    expect(later.state()).toEqual({ state: 'pending' });
  });
});
