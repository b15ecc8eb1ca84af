// A version 2 backup's plaintext parts (the header's KDF, the key envelope) are covered only by hashes
// anyone can recompute. The manifest is sealed under the data key and holds the key file the restore
// writes, so the envelope and the header must equal it. Someone splices the key envelope of an older
// genuine backup (made under the old passphrase) into a newer one: both unwrap the same data key, so
// without that check the old passphrase "restored" a vault that then refused it. Real vaults, real
// backups, real crypto; only the spliced or changed part differs.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../main/backup/create-backup';
import { restoreBackup } from '../../main/backup/restore-backup';
import { wrapAad } from '../../main/vault/key-file';
import { wrapKey } from '../../main/vault/key-wrap';
import { VaultSession } from '../../main/vault/vault-session';
import { backupHeader, backupPart, writeBackupOf, type BackupHeaderV2 } from '../support/backup-forgery';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

type Kdf = BackupHeaderV2['kdf'];

const dirs = tempDirs('bro-backup-envelope-');
const DAMAGED = { code: 'unreadable', messageKey: 'backup.error.damaged' };
let root: string;
/** Made under PASSPHRASE. */
let older: string;
/** Made after the passphrase was changed to OTHER_PASSPHRASE. */
let newer: string;
let recoveryKey: string;

beforeAll(async () => {
  root = dirs.make();
  const vaultDir = join(root, 'vault');
  const session = new VaultSession({ dir: vaultDir, kdfCost: FAST_KDF });
  ({ recoveryKey } = await session.create('NO', PASSPHRASE));
  older = join(root, 'older.brobak');
  createBackup({ db: session.current().db, vaultDir, out: older });
  await session.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
  newer = join(root, 'newer.brobak');
  createBackup({ db: session.current().db, vaultDir, out: newer });
  session.lock();
});
afterAll(() => dirs.cleanup());

const part = backupPart;
const headerOf = backupHeader;
const envelopeOf = (file: string) => JSON.parse(part(file, 'vault-keys.json').toString('utf8')) as { kdf: Kdf };

/** `newer` with its key envelope and header KDF replaced, every hash and the trailer made to match. */
function forged(name: string, change: { envelope?: Buffer; kdf?: Kdf }): string {
  const header = { ...headerOf(newer), kdf: change.kdf ?? headerOf(newer).kdf };
  return writeBackupOf(join(dirs.make(), name), header, {
    keys: change.envelope ?? part(newer, 'vault-keys.json'),
    manifest: part(newer, 'manifest'),
    database: part(newer, 'vault.db'),
  });
}

/** The refusal of restoring `file` with `secret`, after checking nothing under `root` was written. */
async function refusal(file: string, secret: { passphrase: string } | { recoveryKey: string }) {
  const before = snapshotFiles(root);
  const error = await restoreBackup({ file, target: join(root, 'restored'), secret }).then(
    () => null,
    (e: { code: string; messageKey: string }) => ({ code: e.code, messageKey: e.messageKey }),
  );
  expect(snapshotFiles(root)).toEqual(before);
  return error;
}

describe('a version 2 backup binds its key envelope and header to its sealed key file', () => {
  it('refuses an older backup’s key envelope spliced into a newer one (header KDF changed), with either passphrase', async () => {
    const file = forged('spliced.brobak', {
      envelope: part(older, 'vault-keys.json'),
      kdf: { ...headerOf(newer).kdf, logN: 20 },
    });
    expect(await refusal(file, { passphrase: PASSPHRASE })).toEqual(DAMAGED);
    expect(await refusal(file, { passphrase: OTHER_PASSPHRASE })).toEqual(DAMAGED);
  });

  it('refuses the splice with a header that matches the spliced envelope: damaged with the old passphrase or the recovery key', async () => {
    const file = forged('spliced-consistent.brobak', {
      envelope: part(older, 'vault-keys.json'),
      kdf: envelopeOf(older).kdf,
    });
    // The old wrap opens with the old passphrase and the recovery wrap is the same in both, but
    // neither is the key file the manifest holds.
    expect(await refusal(file, { passphrase: PASSPHRASE })).toEqual(DAMAGED);
    expect(await refusal(file, { recoveryKey })).toEqual(DAMAGED);
    // The new passphrase does not open the old wrap: refused as it would be for the older backup.
    expect(await refusal(file, { passphrase: OTHER_PASSPHRASE })).toEqual({
      code: 'wrong_passphrase',
      messageKey: 'restore.error.wrongPassphrase',
    });
  });

  it('refuses a header whose KDF alone was changed, before any key is derived', async () => {
    for (const kdf of [
      { ...headerOf(newer).kdf, logN: 20 },
      { ...headerOf(newer).kdf, salt: randomBytes(16).toString('base64') },
    ]) {
      const file = forged('header-kdf.brobak', { kdf });
      expect(await refusal(file, { passphrase: OTHER_PASSPHRASE })).toEqual(DAMAGED);
      // A wrong passphrase is not even tried: the file is refused as altered, not the passphrase.
      expect(await refusal(file, { passphrase: 'Feil passordfrase 0000' })).toEqual(DAMAGED);
    }
  });

  it('refuses an envelope whose recovery wrap alone was replaced, opened with the passphrase', async () => {
    const envelope = JSON.parse(part(newer, 'vault-keys.json').toString('utf8'));
    envelope.wraps.recovery = wrapKey(randomBytes(32), randomBytes(32), wrapAad(envelope.vaultId, 'recovery'));
    const file = forged('recovery-wrap.brobak', { envelope: Buffer.from(JSON.stringify(envelope), 'utf8') });
    expect(await refusal(file, { passphrase: OTHER_PASSPHRASE })).toEqual(DAMAGED);
  });

  it('refuses an envelope (and header) with another KDF salt, opened with the recovery key, which needs no KDF', async () => {
    const envelope = JSON.parse(part(newer, 'vault-keys.json').toString('utf8'));
    envelope.kdf = { ...envelope.kdf, salt: randomBytes(16).toString('base64') };
    const file = forged('envelope-kdf.brobak', {
      envelope: Buffer.from(JSON.stringify(envelope), 'utf8'),
      kdf: envelope.kdf,
    });
    expect(await refusal(file, { recoveryKey })).toEqual(DAMAGED);
  });

  it('still restores both genuine backups, each with the passphrase valid when it was made', async () => {
    for (const [file, passphrase] of [
      [older, PASSPHRASE],
      [newer, OTHER_PASSPHRASE],
    ] as const) {
      const target = join(dirs.make(), 'restored');
      await restoreBackup({ file, target, secret: { passphrase } });
      const reopened = new VaultSession({ dir: target });
      await reopened.unlock(passphrase);
      reopened.lock();
    }
  });
});
