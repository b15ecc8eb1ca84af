import type { Profile } from '../../shared/domain/profile';
import type { VaultStatus } from '../../shared/ipc/vault';
import { assessPassphrase } from '../../shared/vault/passphrase-policy';
import { assertWritable, configureForWriting, openEncrypted, type Db } from '../db/connection';
import { loadMigrations, schemaVersion, type Migration } from '../db/migrate';
import { AppError } from '../ipc/app-error';
import { deriveKey, newKdfParams, PRODUCTION_KDF, type KdfCost } from './kdf';
import { keyFileExists, readKeyFile, type KeyFile } from './key-file';
import { clearThrottle, readThrottle, recordFailure, secondsUntilRetry, type EntryPoint } from './unlock-throttle';
import { unwrapWithPassphrase, unwrapWithRecoveryKey } from './unwrap-data-key';
import { assertFolderOrAbsent, vaultFiles } from './vault-files';
import { keyAuditLog } from '../audit/audit-key';
import type { AuditAction } from '../audit/audit-log';
import type { AuditFinding } from '../audit/audit-verify';
import { closeAnchored, recordAuditAlarm, recordVaultChange, writeAnchor } from './vault-audit';
import { HealthWatch } from './health-watch';
import type { DueFactsReport } from './integrity-check';
import { mendDueFacts, recordRepair, type VaultRepair } from './vault-repairs';
import { integrityChecksSettled, type VaultHealth } from './vault-health';
import { openForReading, openForSession } from './vault-open';
import { assertNotThrottled, keepRefusedAttempt, readableKeyFile } from './vault-attempts';
import { createVault, rewrapPassphraseIn } from './vault-create';
import type { Listener, LockReason, OpenVault, VaultSessionOptions } from './vault-types';
import { SessionLock } from './session-lock';
import { settleRotation, swapDataKey } from './rotate-key';

