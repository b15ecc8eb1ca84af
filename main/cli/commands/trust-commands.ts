import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/connection';
import type { TrustList } from '../../signing';
import { AppError } from '../../ipc/app-error';
import type { ServiceDeps } from '../../services/service-context';
import { vaultTrustList } from '../../services/signing-service';
import {
  addToTrustStore,
  removeFromTrustStore,
  trustStoreViews,
  vaultVerificationTrust,
  type TrustFile,
  type TrustStoreView,
} from '../../services/trust-store-service';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { requireSecret } from './demo-commands';
import { UsageError } from './vault-commands';

/** The migration that made the trust store; an older vault opened read-only has none. */
const TRUST_STORE_VERSION = 9;

function trustArgs(rest: string[]) {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { vault: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (!values.vault) throw new UsageError('--vault');
  return { vault: values.vault, json: values.json, positionals };
}

/** Runs `fn` on an unlocked (migrated, writable) vault, locking it afterwards whatever happens. */
async function withVault<T>(io: CliIo, dir: string, fn: (deps: ServiceDeps) => T): Promise<Awaited<T>> {
  const session = new VaultSession({ dir });
  await session.unlock(await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase'));
  try {
    return await fn({ session, now: () => new Date() });
  } finally {
    session.lock('shutdown');
  }
}

function line(io: CliIo, entry: TrustStoreView): string {
  return io.t(entry.kind === 'crl' ? 'trust.cli.crlLine' : 'trust.cli.certificateLine', {
    id: entry.id.slice(0, 16),
    name: entry.name,
    until: entry.validUntil ?? '–',
    state: entry.outOfDate ? io.t('trust.cli.outOfDate') : '',
  });
}

function readTrustFile(path: string): TrustFile {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch {
    // A file that cannot be read (missing, no permission) is said to be so, as `bro verify` says it:
    // "neither a certificate nor a CRL" is for a file read whose content is neither.
    throw new AppError('unreadable', 'export.cli.cannotRead', { file: basename(path) });
  }
}

/** `bro trust add FILE… --vault DIR [--json]`: CA certificates and CRLs (PEM or DER), all or nothing. */
export async function trustAddCommand(io: CliIo, rest: string[]): Promise<number> {
  const args = trustArgs(rest);
  if (args.positionals.length === 0) throw new UsageError('FILE');
  const files = args.positionals.map(readTrustFile);
  const result = await withVault(io, args.vault, (deps) => addToTrustStore(deps, files));
  if (args.json) io.out(JSON.stringify(result));
  else {
    for (const entry of result.added) io.out(`+ ${line(io, entry)}`);
    io.out(io.t('trust.cli.added', { added: result.added.length, present: result.alreadyPresent }));
  }
  return EXIT.ok;
}

/** `bro trust list --vault DIR [--json]`: read-only, like `bro list`. */
export async function trustListCommand(io: CliIo, rest: string[]): Promise<number> {
  const args = trustArgs(rest);
  if (args.positionals.length > 0) throw new UsageError(args.positionals.join(' '));
  const entries = await readOnly(io, args.vault, (db, schemaVersion) =>
    schemaVersion >= TRUST_STORE_VERSION ? trustStoreViews(db, new Date()) : [],
  );
  if (args.json) io.out(JSON.stringify({ entries }));
  else if (entries.length === 0) io.out(io.t('trust.cli.empty'));
  else entries.forEach((entry) => io.out(line(io, entry)));
  return EXIT.ok;
}

/** `bro trust remove ID --vault DIR [--json]`: ID as listed (a unique prefix of 8+ hex digits is enough). */
export async function trustRemoveCommand(io: CliIo, rest: string[]): Promise<number> {
  const args = trustArgs(rest);
  const [id, ...extra] = args.positionals;
  if (id === undefined || extra.length > 0) throw new UsageError('ID');
  const result = await withVault(io, args.vault, (deps) => removeFromTrustStore(deps, id));
  if (args.json) io.out(JSON.stringify(result));
  else io.out(`- ${line(io, result.removed)}`);
  return EXIT.ok;
}

/**
 * For `bro verify --vault DIR` (or `--trust-store DIR`): the vault's trusted signers and trust store,
 * read without migrating or writing anything.
 */
export function vaultTrustForVerify(io: CliIo, dir: string): Promise<TrustList> {
  return readOnly(io, dir, (db, schemaVersion) =>
    schemaVersion >= TRUST_STORE_VERSION ? vaultVerificationTrust(db) : vaultTrustList(db),
  );
}

/** Opens the vault read-only (nothing migrated or written, as `bro list` does) for `fn`. */
async function readOnly<T>(io: CliIo, dir: string, fn: (db: Db, schemaVersion: number) => T): Promise<T> {
  const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const { db, schemaVersion, supported } = await new VaultSession({ dir }).inspect(passphrase);
  try {
    if (schemaVersion > supported)
      throw new AppError('vault_newer', 'error.vault_newer', { found: schemaVersion, supported });
    return fn(db, schemaVersion);
  } finally {
    db.close();
  }
}
