import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { keyAuditLog } from '../../../main/audit/audit-key';
import { verifyAuditChain } from '../../../main/audit/audit-verify';
import { readMeta } from '../../../main/db/repositories/meta-repo';
import { verifyBackupFile } from '../../../main/backup/backup-format';
import { openEncrypted } from '../../../main/db/connection';
import { defaultMigrationsDir } from '../../../main/db/migrate';
import { readKeyFile } from '../../../main/vault/key-file';
import { recoverDataKey } from '../../../main/vault/recover-data-key';
import { vaultFiles } from '../../../main/vault/vault-files';
import { VaultSession } from '../../../main/vault/vault-session';
import { CRASH_KDF } from './crash-kdf';

export type CrashMode = 'documents' | 'passphrase' | 'backup' | 'rotate';

/** Fictional passphrases that pass the policy. */
export const PASS_A = 'Krasj-test-passord-A-2026';
export const PASS_B = 'Krasj-test-passord-B-2026';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/** A seeded generator, so a failing run can be repeated with the seed it reports. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bundles the writer once into plain JavaScript beside node_modules, so each child starts in a tenth
 * of the time `tsx` needs to compile it, which is what lets hundreds of kills run in a minute or two.
 */
export async function bundleWriter(): Promise<{ path: string; dispose(): void }> {
  const dir = join(ROOT, 'node_modules', '.cache', 'bro-crash');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `crash-writer-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'test/integration/crash/crash-writer.ts')],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return { path, dispose: () => rmSync(path, { force: true }) };
}

export interface KillRun {
  /** Complete "ack …" lines the child printed before it died, without the "ack " prefix. */
  acks: string[];
  ready: string | null;
  killed: boolean;
}

/** When to kill: `delayMs` after the start, after "ready", or after the first acknowledged operation. */
export interface KillMoment {
  from: 'start' | 'ready' | 'firstAck';
  delayMs: number;
}

/** Starts the writer and kills it with SIGKILL at the given moment; collects what it acknowledged. */
export function runAndKill(
  writer: string,
  mode: CrashMode,
  env: Record<string, string>,
  moment: KillMoment,
): Promise<KillRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [writer, mode], {
      cwd: ROOT,
      env: { ...process.env, ...env, BRO_MIGRATIONS_DIR: defaultMigrationsDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    const run: KillRun = { acks: [], ready: null, killed: false };
    const arm = () => setTimeout(() => (run.killed = child.kill('SIGKILL')), moment.delayMs);
    if (moment.from === 'start') arm();
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) {
          run.acks.push(line.slice(4));
          if (moment.from === 'firstAck' && run.acks.length === 1) arm();
        } else if (line.startsWith('ready')) {
          run.ready = line;
          if (moment.from === 'ready') arm();
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`writer ended by itself (${code ?? signal}): ${stderr.slice(0, 500)}`));
      else resolvePromise(run);
    });
  });
}

/** A vault for the crash runs, created with the cheap KDF, and its data key for checking it. */
export async function crashVault(dir: string): Promise<Buffer> {
  const session = new VaultSession({ dir, kdfCost: CRASH_KDF });
  await session.create('NO', PASS_A);
  session.lock();
  return recoverDataKey(dir, { passphrase: PASS_A });
}

/**
 * Opens the vault as the app would after a crash (WAL recovery, page HMACs, quick_check), runs a full
 * integrity check and the audit chain, and returns how many acknowledged writes are missing.
 */
export function lostWrites(dir: string, key: Buffer, acks: Iterable<string>): number {
  const db = openEncrypted(vaultFiles(dir).database, key);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    keyAuditLog(db, key, readMeta(db, 'vault_id') ?? '');
    const audit = verifyAuditChain(db, readKeyFile(vaultFiles(dir).keys).auditAnchor);
    if (!audit.ok) throw new Error(`audit chain broken: ${audit.finding} at ${audit.firstBrokenSeq}`);
    const find = db.prepare('SELECT content_hash FROM document_versions WHERE document_id = ? AND version = ?', {
      pluck: true,
    });
    let lost = 0;
    for (const ack of acks) {
      const [id, version, hash] = ack.split(' ');
      if (find.get([id ?? '', Number(version)]) !== hash) lost += 1;
    }
    return lost;
  } finally {
    db.close();
  }
}

/** Which of the two passphrases opens the vault now: 0, 1, or null when neither does. */
export async function openingPassphrase(dir: string): Promise<0 | 1 | null> {
  readKeyFile(vaultFiles(dir).keys);
  const opens = (passphrase: string) =>
    recoverDataKey(dir, { passphrase }).then(
      (key) => (key.fill(0), true),
      () => false,
    );
  const [a, b] = await Promise.all([opens(PASS_A), opens(PASS_B)]);
  if (a && b) throw new Error('both passphrases open the vault');
  return a ? 0 : b ? 1 : null;
}

/** A backup file after a kill: absent, or complete and verified; returns its SHA-256. */
export function backupState(out: string): { exists: false } | { exists: true; complete: boolean; sha256: string } {
  if (!existsSync(out)) return { exists: false };
  const sha256 = createHash('sha256').update(readFileSync(out)).digest('hex');
  try {
    verifyBackupFile(out);
    return { exists: true, complete: true, sha256 };
  } catch {
    return { exists: true, complete: false, sha256 };
  }
}
