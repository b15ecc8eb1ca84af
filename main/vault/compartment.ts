import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../db/connection';
import { changeMark } from '../db/repositories/due-facts-repo';
import {
  allSealedConversations,
  putSealedConversation,
  sealedConversations,
  type SealedConversationRow,
} from '../db/repositories/mentor-conversations-repo';
import { AppError } from '../ipc/app-error';
import { deriveKey, newKdfParams, PRODUCTION_KDF, type KdfCost } from './kdf';
import { readKeyFile, updateKeyFile, wrapAad } from './key-file';
import { unwrapKey, wrapKey } from './key-wrap';
import { unwrapWithPassphrase } from './unwrap-data-key';
import { clearThrottle, readThrottle, recordFailure, secondsUntilRetry } from './unlock-throttle';
import type { VaultSession } from './vault-session';

export type CompartmentState = 'none' | 'locked' | 'unlocked';

export interface StoredRecord {
  id: string;
  courseId: string;
  createdAt: string;
  payload: unknown;
}

/** The compartment's state while its key is not held: whether the key file has one at all. */
export function stateWhenShut(keysPath: string): 'locked' | 'none' {
  return readKeyFile(keysPath).compartments?.mentor ? 'locked' : 'none';
}

/**
 * The mentor scheme's compartment: its own 256-bit key, wrapped like the vault key by its own
 * passphrase, kept in the vault's key file. Unlocking the vault does not unlock it; locking the vault
 * locks it too.
 */
export class MentorCompartment {
  private key: Buffer | null = null;
  /** Moves on every lock: a key derived across a lock is dropped, not kept (see keep). */
  private generation = 0;
  /** The gradings last read, with the vault's change mark then (the banner asks every few seconds). */
  private gradingsRead: { db: Db; mark: string; levels: string[] } | null = null;
  private readonly throttleFile: string;

  constructor(
    private readonly session: VaultSession,
    private readonly now: () => Date = () => new Date(),
    private readonly kdfCost: KdfCost = PRODUCTION_KDF,
  ) {
    this.throttleFile = join(session.files.dir, 'compartment-attempts.json');
    session.onChange((event) => {
      if (event.type === 'locked') this.lock();
    });
  }

  state(): CompartmentState {
    if (!this.session.isUnlocked) return 'locked';
    if (this.key) return 'unlocked';
    return stateWhenShut(this.session.files.keys);
  }

  /** Under the session lock, and the key file is read again after the KDF: a racing change keeps both. */
  create(passphrase: string): Promise<void> {
    return this.session.exclusive(async () => {
      const generation = this.generation;
      const { vaultId } = this.session.current();
      const keyFile = readKeyFile(this.session.files.keys);
      if (keyFile.compartments?.mentor) throw new AppError('already_exists', 'error.compartment_exists');
      // The vault's own passphrase would open the compartment for every coordinator (NO pkt 13.5).
      const vaultKey = await unwrapWithPassphrase(keyFile, passphrase);
      if (vaultKey) {
        vaultKey.fill(0);
        throw new AppError('invalid_input', 'error.compartment_same_as_vault', undefined, ['passphrase']);
      }
      const key = randomBytes(32);
      const kdf = newKdfParams(this.kdfCost);
      const kek = await deriveKey(passphrase, kdf);
      const wrap = wrapKey(kek, key, wrapAad(vaultId, 'compartment-mentor'));
      kek.fill(0);
      if (!this.session.isUnlocked) {
        key.fill(0);
        throw new AppError('locked', 'error.locked');
      }
      updateKeyFile(this.session.files.keys, (keyFile) => ({
        ...keyFile,
        compartments: { ...keyFile.compartments, mentor: { kdf, wrap } },
      }));
      // Locked while it was being made: made, and left locked as the user asked.
      if (generation === this.generation) this.key = key;
      else key.fill(0);
    });
  }

  unlock(passphrase: string): Promise<void> {
    return this.session.exclusive(() => this.unlockNow(passphrase));
  }

  private async unlockNow(passphrase: string): Promise<void> {
    const generation = this.generation;
    const { vaultId } = this.session.current();
    const entry = readKeyFile(this.session.files.keys).compartments?.mentor;
    if (!entry) throw new AppError('not_found', 'error.compartment_missing');
    const wait = secondsUntilRetry(readThrottle(this.throttleFile), this.now());
    if (wait > 0) throw new AppError('throttled', 'error.throttled', { seconds: wait });
    const kek = await deriveKey(passphrase, entry.kdf);
    const key = unwrapKey(kek, entry.wrap, wrapAad(vaultId, 'compartment-mentor'));
    kek.fill(0);
    if (!key) {
      const state = recordFailure(this.throttleFile, this.now());
      throw new AppError('wrong_passphrase', 'error.wrong_passphrase', {
        seconds: secondsUntilRetry(state, this.now()),
        attempts: state.failures,
      });
    }
    clearThrottle(this.throttleFile);
    this.refuseAcrossLock(key, generation);
    this.key = key;
  }

