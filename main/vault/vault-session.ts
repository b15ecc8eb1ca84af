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
  updateKeyFile,
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
import { hasAuditLog } from '../db/repositories/audit-repo';
import { forgetAuditKey, keyAuditLog } from '../audit/audit-key';
import type { AuditAction } from '../audit/audit-log';
import type { AuditFinding } from '../audit/audit-verify';
import { recordVaultEvent, sealOpening, writeAnchor } from './vault-audit';
import { SessionLock } from './session-lock';
import { commitRotation, prepareRotation, rewrapped, settleRotation } from './rotate-key';

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
  /** Failed attempts before this unlock (they are in the audit log by now). */
  failedAttemptsBefore: number;
  /** What the audit check at unlock found (empty when the chain and its anchors agree). */
  auditFindings: AuditFinding[];
}

type Listener = (event: { type: 'unlocked'; vault: OpenVault } | { type: 'locked'; reason: LockReason }) => void;

/**
 * The vault of one folder: create, unlock, lock, change passphrase. Holds the open database and the
 * data key only while unlocked; lock closes the database and overwrites the key bytes. Everything that
 * reads or replaces key material runs under one session lock (see SessionLock).
 */
export class VaultSession {
  readonly files;
  private readonly now: () => Date;
  private readonly kdfCost: KdfCost;
  private readonly migrations: Migration[];
  private open: (OpenVault & { dataKey: Buffer }) | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly sessionLock = new SessionLock();
  /** Moves on every lock, so work that was waiting on a KDF when the vault locked does not reopen it. */
  private generation = 0;

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

  /** Runs `task` under the session lock (compartment and backup work use it too). */
  exclusive<T>(task: () => Promise<T> | T): Promise<T> {
    return this.sessionLock.run(task);
  }

  /** The open vault, or a typed 'locked' error for services called while locked. */
  current(): OpenVault {
    if (!this.open) throw new AppError('locked', 'error.locked');
    return this.open;
  }

  status(): VaultStatus {
    if (this.open) {
      const { profile, db, auditFindings } = this.open;
      return {
        state: 'unlocked',
        profile,
        schemaVersion: schemaVersion(db),
        ...(auditFindings.length > 0 ? { auditFindings } : {}),
      };
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

  create(profile: Profile, passphrase: string): Promise<{ recoveryKey: string }> {
    return this.exclusive(() => this.createNow(profile, passphrase));
  }

  private async createNow(profile: Profile, passphrase: string): Promise<{ recoveryKey: string }> {
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
    keyAuditLog(db, dataKey, vaultId);
    db.transaction(() => {
      writeMeta(db, 'vault_id', vaultId);
      writeMeta(db, 'profile', profile);
      writeMeta(db, 'created_at', keyFile.createdAt);
    })();
    // The key file is written last: until it exists, no vault exists.
    writeKeyFile(this.files.keys, keyFile);
    this.setOpen({ db, profile, vaultId, failedAttemptsBefore: 0, auditFindings: [], dataKey });
    const shown = formatRecoveryKey(recovery);
    recovery.fill(0);
    return { recoveryKey: shown };
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const keyFile = this.lockedKeyFile();
      const generation = this.generation;
      const dataKey = await unwrapWithPassphrase(keyFile, passphrase);
      return this.finishUnlock(keyFile, this.stillWanted(generation, dataKey), 'unlock');
    });
  }

