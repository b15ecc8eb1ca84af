import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createBackup } from '../backup/create-backup';
import type { Handlers } from '../ipc/router';
import type { VaultSession } from '../vault/vault-session';

/**
 * Where a backup made from the app goes: the Electron shell asks with a save dialog; the browser
 * shell and tests use a fixed folder beside the vault. Null means the user cancelled.
 */
export type ChooseBackupPath = (suggestedName: string) => Promise<string | null>;

export function backupFileName(now: Date): string {
  return `bro-backup-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.brobak`;
}

/** SHA-256 of the whole file, so the user can note it beside the copy (streamed: backups can be large). */
function fileSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export function backupHandlers(deps: {
  session: VaultSession;
  now: () => Date;
  chooseBackupPath: ChooseBackupPath;
}): Pick<Handlers, 'backup.create'> {
  return {
    'backup.create': async () => {
      deps.session.current();
      const out = await deps.chooseBackupPath(backupFileName(deps.now()));
      if (!out) return { made: false };
      // Under the session lock: a backup never packs a key file that a passphrase change is replacing.
      const result = await deps.session.exclusive(() =>
        createBackup({ db: deps.session.current().db, vaultDir: deps.session.files.dir, out, now: deps.now }),
      );
      return {
        made: true,
        fileName: basename(result.file),
        bytes: result.bytes,
        createdAt: result.header.createdAt,
        sha256: await fileSha256(result.file),
      };
    },
  };
}