  /**
   * A key unwrapped while the vault or the compartment was locked is dropped: the lock the user asked
   * for holds, and the unlock that came before it fails by name.
   */
  private refuseAcrossLock(key: Buffer, generation: number): void {
    if (this.session.isUnlocked && generation === this.generation) return;
    key.fill(0);
    if (!this.session.isUnlocked) throw new AppError('locked', 'error.locked');
    throw new AppError('forbidden', 'error.compartment_locked');
  }

  lock(): void {
    this.generation += 1;
    this.key?.fill(0);
    this.key = null;
    this.gradingsRead = null;
  }

  private requireKey(): Buffer {
    if (!this.key) throw new AppError('forbidden', 'error.compartment_locked');
    return this.key;
  }

  /**
   * Encrypts and stores one record; the AAD binds the ciphertext to its id and course. A correction
   * passes the record's `createdAt`, which stays (the day it was recorded, and the list's order).
   */
  save(db: Db, courseId: string, payload: unknown, id: string = randomUUID(), createdAt?: string): StoredRecord {
    const key = this.requireKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${id}/${courseId}`));
    // Stryker disable next-line StringLiteral: a cipher reads a string without an input encoding as UTF-8
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    const at = createdAt ?? this.now().toISOString();
    putSealedConversation(db, { id, courseId, iv, ciphertext, tag: cipher.getAuthTag(), createdAt: at });
    return { id, courseId, createdAt: at, payload };
  }

  /**
   * A course's records that open, and the ids of those that do not (changed outside Bro, or sealed by
   * another compartment): one damaged record does not hide the others.
   */
  read(db: Db, courseId: string): { records: StoredRecord[]; damaged: string[] } {
    const key = this.requireKey();
    const records: StoredRecord[] = [];
    const damaged: string[] = [];
    for (const row of sealedConversations(db, courseId)) {
      const payload = openedOrNull(key, row);
      if (payload === undefined) damaged.push(row.id);
      else records.push({ id: row.id, courseId: row.courseId, createdAt: row.createdAt, payload });
    }
    return { records, damaged };
  }

  /** One record of the course, to correct it; refused by name when it does not open. */
  get(db: Db, courseId: string, id: string): StoredRecord | null {
    const key = this.requireKey();
    const row = sealedConversations(db, courseId).find((candidate) => candidate.id === id);
    if (!row) return null;
    const payload = openedOrNull(key, row);
    if (payload === undefined) throw new AppError('vault_corrupt', 'error.conversation_altered');
    return { id: row.id, courseId: row.courseId, createdAt: row.createdAt, payload };
  }

  /**
   * The grading level of every live record while the compartment is open (the banner counts what the
   * mentor scheme may see); none while it is shut. A record that does not open is left out here: its
   * course's list reports it.
   */
  gradings(db: Db): string[] {
    const key = this.key;
    if (!key) return [];
    // Opened again only when something was written since: not every record on every status poll.
    const mark = changeMark(db);
    // Stryker disable next-line ConditionalExpression: the cache only spares work; read afresh, the levels are the same
    if (this.gradingsRead?.db === db && this.gradingsRead.mark === mark) return this.gradingsRead.levels;
    const levels = allSealedConversations(db).flatMap((row) => {
      const level = (openedOrNull(key, row) as { grading?: { level?: unknown } } | null | undefined)?.grading?.level;
      return typeof level === 'string' ? [level] : [];
    });
    // Stryker disable next-line ObjectLiteral: an empty cache entry is read afresh next time, to the same levels
    this.gradingsRead = { db, mark, levels };
    return levels;
  }
}

/** A sealed record's payload; undefined when it does not open (tampered, or another compartment's). */
function openedOrNull(key: Buffer, row: SealedConversationRow): unknown {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, row.iv);
    decipher.setAAD(Buffer.from(`${row.id}/${row.courseId}`));
    decipher.setAuthTag(row.tag);
    return JSON.parse(Buffer.concat([decipher.update(row.ciphertext), decipher.final()]).toString('utf8')) as unknown;
    // Stryker disable next-line BlockStatement: an empty catch returns undefined just the same
  } catch {
    return undefined;
  }
}
