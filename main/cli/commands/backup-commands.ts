import { AppError } from '../../ipc/app-error';
import { parseArgs } from 'node:util';
import { createBackup } from '../../backup/create-backup';
import { restoreBackup } from '../../backup/restore-backup';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { progressLine } from '../progress-line';
import { UsageError } from './vault-commands';
import { waitForOtherWriters } from '../../db/connection';

async function requireSecret(io: CliIo, envName: string, promptKey: string): Promise<string> {
  const secret = await io.secret(envName, promptKey);
  if (secret === null) throw new UsageError(io.t('cli.secretMissing', { env: envName }));
  return secret;
}

function options<const K extends string>(rest: string[], required: readonly K[], flags: readonly string[] = []) {
  const { values } = parseArgs({
    args: rest,
    options: {
      ...Object.fromEntries(required.map((name) => [name, { type: 'string' as const }])),
      ...Object.fromEntries(['json', ...flags].map((name) => [name, { type: 'boolean' as const, default: false }])),
    },
    strict: true,
    allowPositionals: false,
  });
  const strings = {} as Record<K, string>;
  for (const name of required) {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new UsageError(`--${name}`);
    strings[name] = value;
  }
  const flag = (name: string) => values[name] === true;
  return { ...strings, flag };
}

/**
 * `bro backup --vault DIR --out FILE [--json]`: opens the vault read-only with BRO_PASSPHRASE (same
 * checks and delay as unlock), writes the encrypted backup and logs it in the vault's audit log.
 */
export async function backupCommand(io: CliIo, rest: string[]): Promise<number> {
  const args = options(rest, ['vault', 'out']);
  const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const { db, schemaVersion, supported } = await new VaultSession({ dir: args.vault }).inspect(passphrase);
  try {
    // A newer Bro's vault is not written to (the backup logs itself in it), as every command refuses it.
    if (schemaVersion > supported)
      throw new AppError('vault_newer', 'error.vault_newer', { found: schemaVersion, supported });
    // The app may hold the vault open; wait briefly for its write rather than fail the audit entry.
    waitForOtherWriters(db);
    const { file, bytes, header } = createBackup({ db, vaultDir: args.vault, out: args.out });
    if (args.flag('json')) {
      io.out(
        JSON.stringify({
          ok: true,
          file,
          bytes,
          vaultId: header.vaultId,
          profile: header.profile,
          schemaVersion: header.schemaVersion,
          documentVersions: header.documentVersions.count,
        }),
      );
    } else {
      io.out(io.t('backup.cli.created', { file, versions: header.documentVersions.count, bytes }));
    }
    return EXIT.ok;
  } finally {
    db.close();
  }
}

/**
 * `bro restore --file FILE --vault NEWDIR [--recovery] [--json]`: restores into a new, empty folder
 * with the passphrase of the backup's time (BRO_PASSPHRASE) or the recovery key (BRO_RECOVERY_KEY).
 */
export async function restoreCommand(io: CliIo, rest: string[]): Promise<number> {
  const args = options(rest, ['file', 'vault'], ['recovery']);
  const secret = args.flag('recovery')
    ? { recoveryKey: await requireSecret(io, 'BRO_RECOVERY_KEY', 'cli.promptRecoveryKey') }
    : { passphrase: await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase') };
  const line = progressLine(io, 'restore');
  const { dir, header } = await restoreBackup({
    file: args.file,
    target: args.vault,
    secret,
    onProgress: line.report,
  }).finally(() => line.end());
  if (args.flag('json')) {
    io.out(
      JSON.stringify({
        ok: true,
        vault: dir,
        vaultId: header.vaultId,
        profile: header.profile,
        createdAt: header.createdAt,
        documentVersions: header.documentVersions.count,
      }),
    );
  } else {
    io.out(io.t('backup.cli.restored', { dir, createdAt: header.createdAt, versions: header.documentVersions.count }));
  }
  return EXIT.ok;
}
