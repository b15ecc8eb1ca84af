/**
 * A child process that works on a vault until it is killed with SIGKILL. It prints "ready" once the
 * vault is open, then one "ack …" line after each operation has returned (commit, key file renamed,
 * backup renamed); the parent kills it at a random moment and checks that every ack survived.
 *
 *   node crash-writer.mjs documents|passphrase|backup|rotate
 *
 * Environment: BRO_CRASH_VAULT, BRO_CRASH_PASS_A, BRO_CRASH_PASS_B, BRO_CRASH_OUT (backup mode),
 * BRO_MIGRATIONS_DIR (the bundle cannot find the migrations beside itself).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs, { readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { appendAudit } from '../../../main/audit/audit-log';
import { createBackup } from '../../../main/backup/create-backup';
import type { Db } from '../../../main/db/connection';
import { loadMigrations } from '../../../main/db/migrate';
import { saveVersion } from '../../../main/db/repositories/documents-repo';
import { recoverDataKey } from '../../../main/vault/recover-data-key';
import { VaultSession } from '../../../main/vault/vault-session';
import { CRASH_KDF } from './crash-kdf';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`missing ${name}`);
  return value;
};

const say = (line: string) => process.stdout.write(`${line}\n`);

/** One document write as a service would do it: the version and its audit entry in one transaction. */
function writeOne(db: Db, i: number, previous: string | undefined) {
  const content = {
    what: `Fiktiv observasjon ${i} av Ola Testmann`,
    n: i,
    pad: randomBytes(Math.floor(Math.random() * 1500)).toString('base64'),
  };
  return db.transaction(() => {
    const saved = saveVersion(db, {
      documentId: previous,
      caseId: null,
      kind: 'observation',
      grading: 'BEGRENSET',
      author: 'user-crash',
      status: 'draft',
      at: new Date().toISOString(),
      content,
      searchTitle: `Observasjon ${i}`,
    });
    appendAudit(db, {
      at: new Date().toISOString(),
      actor: 'user-crash',
      action: previous ? 'update' : 'create',
      objectType: 'document',
      objectId: saved.document.id,
    });
    return saved;
  })();
}

async function open(passphrase: string): Promise<VaultSession> {
  const session = new VaultSession({
    dir: env('BRO_CRASH_VAULT'),
    kdfCost: CRASH_KDF,
    migrations: loadMigrations(env('BRO_MIGRATIONS_DIR')),
  });
  await session.unlock(passphrase);
  return session;
}

async function documents(): Promise<void> {
  const db = (await open(env('BRO_CRASH_PASS_A'))).current().db;
  say('ready');
  const mine: string[] = [];
  for (let i = 0; ; i += 1) {
    const previous = i % 3 === 2 ? mine[Math.floor(Math.random() * mine.length)] : undefined;
    const { version } = writeOne(db, i, previous);
    mine.push(version.documentId);
    say(`ack ${version.documentId} ${version.version} ${version.contentHash}`);
  }
}

async function passphrases(): Promise<void> {
  const both = [env('BRO_CRASH_PASS_A'), env('BRO_CRASH_PASS_B')] as const;
  // Find the current one without unlock's failure counter, which would delay the next attempt.
  const works = await recoverDataKey(env('BRO_CRASH_VAULT'), { passphrase: both[0] }).then(
    () => true,
    () => false,
  );
  let current = works ? 0 : 1;
  const session = await open(both[current] as string);
  say(`ready ${current}`);
  for (;;) {
    const next = 1 - current;
    await session.changePassphrase(both[current] as string, both[next] as string);
    current = next;
    say(`ack ${current}`);
  }
}

/** One document write, then a data-key rotation to the other passphrase, again and again. */
async function rotations(): Promise<void> {
  const both = [env('BRO_CRASH_PASS_A'), env('BRO_CRASH_PASS_B')] as const;
  const works = await recoverDataKey(env('BRO_CRASH_VAULT'), { passphrase: both[0] }).then(
    () => true,
    () => false,
  );
  let current = works ? 0 : 1;
  const session = await open(both[current] as string);
  say(`ready ${current}`);
  for (let i = 0; ; i += 1) {
    const { version } = writeOne(session.current().db, i, undefined);
    say(`ack ${version.documentId} ${version.version} ${version.contentHash}`);
    const next = 1 - current;
    await session.rotateKey(both[current] as string, both[next] as string);
    current = next;
    say(`ack rotated ${current}`);
  }
}

/**
 * Makes file writes behave like a slow USB stick (32 KiB per call, 1 ms each), so a good share of the
 * random kills lands while the backup file's bytes are being written, the moment a non-atomic
 * writer would leave a torn file. SQLite's own I/O is not affected.
 */
function slowMedium(): void {
  const original = fs.writeSync;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const slow = (
    fd: number,
    buffer: NodeJS.ArrayBufferView,
    offset = 0,
    length = buffer.byteLength - offset,
  ): number => {
    Atomics.wait(pause, 0, 0, 1);
    return original(fd, buffer, offset, Math.min(length, 32 * 1024));
  };
  Object.assign(fs, { writeSync: slow });
  syncBuiltinESMExports();
}

async function backups(): Promise<void> {
  slowMedium();
  const db = (await open(env('BRO_CRASH_PASS_A'))).current().db;
  const out = env('BRO_CRASH_OUT');
  say('ready');
  for (let i = 0; ; i += 1) {
    writeOne(db, i, undefined);
    createBackup({ db, vaultDir: env('BRO_CRASH_VAULT'), out });
    say(`ack ${createHash('sha256').update(readFileSync(out)).digest('hex')}`);
  }
}

const modes: Record<string, () => Promise<void>> = {
  documents,
  passphrase: passphrases,
  backup: backups,
  rotate: rotations,
};
const run = modes[process.argv[2] ?? ''];
if (!run) {
  process.stderr.write('usage: crash-writer documents|passphrase|backup|rotate\n');
  process.exit(2);
}
run().catch((error: unknown) => {
  process.stderr.write(
    `crash-writer failed: ${error instanceof Error ? `${error.name} ${error.message}` : 'unknown'}\n`,
  );
  process.exit(1);
});
