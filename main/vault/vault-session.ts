import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Profile } from '../../shared/domain/profile';
import type { VaultStatus } from '../../shared/ipc/vault';
import { assessPassphrase } from '../../shared/vault/passphrase-policy';
import { configureForWriting, openEncrypted, type Db } from '../db/connection';
import { assertNotNewer, loadMigrations, migrate, schemaVersion, type Migration } from '../db/migrate';
import { AppError } from '../ipc/app-error';
import { deriveKey, newKdfParams, PRODUCTION_KDF, type KdfCost } from './kdf';
import {
  keyFileExists,
  readKeyFile,
  wrapAad,
  writeKeyFile,
  KEY_FILE_FORMAT,
  KEY_FILE_VERSION,
  type KeyFile,
} from './key-file';
import { wrapKey } from './key-wrap';
import { formatRecoveryKey, newRecoveryKey, recoveryWrappingKey } from './recovery-key';
import { clearThrottle, readThrottle, recordFailure, secondsUntilRetry } from './unlock-throttle';
import { unwrapWithPassphrase, unwrapWithRecoveryKey } from './unwrap-data-key';
import { vaultFiles } from './vault-files';
import { readMeta, writeMeta } from '../db/repositories/meta-repo';

/**
 * The database must be the one this key file was made for. An empty or replaced vault.db would
 * otherwise open as a new, empty vault (SQLCipher treats a 0-byte file as new) and hide the loss.
 */
function assertBelongsTo(db: Db, vaultId: string): void {
  if (readMeta(db, 'vault_id') !== vaultId) throw new AppError('vault_corrupt', 'error.vault_mismatch');
}

export interface VaultSessionOptions {
  dir: string;
  now?: () => Date;
  /** Lower only in tests that create many vaults; production always uses PRODUCTION_KDF. */
  kdfCost?: KdfCost;
  migrations?: Migration[];
}

export type LockReason = 'user' | 'idle' | 'os' | 'shutdown' | 'passphrase_changed';

export interface OpenVault {
  db: Db;
  profile: Profile;
  vaultId: string;
  /** Failed attempts before this unlock, so the audit log can record them. */
  failedAttemptsBefore: number;
}

type Listener = (event: { type: 'unlocked'; vault: OpenVault } | { type: 'locked'; reason: LockReason }) => void;

/**
 * The vault of one folder: create, unlock, lock, change passphrase. Holds the open database and the
 * data key only while unlocked; lock closes the database and overwrites the key bytes.
 */
