import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { configureForWriting, openEncrypted } from '../../../main/db/connection';
import { saveVersion } from '../../../main/db/repositories/documents-repo';
import { recoverDataKey } from '../../../main/vault/recover-data-key';
import { vaultFiles } from '../../../main/vault/vault-files';
import {
  backupState,
  crashVault,
  lostWrites,
  openingPassphrase,
  PASS_A,
  PASS_B,
  runAndKill,
  type KillMoment,
} from './crash-harness';

/**
 * The three kill scenarios, shared by the CI test (a few dozen kills) and `bench/crash.ts` (hundreds).
 * Each reuses one vault across its kills, so later runs start from a vault that already survived kills.
 */
export interface ScenarioOptions {
  writer: string;
  root: string;
  kills: number;
  random: () => number;
}

const env = (vault: string, extra: Record<string, string> = {}) => ({
  BRO_CRASH_VAULT: vault,
  BRO_CRASH_PASS_A: PASS_A,
  BRO_CRASH_PASS_B: PASS_B,
  ...extra,
});

/**
 * Mostly kills while working; about one in eight while the vault is being opened and recovered. The
 * first run of a scenario waits for one acknowledged operation, so there is always something to lose.
 */
function moment(random: () => number, maxMs: number, first: boolean): KillMoment {
  if (first) return { from: 'firstAck', delayMs: Math.floor(random() * maxMs) };
  return random() < 0.125
    ? { from: 'start', delayMs: Math.floor(random() * 120) }
    : { from: 'ready', delayMs: Math.floor(random() * maxMs) };
}

/** Gives the backup vault some bulk (half a megabyte), so a kill can land inside a backup. */
function seedDocuments(vault: string, key: Buffer, count: number): void {
  const db = openEncrypted(vaultFiles(vault).database, key);
  key.fill(0);
  try {
    configureForWriting(db);
    db.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        saveVersion(db, {
          caseId: null,
          kind: 'observation',
          grading: 'UGRADERT',
          author: 'user-crash',
          status: 'final',
          at: new Date().toISOString(),
          content: { what: `Fiktivt notat ${i} om Jens Opdigtet`, pad: randomBytes(1500).toString('base64') },
          searchTitle: `Notat ${i}`,
        });
      }
    })();
  } finally {
    db.close();
  }
}

export async function killDuringWrites(
  options: ScenarioOptions,
): Promise<{ kills: number; acknowledged: number; lost: number }> {
  const vault = join(options.root, 'documents-vault');
  const key = await crashVault(vault);
  const acked: string[] = [];
  let kills = 0;
  let lost = 0;
  for (let i = 0; i < options.kills; i += 1) {
    const run = await runAndKill(options.writer, 'documents', env(vault), moment(options.random, 150, i === 0));
    kills += run.killed ? 1 : 0;
    acked.push(...run.acks);
    // Every acknowledged write so far, not just this run's: a later recovery must not lose older ones.
    lost = lostWrites(vault, key, acked);
    if (lost > 0) break;
  }
  key.fill(0);
  return { kills, acknowledged: acked.length, lost };
}

export async function killDuringPassphraseChange(
  options: ScenarioOptions,
): Promise<{ kills: number; changes: number; unopenable: number }> {
  const vault = join(options.root, 'passphrase-vault');
  (await crashVault(vault)).fill(0);
  let kills = 0;
  let changes = 0;
  let unopenable = 0;
  for (let i = 0; i < options.kills; i += 1) {
    const run = await runAndKill(options.writer, 'passphrase', env(vault), moment(options.random, 150, i === 0));
    kills += run.killed ? 1 : 0;
    changes += run.acks.length;
    if ((await openingPassphrase(vault)) === null) unopenable += 1;
  }
  return { kills, changes, unopenable };
}

/**
 * Kills while backups replace one another. After each kill the file must be absent (no backup ever
 * finished), the last acknowledged one, or a complete newer one, never a torn file.
 */
export async function killDuringBackup(
  options: ScenarioOptions,
): Promise<{ kills: number; backups: number; torn: number; out: string; vault: string }> {
  const vault = join(options.root, 'backup-vault');
  seedDocuments(vault, await crashVault(vault), 150);
  const out = join(options.root, 'backups', 'vault.backup');
  let kills = 0;
  let backups = 0;
  let torn = 0;
  for (let i = 0; i < options.kills; i += 1) {
    const run = await runAndKill(
      options.writer,
      'backup',
      env(vault, { BRO_CRASH_OUT: out }),
      moment(options.random, 700, i === 0),
    );
    kills += run.killed ? 1 : 0;
    backups += run.acks.length;
    const state = backupState(out);
    if (state.exists ? !state.complete : backups > 0) torn += 1;
  }
  return { kills, backups, torn, out, vault };
}

/**
 * Kills while documents are written and the data key is rotated after each one. After every kill the
 * vault opens with one of the two passphrases, no acknowledged document is missing and the audit
 * chain verifies against the key file's anchor.
 */
export async function killDuringRotation(
  options: ScenarioOptions,
): Promise<{ kills: number; rotations: number; acknowledged: number; lost: number; unopenable: number }> {
  const vault = join(options.root, 'rotation-vault');
  (await crashVault(vault)).fill(0);
  const acked: string[] = [];
  let kills = 0;
  let rotations = 0;
  let lost = 0;
  let unopenable = 0;
  for (let i = 0; i < options.kills; i += 1) {
    const run = await runAndKill(options.writer, 'rotate', env(vault), moment(options.random, 1500, i === 0));
    kills += run.killed ? 1 : 0;
    rotations += run.acks.filter((ack) => ack.startsWith('rotated')).length;
    acked.push(...run.acks.filter((ack) => !ack.startsWith('rotated')));
    const opening = await openingPassphrase(vault);
    if (opening === null) {
      unopenable += 1;
      break;
    }
    const key = await recoverDataKey(vault, { passphrase: opening === 0 ? PASS_A : PASS_B });
    lost = lostWrites(vault, key, acked);
    key.fill(0);
    if (lost > 0) break;
  }
  return { kills, rotations, acknowledged: acked.length, lost, unopenable };
}