export type { LockReason, OpenVault, VaultSessionOptions } from './vault-types';

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
  private readonly entryPoint: EntryPoint;
  private readonly health: HealthWatch;
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
    this.entryPoint = options.entryPoint ?? 'cli';
    this.health = new HealthWatch(options.healthCheck ?? true, options.healthCheckDelayMs ?? 0, {
      onFinding: (finding) => this.addFinding(finding),
      onDueFactsMismatch: (report) => this.mendDueFacts(report),
      onSettled: (health) => {
        // Stryker disable next-line ConditionalExpression: a run's answer is taken only while the run is current, and lockNow clears this.open and stops the run in one synchronous step, so this.open is always set here
        if (this.open) this.emit({ type: 'checked', vault: this.open, health });
      },
    });
  }

  /** The full integrity check of the open vault: pending, passed or failed (see vault-health.ts). */
  healthState(): VaultHealth | null {
    return this.open ? this.health.state() : null;
  }

  /** Resolves once the running check (if any) has finished, with its result. */
  settledHealth(): Promise<VaultHealth | null> {
    return this.open ? this.health.settled() : Promise.resolve(null);
  }

  /** A finding of the worker's walk of the chain: logged (unless writes are refused) and shown. */
  private addFinding(finding: AuditFinding): void {
    const open = this.open;
    if (!open || open.auditFindings.includes(finding)) return;
    open.auditFindings = [...open.auditFindings, finding];
    recordAuditAlarm(open.db, this.files.keys, this.now().toISOString(), finding);
  }

  /**
   * Due facts the check found disagreeing with their documents: worked out again (before the check's
   * answer goes out, so the due list's keeper keeps the mended facts), logged and shown. A failure to
   * write leaves them for the next unlock's check; the finding is shown either way.
   */
  private mendDueFacts(report: DueFactsReport): void {
    const open = this.open;
    if (!open) return;
    try {
      mendDueFacts(open.db, this.files.keys, this.now().toISOString(), report);
    } catch {
      // A write refused (a full disk, another program's lock): the next unlock's check finds them again.
    }
    this.addRepair('dueFacts');
  }

  /**
   * The due list's keeper found the kept list disagreeing with the due facts and dropped it
   * (due-list-keep.ts): logged as an alarm and shown, once per unlock.
   */
  recordKeptListRepair(): void {
    const open = this.open;
    if (!open || open.repairs.includes('keptDueList')) return;
    recordRepair(open.db, this.files.keys, this.now().toISOString(), 'keptDueList');
    this.addRepair('keptDueList');
  }

  private addRepair(repair: VaultRepair): void {
    const open = this.open;
    if (open && !open.repairs.includes(repair)) open.repairs = [...open.repairs, repair];
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
      const { profile, db, auditFindings, repairs } = this.open;
      return {
        state: 'unlocked',
        profile,
        schemaVersion: schemaVersion(db),
        ...(auditFindings.length > 0 ? { auditFindings } : {}),
        ...(repairs.length > 0 ? { repairs } : {}),
      };
    }
    if (!keyFileExists(this.files.keys)) return { state: 'none' };
    const keyFile = readableKeyFile(this.files.keys);
    const throttle = readThrottle(this.files.throttle);
    return {
      state: 'locked',
      ...(keyFile ? { profile: keyFile.profile } : {}),
      failedAttempts: throttle?.failures ?? 0,
      retryAfterSeconds: secondsUntilRetry(throttle, this.now()),
    };
  }

  create(profile: Profile, passphrase: string): Promise<{ recoveryKey: string }> {
    return this.exclusive(() => this.createNow(profile, passphrase));
  }

  private async createNow(profile: Profile, passphrase: string): Promise<{ recoveryKey: string }> {
    assertFolderOrAbsent(this.files.dir);
    const made = await createVault(this.files, profile, passphrase, {
      kdfCost: this.kdfCost,
      migrations: this.migrations,
      now: this.now,
    });
    const { db, vaultId, dataKey } = made;
    // The key file holds an anchor from the start: a key file without one is then an edit (anchorMissing).
    writeAnchor(db, this.files.keys, this.now().toISOString());
    this.setOpen({ db, profile, vaultId, failedAttemptsBefore: 0, auditFindings: [], repairs: [], dataKey });
    this.health.passNew();
    return { recoveryKey: made.recoveryKey };
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.attempt(async () => {
      const keyFile = this.lockedKeyFile();
      const generation = this.generation;
      const dataKey = await unwrapWithPassphrase(keyFile, passphrase);
      return this.finishUnlock(keyFile, this.stillWanted(generation, dataKey), 'unlock');
    });
  }

  /**
   * Runs an unlock-like task under the session lock. A refusal other than a wrong secret (which
   * recordWrongSecret keeps, with the delay) is kept in the attempts file for the audit log too, with
   * its entry point and the class of its reason, but adds no delay.
   */
  private attempt<T>(task: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      try {
        return await task();
      } catch (error) {
        keepRefusedAttempt(error, this.files.throttle, this.now(), this.entryPoint);
        throw error;
      }
    });
  }

  /**
   * Opens the vault read-only (`bro list`, `bro vault check`, backups): same passphrase checks and
   * delay as unlock and the same O(1) checks, but no migration and no WAL switch, so reading never
   * changes the vault. The full integrity check is the caller's (`bro vault check` runs fullCheck).
   * Failed attempts stay on record for the next unlock to log. The caller closes the connection.
   */
  inspect(passphrase: string): Promise<{ db: Db; profile: Profile; schemaVersion: number; supported: number }> {
    return this.attempt(async () => {
      const keyFile = this.lockedKeyFile();
      const dataKey = await unwrapWithPassphrase(keyFile, passphrase);
      if (!dataKey) this.recordWrongSecret();
      try {
        const { db, schemaVersion } = openForReading(this.files, keyFile, dataKey);
        clearThrottle(this.files.throttle, false);
        return { db, profile: keyFile.profile, schemaVersion, supported: this.migrations.length };
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
    return this.attempt(async () => {
      const keyFile = this.lockedKeyFile();
      const dataKey =
        'passphrase' in secret
          ? await unwrapWithPassphrase(keyFile, secret.passphrase)
          : unwrapWithRecoveryKey(keyFile, secret.recoveryKey);
      const wrongKey = 'passphrase' in secret ? 'error.wrong_passphrase' : 'error.wrong_recovery_key';
      this.finishUnlock(keyFile, dataKey, 'key_shown', wrongKey, false);
      // Stryker disable next-line OptionalChaining: finishUnlock has just set this.open, or thrown
      const copy = Buffer.from(this.open?.dataKey ?? Buffer.alloc(0));
      this.lockNow('user');
      return copy;
    });
  }

  unlockWithRecoveryKey(recoveryText: string, newPassphrase: string): Promise<VaultStatus> {
    return this.attempt(async () => {
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
      assertWritable(this.current().db);
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
      assertWritable(open.db);
      await this.checkCurrent(current, next);
      // A running check's connection would keep the WAL and fail the swap; its answer lands before it exits.
      await integrityChecksSettled();
      onProgress(1, 4);
      const generation = this.generation;
      const kdf = newKdfParams(this.kdfCost);
      const kek = await deriveKey(next, kdf);
      onProgress(2, 4);
      // Let a progress poll be answered before the copy, which holds the thread.
      await new Promise((resolve) => setImmediate(resolve));
      if (
        this.open !== open ||
        // Stryker disable next-line ConditionalExpression: only a lock moves the generation, and it also clears this.open (nothing reopens the vault while this task holds the session lock), so `this.open !== open` is true whenever the generation moved
        generation !== this.generation
      ) {
        kek.fill(0);
        throw new AppError('locked', 'error.locked');
      }
      return swapDataKey(this.files, open, { kek, kdf, at: this.now().toISOString() }, (dataKey, vaultId) =>
        this.reopen(open, dataKey, vaultId),
      );
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

  private reopen(open: OpenVault & { dataKey: Buffer }, dataKey: Buffer, vaultId: string): void {
    const db = openEncrypted(this.files.database, dataKey);
    configureForWriting(db);
    keyAuditLog(db, dataKey, vaultId);
    this.open = { ...open, db, dataKey };
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
    this.health.stop();
    closeAnchored(db, this.files.keys, this.now().toISOString(), dataKey);
    this.emit({ type: 'locked', reason });
  }

  /** Drops a key that arrived after the vault was locked (or locked again) while the KDF ran. */
  private stillWanted(generation: number, dataKey: Buffer | null): Buffer | null {
    if (generation === this.generation) return dataKey;
    dataKey?.fill(0);
    throw new AppError('locked', 'error.locked');
  }

  private assertNotThrottled(): void {
    assertNotThrottled(this.files.throttle, this.now());
  }

  private lockedKeyFile(): KeyFile {
    if (this.open) throw new AppError('conflict', 'error.already_unlocked');
    assertFolderOrAbsent(this.files.dir);
    // Finishes or undoes a key rotation a crash interrupted (only while nothing is open).
    settleRotation(this.files);
    if (!keyFileExists(this.files.keys)) throw new AppError('vault_missing', 'error.vault_missing');
    const keyFile = readKeyFile(this.files.keys);
    this.assertNotThrottled();
    return keyFile;
  }

  private recordWrongSecret(messageKey = 'error.wrong_passphrase'): never {
    // Stryker disable next-line Regex: every key passed here starts with 'error.', where the first match is anyway
    const reason = messageKey.replace(/^error\./, '');
    const state = recordFailure(this.files.throttle, this.now(), { via: this.entryPoint, reason });
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
    checkHealth = true,
  ): VaultStatus {
    if (!dataKey) this.recordWrongSecret(wrongKey);
    const failedAttemptsBefore = readThrottle(this.files.throttle)?.unreported ?? 0;
    let opened: ReturnType<typeof openForSession>;
    try {
      opened = openForSession(this.files, keyFile, dataKey, {
        migrations: this.migrations,
        at: this.now().toISOString(),
        action,
      });
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    const { db, auditFindings } = opened;
    const vaultId = keyFile.vaultId;
    this.setOpen({ db, profile: keyFile.profile, vaultId, failedAttemptsBefore, auditFindings, repairs: [], dataKey });
    if (checkHealth) {
      // Stryker disable next-line OptionalChaining: the check's answer is read only while its run is current, and lock clears this.open and stops the run in one step
      const current = () => this.open?.db ?? null;
      // A key file without an anchor was either upgraded just now or already named by the check at
      // unlock (anchorMissing); either way the walk is held against the anchor the unlock wrote.
      const anchor = keyFile.auditAnchor ?? readKeyFile(this.files.keys).auditAnchor;
      this.health.start({ db: current, path: this.files.database, dataKey, vaultId, anchor });
    }
    return this.status();
  }

  /**
   * Re-wraps the open data key under a new passphrase, reading the key file again after the KDF so a
   * compartment or anchor written meanwhile is kept. The change is logged first and the key file,
   * anchored at that entry, is written as the last step of the log's transaction: a log that cannot be
   * written (a full disk, another program's lock) leaves the old passphrase in force, as the user is told.
   */
  private async rewrapPassphrase(passphrase: string): Promise<void> {
    const generation = this.generation;
    const kdf = newKdfParams(this.kdfCost);
    const kek = await deriveKey(passphrase, kdf);
    const open = this.open;
    if (
      !open ||
      // Stryker disable next-line ConditionalExpression: only a lock moves the generation, and it also clears this.open (nothing reopens the vault while this task holds the session lock), so `!open` is true whenever the generation moved
      generation !== this.generation
    ) {
      kek.fill(0);
      throw new AppError('locked', 'error.locked');
    }
    const event = { at: this.now().toISOString(), action: 'passphrase_changed' as const, vaultId: open.vaultId };
    try {
      recordVaultChange(open.db, event, (anchor) =>
        rewrapPassphraseIn(this.files.keys, kek, kdf, open.dataKey, anchor),
      );
    } finally {
      kek.fill(0);
    }
  }

  private setOpen(open: OpenVault & { dataKey: Buffer }): void {
    this.open = open;
    this.emit({ type: 'unlocked', vault: open });
  }

  private emit(event: Parameters<Listener>[0]): void {
    for (const listener of this.listeners) listener(event);
  }
}
