import { ProfileSchema } from '../../../shared/domain/profile';
import { forgetAuditKey } from '../../audit/audit-key';
import { existsSync } from 'node:fs';
import { assessPassphrase } from '../../../shared/vault/passphrase-policy';
import { AppError, isAppError } from '../../ipc/app-error';
import { vaultFiles } from '../../vault/vault-files';
import { readKeyFile } from '../../vault/key-file';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { progressLine } from '../progress-line';
import { storageAppError } from '../../db/storage-errors';
import { fullCheck } from '../../vault/integrity-check';

export interface VaultArgs {
  vault: string;
  profile?: string;
  json?: boolean;
  recovery?: boolean;
}

/** Maps a refused operation to exit 1 and unreadable input to exit 2, with the translated reason. */
export function reportError(io: CliIo, error: unknown): number {
  if (isAppError(error)) {
    io.err(io.t(error.messageKey, error.params));
    const unreadable = ['vault_corrupt', 'vault_missing', 'unreadable', 'invalid_input'].includes(error.code);
    return error.code === 'vault_newer' || !unreadable ? EXIT.refused : EXIT.usage;
  }
  const storage = storageAppError(error, 'notThisChange');
  io.err(io.t(storage?.messageKey ?? 'error.internal', storage?.params));
  return EXIT.refused;
}

async function requireSecret(io: CliIo, envName: string, promptKey: string): Promise<string> {
  const secret = await io.secret(envName, promptKey);
  if (secret === null) throw new UsageError(io.t('cli.secretMissing', { env: envName }));
  return secret;
}

export class UsageError extends Error {}

export async function vaultCreate(io: CliIo, args: VaultArgs): Promise<number> {
  const profile = ProfileSchema.safeParse((args.profile ?? 'NO').toUpperCase());
  if (!profile.success) throw new UsageError(io.t('cli.badProfile'));
  const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptNewPassphrase');
  const session = new VaultSession({ dir: args.vault });
  const { recoveryKey } = await session.create(profile.data, passphrase);
  session.lock('shutdown');
  if (args.json) {
    io.out(JSON.stringify({ created: true, profile: profile.data, recoveryKey }));
  } else {
    io.out(io.t('cli.vaultCreated', { profile: profile.data }));
    io.out(io.t('cli.recoveryKeyOnce'));
    io.out(`\n    ${recoveryKey}\n`);
  }
  return EXIT.ok;
}

/**
 * `bro vault check`: the full integrity check (every page's HMAC, the b-tree), the schema, and the
 * audit chain walked from its first entry and held against its head in the database and in the key
 * file. Damage or a finding is named (`vaultHealth.cli.damaged`, `security.audit.<finding>`) and exits 1.
 */
export async function vaultCheck(io: CliIo, args: VaultArgs): Promise<number> {
  const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const session = new VaultSession({ dir: args.vault });
  const { db, profile, schemaVersion, supported } = await session.inspect(passphrase);
  try {
    const { integrity, audit, dueFacts } = fullCheck(db, readKeyFile(session.files.keys).auditAnchor);
    const factsHold = (dueFacts?.mismatches ?? 0) === 0;
    const ok = integrity === 'ok' && audit?.ok === true && factsHold && schemaVersion <= supported;
    const facts = dueFacts ? { dueFacts: { mismatches: dueFacts.mismatches } } : {};
    const report = { ok, profile, schemaVersion, supportedSchemaVersion: supported, integrity, audit, ...facts };
    if (args.json) io.out(JSON.stringify(report));
    else if (integrity !== 'ok') io.err(io.t('vaultHealth.cli.damaged', { check: integrity }));
    // A vault from a newer Bro is not called sound: this version cannot check what it does not know.
    else if (schemaVersion > supported) io.err(io.t('error.vault_newer', { found: schemaVersion, supported }));
    else {
      io.out(io.t('cli.checkOk', { profile, schemaVersion, supported }));
      io.out(
        audit?.ok !== false
          ? io.t('cli.auditOk', { entries: audit?.entries ?? 0 })
          : io.t(`security.audit.${audit.finding}`, { seq: audit.firstBrokenSeq, entries: audit.entries }),
      );
      if (!factsHold) io.err(io.t('cli.dueFactsMismatch', { count: dueFacts?.mismatches ?? 0 }));
    }
    return ok ? EXIT.ok : EXIT.refused;
  } finally {
    forgetAuditKey(db);
    db.close();
  }
}

/**
 * What refuses a passphrase change or key rotation is checked before the vault is unlocked: the unlock
 * itself writes (its audit entry, a migration), and a refused command must leave the vault as it was.
 */
function refuseBeforeUnlock(args: VaultArgs, next: string, rotation: boolean): void {
  if (!assessPassphrase(next).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
  // A write-ahead log beside the database: another program (the app) has the vault open.
  if (rotation && existsSync(`${vaultFiles(args.vault).database}-wal`))
    throw new AppError('conflict', 'security.rotate.vaultInUse');
}

export async function vaultChangePassphrase(io: CliIo, args: VaultArgs): Promise<number> {
  const current = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const next = await requireSecret(io, 'BRO_NEW_PASSPHRASE', 'cli.promptNewPassphrase');
  refuseBeforeUnlock(args, next, false);
  const session = new VaultSession({ dir: args.vault });
  await session.unlock(current);
  try {
    await session.changePassphrase(current, next);
  } finally {
    session.lock('passphrase_changed');
  }
  io.out(io.t('cli.passphraseChanged'));
  return EXIT.ok;
}

/**
 * `bro vault rotate-key`: re-encrypts the database under a new data key with the new passphrase
 * (BRO_NEW_PASSPHRASE) and prints the new recovery key once. Old backups keep the old secrets.
 */
export async function vaultRotateKey(io: CliIo, args: VaultArgs): Promise<number> {
  const current = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const next = await requireSecret(io, 'BRO_NEW_PASSPHRASE', 'cli.promptNewPassphrase');
  refuseBeforeUnlock(args, next, true);
  const session = new VaultSession({ dir: args.vault });
  await session.unlock(current);
  let recoveryKey: string;
  const line = progressLine(io, 'rotateKey');
  try {
    ({ recoveryKey } = await session.rotateKey(current, next, line.report));
    line.report(4, 4);
  } finally {
    line.end();
    session.lock('passphrase_changed');
  }
  if (args.json) io.out(JSON.stringify({ rotated: true, recoveryKey }));
  else {
    io.out(io.t('security.rotate.done'));
    io.out(io.t('cli.recoveryKeyOnce'));
    io.out(`\n    ${recoveryKey}\n`);
    io.out(io.t('security.rotate.oldBackups'));
  }
  return EXIT.ok;
}

/**
 * Prints the raw SQLCipher key so an administrator can open the file with standard tools. Throttled
 * like unlock, and logged in the vault's audit log before the key is printed.
 */
export async function vaultShowKey(io: CliIo, args: VaultArgs): Promise<number> {
  const secret = args.recovery
    ? { recoveryKey: await requireSecret(io, 'BRO_RECOVERY_KEY', 'cli.promptRecoveryKey') }
    : { passphrase: await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase') };
  const key = await new VaultSession({ dir: args.vault }).revealDataKey(secret);
  try {
    io.out(
      args.json
        ? JSON.stringify({ sqlcipherKey: `x'${key.toString('hex')}'` })
        : `PRAGMA key = "x'${key.toString('hex')}'";`,
    );
  } finally {
    key.fill(0);
  }
  return EXIT.ok;
}
