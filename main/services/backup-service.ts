import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createBackup } from '../backup/create-backup';
import type { Handlers } from '../ipc/router';
import type { VaultSession } from '../vault/vault-session';
import type { Db } from '../db/connection';
import { storedGradings } from '../db/repositories/cases-repo';
import { receivedGradings } from '../db/repositories/received-repo';
import type { GradingLevel, Profile } from '../../shared/domain';
import { highestStoredGrading } from '../../shared/domain/grading';

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

/**
 * The highest grading of everything a backup of the vault holds: every case and document, deleted ones
 * too, received documents, and `shownElsewhere` (the mentor scheme's records, readable while open).
 */
function backupGrading(db: Db, profile: Profile, shownElsewhere: readonly string[]): GradingLevel {
  return highestStoredGrading(profile, [...storedGradings(db), ...receivedGradings(db), ...shownElsewhere]);
}

export function backupHandlers(deps: {
  session: VaultSession;
  shownElsewhere?: (db: Db) => readonly string[];
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
      const { db, profile } = deps.session.current();
      return {
        made: true,
        grading: backupGrading(db, profile, deps.shownElsewhere?.(db) ?? []),
        fileName: basename(result.file),
        bytes: result.bytes,
        createdAt: result.header.createdAt,
        sha256: await fileSha256(result.file),
      };
    },
  };
}
