import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { electronDouble } from '../../support/electron-double/electron-double';
import { startShell, value, vaultWithFinalPlan, type ShellRun } from '../../support/electron-double/start-shell';
import { PASSPHRASE } from '../../support/vault-fixtures';

vi.mock('electron', () => electronDouble.module);
vi.mock('electron-store', () => import('../../support/electron-double/mock-electron-store'));

let run: ShellRun | null = null;
afterEach(() => {
  run?.stop();
  run = null;
});

const insideVault = { code: 'invalid_input', messageKey: 'files.error.insideVault' };

/**
 * A save dialog answered with a file in the open vault's folder must not replace the vault: the
 * audit found an export over vault.db "succeed", after which the vault no longer unlocked and the
 * export log written into the replaced database was gone.
 */
describe('the Electron shell never saves a file into the vault folder', () => {
  it('refuses an export over the vault’s files, by `..` or through a symlink, and the vault still unlocks', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const vault = run.vaultDir;
    const link = join(run.root, 'link-to-vault');
    symlinkSync(vault, link);
    const vaultFilesBefore = readdirSync(vault).sort();
    const logBefore = await value<{ entries: unknown[] }>(run.invoke('export.log', { documentId }));
    expect(logBefore.entries).toEqual([]);
    const distributionBefore = await value(run.invoke('distribution.list', { documentId }));
    const refused = [
      join(vault, 'vault.db'),
      join(vault, 'vault-keys.json'),
      join(vault, 'til-kdi.pdf'),
      vault,
      `${run.documentsDir}/../vault/vault.db`,
      `${vault}/../vault/til-kdi.pdf`,
      join(link, 'vault.db'),
      join(link, 'til-kdi.pdf'),
    ];
    for (const chosen of refused) {
      electronDouble.dialogAnswers.save.push({ canceled: false, filePath: chosen });
      expect(await run.invoke('export.pdf', { documentId, recipient: 'kdi' }), chosen).toEqual({
        ok: false,
        error: insideVault,
      });
    }
    electronDouble.dialogAnswers.save.push({ canceled: false, filePath: join(link, 'til-kdi.asice') });
    expect(await run.invoke('export.asice', { documentId, recipient: 'kdi' })).toEqual({
      ok: false,
      error: insideVault,
    });

    expect(readdirSync(vault).sort(), 'no file and no temp file left in the vault folder').toEqual(vaultFilesBefore);
    expect(await value(run.invoke('export.log', { documentId }))).toEqual(logBefore);
    expect(await value(run.invoke('distribution.list', { documentId }))).toEqual(distributionBefore);
    await value(run.invoke('vault.lock', {}));
    expect(await value(run.invoke('vault.unlock', { passphrase: PASSPHRASE }))).toMatchObject({ state: 'unlocked' });
    expect(await value(run.invoke('export.log', { documentId }))).toEqual(logBefore);
  });

  it('refuses the certificate, the fingerprint sheet and a backup there too, each in the user’s language', async () => {
    run = await startShell();
    await vaultWithFinalPlan(run);
    const vault = run.vaultDir;
    const link = join(run.root, 'link-to-vault');
    symlinkSync(vault, link);
    const vaultFilesBefore = readdirSync(vault).sort();
    const cases = [
      { channel: 'signing.saveCertificate', chosen: join(vault, 'vault-keys.json'), error: insideVault },
      { channel: 'signing.saveFingerprintSheet', chosen: join(link, 'vault.db'), error: insideVault },
      {
        channel: 'backup.create',
        chosen: join(link, 'kopi.brobak'),
        error: { code: 'invalid_input', messageKey: 'backup.error.outInsideVault' },
      },
    ];
    for (const { channel, chosen, error } of cases) {
      electronDouble.dialogAnswers.save.push({ canceled: false, filePath: chosen });
      expect(await run.invoke(channel, {}), channel).toEqual({ ok: false, error });
    }
    expect(readdirSync(vault).sort()).toEqual(vaultFilesBefore);
    await value(run.invoke('vault.lock', {}));
    expect(await value(run.invoke('vault.unlock', { passphrase: PASSPHRASE }))).toMatchObject({ state: 'unlocked' });
    for (const locale of ['nb', 'da', 'en'] as const) {
      const message = translate(locale, insideVault.messageKey);
      expect(message, locale).not.toBe(insideVault.messageKey);
      expect(message, locale).toMatch(
        locale === 'en' ? /vault folder/ : locale === 'nb' ? /hvelvmappen/ : /boksens mappe/,
      );
    }
  });

  it('still saves beside the vault folder, in a sibling whose name starts with the vault folder’s name', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const sibling = `${run.vaultDir}-exports`;
    mkdirSync(sibling);
    const chosen = join(sibling, 'til-kdi.pdf');
    electronDouble.dialogAnswers.save.push({ canceled: false, filePath: chosen });
    expect(await value(run.invoke('export.pdf', { documentId, recipient: 'kdi' }))).toMatchObject({
      saved: true,
      fileName: 'til-kdi.pdf',
    });
    expect(existsSync(chosen)).toBe(true);
    expect(readFileSync(chosen).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const log = await value<{ entries: unknown[] }>(run.invoke('export.log', { documentId }));
    expect(log.entries).toHaveLength(1);
  });
});