export class VaultSession {
  readonly files;
  private readonly now: () => Date;
  private readonly kdfCost: KdfCost;
  private readonly migrations: Migration[];
  private open: (OpenVault & { dataKey: Buffer }) | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(options: VaultSessionOptions) {
    this.files = vaultFiles(options.dir);
    this.now = options.now ?? (() => new Date());
    this.kdfCost = options.kdfCost ?? PRODUCTION_KDF;
    this.migrations = options.migrations ?? loadMigrations();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get isUnlocked(): boolean {
    return this.open !== null;
  }

  /** The open vault, or a typed 'locked' error for services called while locked. */
  current(): OpenVault {
    if (!this.open) throw new AppError('locked', 'error.locked');
    return this.open;
  }

  status(): VaultStatus {
    if (this.open) {
      return { state: 'unlocked', profile: this.open.profile, schemaVersion: schemaVersion(this.open.db) };
    }
    if (!keyFileExists(this.files.keys)) return { state: 'none' };
    const keyFile = readKeyFile(this.files.keys);
    const throttle = readThrottle(this.files.throttle);
    return {
      state: 'locked',
      profile: keyFile.profile,
      failedAttempts: throttle?.failures ?? 0,
      retryAfterSeconds: secondsUntilRetry(throttle, this.now()),
    };
  }

  async create(profile: Profile, passphrase: string): Promise<{ recoveryKey: string }> {
    if (keyFileExists(this.files.keys)) throw new AppError('already_exists', 'error.vault_exists');
    if (!assessPassphrase(passphrase).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
    mkdirSync(this.files.dir, { recursive: true, mode: 0o700 });
    // A database without a key file can only be left from a creation that crashed; its key was never
    // stored, so it cannot be read. Keep it aside rather than delete anything.
    if (existsSync(this.files.database)) {
      renameSync(this.files.database, `${this.files.database}.orphan-${this.now().getTime()}`);
    }
    const vaultId = randomUUID();
    const dataKey = randomBytes(32);
    const recovery = newRecoveryKey();
    const kdf = newKdfParams(this.kdfCost);
    const kek = await deriveKey(passphrase, kdf);
    const keyFile: KeyFile = {
      format: KEY_FILE_FORMAT,
      version: KEY_FILE_VERSION,
      vaultId,
      profile,
      createdAt: this.now().toISOString(),
      kdf,
      wraps: {
        passphrase: wrapKey(kek, dataKey, wrapAad(vaultId, 'passphrase')),
        recovery: wrapKey(recoveryWrappingKey(recovery, vaultId), dataKey, wrapAad(vaultId, 'recovery')),
      },
    };
    kek.fill(0);
    const db = openEncrypted(this.files.database, dataKey);
    configureForWriting(db);
    migrate(db, this.migrations);
    db.transaction(() => {
      writeMeta(db, 'vault_id', vaultId);
      writeMeta(db, 'profile', profile);
      writeMeta(db, 'created_at', keyFile.createdAt);
    })();
    // The key file is written last: until it exists, no vault exists.
    writeKeyFile(this.files.keys, keyFile);
    this.setOpen({ db, profile, vaultId, failedAttemptsBefore: 0, dataKey });
    const shown = formatRecoveryKey(recovery);
    recovery.fill(0);
    return { recoveryKey: shown };
  }

  async unlock(passphrase: string): Promise<VaultStatus> {
    const keyFile = this.lockedKeyFile();
    const dataKey = await unwrapWithPassphrase(keyFile, passphrase);
    return this.finishUnlock(keyFile, dataKey);
  }

  /**
   * Opens the vault read-only for `bro vault check`: same passphrase checks and delay as unlock, the
   * integrity checks, but no migration and no WAL switch, so checking never changes the vault.
   * The caller must close the returned database.
   */
  async inspect(passphrase: string): Promise<{ db: Db; profile: Profile; schemaVersion: number; supported: number }> {
    const keyFile = this.lockedKeyFile();
    const dataKey = await unwrapWithPassphrase(keyFile, passphrase);
    if (!dataKey) this.recordWrongSecret();
    try {
      const db = openEncrypted(this.files.database, dataKey as Buffer);
      try {
        assertBelongsTo(db, keyFile.vaultId);
      } catch (error) {
        db.close();
        throw error;
      }
      clearThrottle(this.files.throttle);
      return { db, profile: keyFile.profile, schemaVersion: schemaVersion(db), supported: this.migrations.length };
    } finally {
      dataKey?.fill(0);
    }
  }

  async unlockWithRecoveryKey(recoveryText: string, newPassphrase: string): Promise<VaultStatus> {
    if (!assessPassphrase(newPassphrase).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
    const keyFile = this.lockedKeyFile();
    const dataKey = unwrapWithRecoveryKey(keyFile, recoveryText);
    const status = this.finishUnlock(keyFile, dataKey, 'error.wrong_recovery_key');
    await this.rewrapPassphrase(keyFile, newPassphrase, this.current());
    return status;
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const open = this.current();
    if (!assessPassphrase(next).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
    const keyFile = readKeyFile(this.files.keys);
    const check = await unwrapWithPassphrase(keyFile, current);
    if (!check) throw new AppError('wrong_passphrase', 'error.wrong_current_passphrase');
    check.fill(0);
    await this.rewrapPassphrase(keyFile, next, open);
  }

  lock(reason: LockReason = 'user'): VaultStatus {
    if (this.open) {
      const { db, dataKey } = this.open;
      this.open = null;
      try {
        db.close();
      } finally {
        dataKey.fill(0);
      }
      this.emit({ type: 'locked', reason });
    }
    return this.status();
  }

  private lockedKeyFile(): KeyFile {
    if (this.open) throw new AppError('conflict', 'error.already_unlocked');
    if (!keyFileExists(this.files.keys)) throw new AppError('vault_missing', 'error.vault_missing');
    const keyFile = readKeyFile(this.files.keys);
    const wait = secondsUntilRetry(readThrottle(this.files.throttle), this.now());
    if (wait > 0) throw new AppError('throttled', 'error.throttled', { seconds: wait });
    return keyFile;
  }

  private recordWrongSecret(messageKey = 'error.wrong_passphrase'): never {
    const state = recordFailure(this.files.throttle, this.now());
    throw new AppError('wrong_passphrase', messageKey, {
      seconds: secondsUntilRetry(state, this.now()),
      attempts: state.failures,
    });
  }

  private finishUnlock(keyFile: KeyFile, dataKey: Buffer | null, wrongKey = 'error.wrong_passphrase'): VaultStatus {
    if (!dataKey) this.recordWrongSecret(wrongKey);
    const failedAttemptsBefore = readThrottle(this.files.throttle)?.failures ?? 0;
    let db: Db | null = null;
    try {
      db = openEncrypted(this.files.database, dataKey);
      assertBelongsTo(db, keyFile.vaultId);
      assertNotNewer(db, this.migrations);
      configureForWriting(db);
      migrate(db, this.migrations);
    } catch (error) {
      db?.close();
      dataKey.fill(0);
      throw error;
    }
    clearThrottle(this.files.throttle);
    this.setOpen({ db, profile: keyFile.profile, vaultId: keyFile.vaultId, failedAttemptsBefore, dataKey });
    return this.status();
  }

  /** Re-wraps the same data key under a new passphrase; the database itself is not touched. */
  private async rewrapPassphrase(keyFile: KeyFile, passphrase: string, open: OpenVault): Promise<void> {
    const dataKey = this.open?.dataKey;
    if (!dataKey || open.vaultId !== keyFile.vaultId) throw new AppError('locked', 'error.locked');
    const kdf = newKdfParams(this.kdfCost);
    const kek = await deriveKey(passphrase, kdf);
    const passphraseWrap = wrapKey(kek, dataKey, wrapAad(keyFile.vaultId, 'passphrase'));
    kek.fill(0);
    writeKeyFile(this.files.keys, { ...keyFile, kdf, wraps: { ...keyFile.wraps, passphrase: passphraseWrap } });
  }

  private setOpen(open: OpenVault & { dataKey: Buffer }): void {
    this.open = open;
    this.emit({ type: 'unlocked', vault: open });
  }

  private emit(event: Parameters<Listener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }
}
