import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../main/backup/create-backup';
import { restoreBackup } from '../../main/backup/restore-backup';
import { serviceApps } from '../support/service-app';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

/**
 * Progress of a long operation through the real router, as the settings screen polls it while a
 * key rotation runs: running with a step count while the call is under way, done afterwards; a
 * refused rotation ends failed.
 */
describe('progress.get', () => {
  it('reports a running key rotation by its steps, then done', async () => {
    const apps = serviceApps();
    try {
      const s = await apps.make('NO');
      expect(await s.call('progress.get', { operation: 'rotateKey' })).toEqual({ progress: null });
      const rotation = s.call('vault.rotateKey', { current: PASSPHRASE, next: OTHER_PASSPHRASE });
      const seen: unknown[] = [];
      let settled = false;
      void rotation.finally(() => (settled = true));
      while (!settled) {
        const { progress } = await s.call('progress.get', { operation: 'rotateKey' });
        if (progress?.state === 'running') seen.push(progress);
        // Once per turn of the event loop: step 1 lasts one test-sized scrypt (about 2 ms), which a 1 ms
        // timer missed in about 3 runs of 100 on a loaded machine; a check phase always falls between
        // the two derivations' callbacks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await rotation;
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).toContainEqual({ operation: 'rotateKey', state: 'running', done: 1, total: 4 });
      expect(await s.call('progress.get', { operation: 'rotateKey' })).toEqual({
        progress: { operation: 'rotateKey', state: 'done', done: 4, total: 4 },
      });
    } finally {
      apps.cleanup();
    }
  });

  it('ends failed when the rotation is refused, and other operations stay untouched', async () => {
    const apps = serviceApps();
    try {
      const s = await apps.make('NO');
      await s.fail('vault.rotateKey', { current: 'Feil passord som ikke stemmer 1', next: OTHER_PASSPHRASE });
      expect(await s.call('progress.get', { operation: 'rotateKey' })).toMatchObject({
        progress: { operation: 'rotateKey', state: 'failed' },
      });
      expect(await s.call('progress.get', { operation: 'restore' })).toEqual({ progress: null });
      expect(await s.fail('progress.get', { operation: 'nothing' })).toMatchObject({ code: 'invalid_input' });
    } finally {
      apps.cleanup();
    }
  });

  it('tracks an import of a received package, and a refused one ends too (never left running)', async () => {
    const apps = serviceApps();
    try {
      const s = await apps.make('NO');
      expect(await s.call('progress.get', { operation: 'import' })).toEqual({ progress: null });
      const answer = await s.app.router.invoke('import.file', {
        fileName: 'plan.asice',
        fileBase64: 'UEsDBA==',
        acceptUntrusted: false,
      });
      // The import's own answer comes back through the tracking: a cut ZIP is refused, as without it.
      expect(answer).toMatchObject({ ok: true, value: { outcome: 'refused' } });
      const { progress } = await s.call('progress.get', { operation: 'import' });
      expect(progress?.operation).toBe('import');
      expect(progress?.state).not.toBe('running');
    } finally {
      apps.cleanup();
    }
  });

  it('a restore reports its six steps in order, the last once the vault is in place', async () => {
    const apps = serviceApps();
    try {
      const s = await apps.make('NO');
      const out = join(s.vaultDir, '..', 'progress.brobak');
      createBackup({ db: s.app.session.current().db, vaultDir: s.vaultDir, out });
      const steps: string[] = [];
      const target = join(s.vaultDir, '..', 'restored');
      await restoreBackup({
        file: out,
        target,
        secret: { passphrase: PASSPHRASE },
        onProgress: (done, total) => steps.push(`${done}/${total}`),
      });
      expect(steps).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    } finally {
      apps.cleanup();
    }
  });
});