  /**
   * Opens the vault read-only for `bro vault check`: same passphrase checks and delay as unlock, the
   * integrity checks, but no migration and no WAL switch, so checking never changes the vault. Failed
   * attempts stay on record for the next unlock to log. The caller must close it with closeInspected.
   */
  inspect(passphrase: string): Promise<{ db: Db; profile: Profile; schemaVersion: number; supported: number }> {
    return this.exclusive(async () => {
      const keyFile = this.lockedKeyFile();
      const dataKey = await unwrapWithPassphrase(keyFile, passphrase);
      if (!dataKey) this.recordWrongSecret();
      try {
        const db = openEncrypted(this.files.database, dataKey);
        try {
          assertBelongsTo(db, keyFile.vaultId);
        } catch (error) {
          db.close();
          throw error;
        }
        keyAuditLog(db, dataKey, keyFile.vaultId);
        clearThrottle(this.files.throttle, false);
        return { db, profile: keyFile.profile, schemaVersion: schemaVersion(db), supported: this.migrations.length };
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /**
   * The raw data key for `bro vault show-key`: throttled like unlock, and logged in the vault (with
   * the failed attempts before it) before the key is handed out. The caller overwrites it.
   */
  revealDataKey(secret: { passphrase: string } | { recoveryKey: string }): Promise<Buffer> {
    return this.exclusive(async () => {
      const keyFile = this.lockedKeyFile();
      const dataKey =
        'passphrase' in secret
          ? await unwrapWithPassphrase(keyFile, secret.passphrase)
          : unwrapWithRecoveryKey(keyFile, secret.recoveryKey);
      this.finishUnlock(keyFile, dataKey, 'key_shown', 'passphrase' in secret ? undefined : 'error.wrong_recovery_key');
      const copy = Buffer.from(this.open?.dataKey ?? Buffer.alloc(0));
      this.lockNow('user');
      return copy;
    });
  }

  unlockWithRecoveryKey(recoveryText: string, newPassphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (!assessPassphrase(newPassphrase).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
      const keyFile = this.lockedKeyFile();
      const dataKey = unwrapWithRecoveryKey(keyFile, recoveryText);
      const status = this.finishUnlock(keyFile, dataKey, 'recovery_unlock', 'error.wrong_recovery_key');
      await this.rewrapPassphrase(newPassphrase);
      return status;
    });
  }

  /** Checks the current passphrase (throttled, failures counted like unlock's) before re-wrapping. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      this.current();
      await this.checkCurrent(current, next);
      await this.rewrapPassphrase(next);
    });
  }

  /**
   * Re-encrypts the database under a new random data key, with a new passphrase and a new recovery
   * key (returned, shown once). Old key files and backups keep opening with the old secrets.
   */
  rotateKey(
    current: string,
    next: string,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      const open = this.open;
      if (!open) throw new AppError('locked', 'error.locked');
      await this.checkCurrent(current, next);
      onProgress(1, 4);
      const generation = this.generation;
      const kdf = newKdfParams(this.kdfCost);
      const kek = await deriveKey(next, kdf);
      onProgress(2, 4);
      // Let a progress poll be answered before the copy, which holds the thread.
      await new Promise((resolve) => setImmediate(resolve));
      if (generation !== this.generation || this.open !== open) {
        kek.fill(0);
        throw new AppError('locked', 'error.locked');
      }
      return this.rotateOpen(open, kek, kdf);
    });
  }

  /** The new passphrase must pass the policy and the current one must be right (throttled like unlock). */
  private async checkCurrent(current: string, next: string): Promise<void> {
    if (!assessPassphrase(next).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
    this.assertNotThrottled();
    const check = await unwrapWithPassphrase(readKeyFile(this.files.keys), current);
    if (!check) this.recordWrongSecret('error.wrong_current_passphrase');
    check.fill(0);
    clearThrottle(this.files.throttle, false);
  }

  private rotateOpen(open: OpenVault & { dataKey: Buffer }, kek: Buffer, kdf: KeyFile['kdf']): { recoveryKey: string } {
    const dataKey = randomBytes(32);
    const recovery = newRecoveryKey();
    const nextKeyFile = rewrapped(readKeyFile(this.files.keys), { kek, kdf, dataKey, recovery });
    const vaultId = nextKeyFile.vaultId;
    kek.fill(0);
    try {
      prepareRotation(open.db, this.files, { dataKey, keyFile: nextKeyFile, at: this.now().toISOString() });
    } catch (error) {
      dataKey.fill(0);
      recovery.fill(0);
      throw error;
    }
    forgetAuditKey(open.db);
    open.db.close();
    let active: Buffer = dataKey;
    try {
      commitRotation(this.files);
    } catch (error) {
      // The old database and key file are untouched: carry on with them.
      dataKey.fill(0);
      recovery.fill(0);
      active = open.dataKey;
      this.reopen(open, active, vaultId);
      throw error;
    }
    open.dataKey.fill(0);
    this.reopen(open, active, vaultId);
    const shown = formatRecoveryKey(recovery);
    recovery.fill(0);
    return { recoveryKey: shown };
  }

  private reopen(open: OpenVault & { dataKey: Buffer }, dataKey: Buffer, vaultId: string): void {
    const db = openEncrypted(this.files.database, dataKey);
    configureForWriting(db);
    keyAuditLog(db, dataKey, vaultId);
    this.open = { ...open, db, dataKey };
  }

  /** Finishes or undoes a key rotation a crash interrupted (only while nothing is open). */
  private settle(): void {
    if (!this.open) settleRotation(this.files);
  }

  /** Locks at once (never waits): closes the connection, overwrites the keys, anchors the audit head. */
  lock(reason: LockReason = 'user'): VaultStatus {
    this.lockNow(reason);
    return this.status();
  }

  private lockNow(reason: LockReason): void {
    this.generation += 1;
    if (!this.open) return;
    const { db, dataKey } = this.open;
    this.open = null;
    try {
      if (hasAuditLog(db) && keyFileExists(this.files.keys)) writeAnchor(db, this.files.keys, this.now().toISOString());
    } catch {
      // Locking must not fail: the anchor is rewritten at the next unlock.
    } finally {
      forgetAuditKey(db);
      try {
        db.close();
      } finally {
        dataKey.fill(0);
      }
    }
    this.emit({ type: 'locked', reason });
  }

  /** Drops a key that arrived after the vault was locked (or locked again) while the KDF ran. */
  private stillWanted(generation: number, dataKey: Buffer | null): Buffer | null {
    if (generation === this.generation) return dataKey;
    dataKey?.fill(0);
    throw new AppError('locked', 'error.locked');
  }

  private assertNotThrottled(): void {
    const wait = secondsUntilRetry(readThrottle(this.files.throttle), this.now());
    if (wait > 0) throw new AppError('throttled', 'error.throttled', { seconds: wait });
  }

  private lockedKeyFile(): KeyFile {
    if (this.open) throw new AppError('conflict', 'error.already_unlocked');
    this.settle();
    if (!keyFileExists(this.files.keys)) throw new AppError('vault_missing', 'error.vault_missing');
    const keyFile = readKeyFile(this.files.keys);
    this.assertNotThrottled();
    return keyFile;
  }

  private recordWrongSecret(messageKey = 'error.wrong_passphrase'): never {
    const state = recordFailure(this.files.throttle, this.now());
    throw new AppError('wrong_passphrase', messageKey, {
      seconds: secondsUntilRetry(state, this.now()),
      attempts: state.failures,
    });
  }

  private finishUnlock(
    keyFile: KeyFile,
    dataKey: Buffer | null,
    action: AuditAction,
    wrongKey = 'error.wrong_passphrase',
  ): VaultStatus {
    if (!dataKey) this.recordWrongSecret(wrongKey);
    const failedAttemptsBefore = readThrottle(this.files.throttle)?.unreported ?? 0;
    let db: Db | null = null;
    let auditFindings: AuditFinding[];
    try {
      db = openEncrypted(this.files.database, dataKey);
      assertBelongsTo(db, keyFile.vaultId);
      assertNotNewer(db, this.migrations);
      configureForWriting(db);
      migrate(db, this.migrations);
      keyAuditLog(db, dataKey, keyFile.vaultId);
      auditFindings = sealOpening(db, this.files, { at: this.now().toISOString(), action, vaultId: keyFile.vaultId });
    } catch (error) {
      if (db) forgetAuditKey(db);
      db?.close();
      dataKey.fill(0);
      throw error;
    }
    const profile = keyFile.profile;
    this.setOpen({ db, profile, vaultId: keyFile.vaultId, failedAttemptsBefore, auditFindings, dataKey });
    return this.status();
  }

  /**
   * Re-wraps the open data key under a new passphrase, reading the key file again after the KDF so a
   * compartment or anchor written meanwhile is kept. The change is logged.
   */
  private async rewrapPassphrase(passphrase: string): Promise<void> {
    const generation = this.generation;
    const kdf = newKdfParams(this.kdfCost);
    const kek = await deriveKey(passphrase, kdf);
    const open = this.open;
    if (generation !== this.generation || !open) {
      kek.fill(0);
      throw new AppError('locked', 'error.locked');
    }
    updateKeyFile(this.files.keys, (keyFile) => {
      const passphraseWrap = wrapKey(kek, open.dataKey, wrapAad(keyFile.vaultId, 'passphrase'));
      return { ...keyFile, kdf, wraps: { ...keyFile.wraps, passphrase: passphraseWrap } };
    });
    kek.fill(0);
    recordVaultEvent(open.db, this.files.keys, this.now().toISOString(), 'passphrase_changed', open.vaultId);
  }

  private setOpen(open: OpenVault & { dataKey: Buffer }): void {
    this.open = open;
    this.emit({ type: 'unlocked', vault: open });
  }

  private emit(event: Parameters<Listener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }
}
