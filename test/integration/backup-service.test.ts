import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../main/backup/restore-backup';
import { BackupMadeSchema } from '../../shared/ipc/backup';
import { appFixture } from '../support/app-fixture';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const fixture = appFixture();
const dirs = tempDirs('bro-backup-ui-');
afterEach(() => {
  fixture.cleanup();
  dirs.cleanup();
});

describe('backup from the app (backup.create)', () => {
  it('writes a verified backup where the user chose in the save dialog and tells only its name and fingerprint', async () => {
    const { app, root } = fixture.make({
      kdfCost: FAST_KDF,
      files: {
        chooseSavePath: async ({ suggestedName }) => join(root, 'backups', suggestedName),
        chooseOpenPath: async () => null,
      },
    });
    mkdirSync(join(dirname(app.session.files.dir), 'backups'));
    await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
    await app.router.invoke('cases.create', {
      name: 'Kari Fiktiv',
      caseReference: 'KOMPIS-700001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    // A deleted case stays in the file until purged, so in the backup too: its grading counts.
    const deleted = await app.router.invoke('cases.create', {
      name: 'Per Fiktiv',
      caseReference: 'KOMPIS-700002',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'HEMMELIG' },
    });
    if (!deleted.ok) throw new Error(deleted.error.messageKey);
    await app.router.invoke('cases.delete', { id: (deleted.value as { id: string }).id, reason: 'Feil' });
    const result = await app.router.invoke('backup.create', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const made = BackupMadeSchema.parse(result.value);
    expect(made).toMatchObject({
      made: true,
      grading: 'HEMMELIG',
      fileName: expect.stringMatching(/^bro-backup-.*\.brobak$/),
    });
    expect(JSON.stringify(made)).not.toContain(root);
    const file = join(root, 'backups', made.fileName ?? '');
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(made.sha256);
    expect(readFileSync(file).includes(Buffer.from('Kari Fiktiv'))).toBe(false);

    const target = join(dirs.make(), 'restored');
    await restoreBackup({ file, target, secret: { passphrase: PASSPHRASE } });
    expect(existsSync(join(target, 'vault.db'))).toBe(true);
  });

  it('refuses while the vault is locked and writes nothing', async () => {
    const { app, root } = fixture.make({ kdfCost: FAST_KDF });
    await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
    await app.router.invoke('vault.lock', {});
    expect(await app.router.invoke('backup.create', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(existsSync(join(root, 'backups'))).toBe(false);
  });
});
