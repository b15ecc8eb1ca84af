import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { captureIo, runBro } from '../support/cli-harness';
import { tempDirs } from '../support/temp-dir';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';
import { snapshotFiles } from '../support/snapshot';

const dirs = tempDirs('bro-cli-');
afterEach(() => dirs.cleanup());

describe('bro vault (command line)', () => {
  it('creates, checks and changes the passphrase of a vault as a real process, with documented exit codes', () => {
    const vault = join(dirs.make(), 'vault');
    const created = runBro(['vault', 'create', '--vault', vault, '--profile', 'DK', '--json'], {
      BRO_PASSPHRASE: PASSPHRASE,
    });
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ created: true, profile: 'DK' });

    const checked = runBro(['vault', 'check', '--vault', vault, '--json'], { BRO_PASSPHRASE: PASSPHRASE });
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, profile: 'DK', integrity: 'ok' });

    const refused = runBro(['vault', 'check', '--vault', vault], { BRO_PASSPHRASE: 'dette er feil passord' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Wrong passphrase');

    const usage = runBro(['vault', 'check']);
    expect(usage.code).toBe(2);
  });

  it('never takes a passphrase from an argument and says which variable to set without a terminal', async () => {
    const vault = join(dirs.make(), 'vault');
    const { io, err } = captureIo({});
    expect(await runCli(['vault', 'create', '--vault', vault, '--passphrase', PASSPHRASE], io)).toBe(2);
    expect(await runCli(['vault', 'create', '--vault', vault], io)).toBe(2);
    expect(err.join('\n')).toContain('BRO_PASSPHRASE');
    expect(snapshotFiles(vault)).toEqual({});
  });

  it('changes the passphrase so only the new one opens the vault', async () => {
    const vault = join(dirs.make(), 'vault');
    const first = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'create', '--vault', vault], first.io)).toBe(0);
    expect(first.out.join('\n')).toMatch(/([0-9A-Z]{4}-){12}[0-9A-Z]{4}/);

    const change = captureIo({ BRO_PASSPHRASE: PASSPHRASE, BRO_NEW_PASSPHRASE: OTHER_PASSPHRASE });
    expect(await runCli(['vault', 'change-passphrase', '--vault', vault], change.io)).toBe(0);
    const withNew = captureIo({ BRO_PASSPHRASE: OTHER_PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', vault], withNew.io)).toBe(0);
  });

  it('refuses a weak passphrase and a missing vault with clear messages', async () => {
    const vault = join(dirs.make(), 'vault');
    const weak = captureIo({ BRO_PASSPHRASE: 'kort' });
    expect(await runCli(['vault', 'create', '--vault', vault], weak.io)).toBe(1);
    expect(weak.err.join('\n')).toContain('too weak');
    const missing = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', vault], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain('No vault was found');
  });

  it('prints the raw SQLCipher key from the recovery key for standard tools', async () => {
    const vault = join(dirs.make(), 'vault');
    const create = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    await runCli(['vault', 'create', '--vault', vault, '--json'], create.io);
    const { recoveryKey } = JSON.parse(create.out[0] ?? '{}') as { recoveryKey: string };
    const show = captureIo({ BRO_RECOVERY_KEY: recoveryKey });
    expect(await runCli(['vault', 'show-key', '--vault', vault, '--recovery'], show.io)).toBe(0);
    expect(show.out[0]).toMatch(/^PRAGMA key = "x'[0-9a-f]{64}'";$/);
  });
});

describe('bro vault check and the audit log', () => {
  it('verifies the audit chain and reports the first broken entry with exit 1', async () => {
    const { VaultSession } = await import('../../main/vault/vault-session');
    const { appendAudit } = await import('../../main/audit/audit-log');
    const vault = join(dirs.make(), 'vault');
    const session = new VaultSession({ dir: vault });
    await session.create('NO', PASSPHRASE);
    const db = session.current().db;
    for (let i = 0; i < 4; i += 1)
      appendAudit(db, {
        at: '2026-11-23T10:00:00.000Z',
        actor: 'user-1',
        action: 'update',
        objectType: 'document',
        objectId: `doc-${i}`,
      });
    session.lock();

    const intact = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', vault, '--json'], intact.io)).toBe(0);
    expect(JSON.parse(intact.out[0] ?? '{}')).toMatchObject({ ok: true, audit: { ok: true } });

    await session.unlock(PASSPHRASE);
    session
      .current()
      .db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET object_id = 'doc-x' WHERE seq = 3;");
    session.lock();
    const broken = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', vault], broken.io)).toBe(1);
    expect(broken.out.join('\n')).toContain('breaks at entry 3');
  });

  it('does not call a vault from a newer Bro sound, and says why it exits 1', async () => {
    const { VaultSession } = await import('../../main/vault/vault-session');
    const vault = join(dirs.make(), 'vault');
    const session = new VaultSession({ dir: vault });
    await session.create('NO', PASSPHRASE);
    session.current().db.pragma('user_version = 999');
    session.lock();
    const check = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', vault], check.io)).toBe(1);
    expect(check.out.join('\n')).not.toContain('sound');
    expect(check.err.join('\n')).toContain('newer version of Bro');
  });
});
