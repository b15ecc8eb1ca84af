import { z } from 'zod';
import { channel } from './channel';
import { ProfileSchema } from '../domain/profile';
import { GradingLevelSchema } from '../domain/grading';

const PassphraseSchema = z.string().min(1).max(1024);
/** Recovery keys are shown in groups; spaces and dashes are ignored when typed back. */
const RecoveryKeySchema = z.string().min(16).max(200);

export const VaultStatusSchema = z.object({
  state: z.enum(['none', 'locked', 'unlocked']),
  profile: ProfileSchema.optional(),
  schemaVersion: z.number().int().nonnegative().optional(),
  /** Seconds until another unlock attempt is allowed (after wrong passphrases). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  failedAttempts: z.number().int().nonnegative().optional(),
  /** What the audit check at unlock found (catalog keys security.audit.<finding>); absent when all agree. */
  auditFindings: z
    .array(z.enum(['rewritten', 'tailCut', 'behindKeyFile', 'divergesFromKeyFile', 'anchorMissing']))
    .optional(),
  /**
   * What was found edited in the file and put right since unlock (catalog keys security.repair.<repair>):
   * the due facts, worked out again from the documents; the kept due list, kept again from the facts.
   */
  repairs: z.array(z.enum(['dueFacts', 'keptDueList'])).optional(),
  /** Highest grading held in the vault, for the banner. */
  highestGrading: GradingLevelSchema.optional(),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

const Empty = z.object({}).strict();

/**
 * The full integrity check that runs after unlock (off the main thread): pending, then passed, or
 * failed naming the check (writes are refused then), or unchecked when it could not run. 'locked'
 * while no vault is open.
 */
export const VaultHealthSchema = z.object({
  state: z.enum(['locked', 'pending', 'passed', 'failed', 'unchecked']),
  /** For failed: cipher_integrity_check (a page's HMAC), quick_check (the b-tree) or unreadable. */
  check: z.enum(['cipher_integrity_check', 'quick_check', 'unreadable']).optional(),
  /** For unchecked: the class of what stopped the check (e.g. busy, error). */
  reason: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional(),
});
export type VaultHealthView = z.infer<typeof VaultHealthSchema>;

/**
 * The message naming each reason an integrity check could not run (main/vault/integrity-run.ts and
 * vault-health.ts give them: the storage failures of main/db/storage-errors.ts, and its own). A
 * reason not listed here is shown as an unexpected error.
 */
export const VAULT_HEALTH_REASON_KEYS: Readonly<Record<string, string>> = {
  off: 'vaultHealth.reason.off',
  busy: 'vaultHealth.reason.busy',
  permission: 'vaultHealth.reason.permission',
  diskFull: 'vaultHealth.reason.diskFull',
  readOnly: 'vaultHealth.reason.readOnly',
  io: 'vaultHealth.reason.io',
  tooManyFiles: 'vaultHealth.reason.tooManyFiles',
  missing: 'vaultHealth.reason.missing',
  cancelled: 'vaultHealth.reason.cancelled',
  worker: 'vaultHealth.reason.worker',
  error: 'vaultHealth.reason.error',
};

export function vaultHealthReasonKey(reason: string | undefined): string {
  return (
    (reason !== undefined && Object.hasOwn(VAULT_HEALTH_REASON_KEYS, reason) && VAULT_HEALTH_REASON_KEYS[reason]) ||
    'vaultHealth.reason.error'
  );
}

export const vaultChannels = {
  'vault.status': channel('Whether a vault exists, is locked or unlocked, and its profile.', Empty, VaultStatusSchema),
  'vault.create': channel(
    'Create a new vault with a profile and passphrase; returns the recovery key, shown once.',
    z
      .object({
        profile: ProfileSchema,
        passphrase: PassphraseSchema,
        unitName: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    z.object({ recoveryKey: z.string(), status: VaultStatusSchema }),
  ),
  'vault.unlock': channel(
    'Unlock the vault with its passphrase.',
    z.object({ passphrase: PassphraseSchema }).strict(),
    VaultStatusSchema,
  ),
  'vault.unlockWithRecoveryKey': channel(
    'Unlock with the recovery key and set a new passphrase.',
    z.object({ recoveryKey: RecoveryKeySchema, newPassphrase: PassphraseSchema }).strict(),
    VaultStatusSchema,
  ),
  'vault.lock': channel('Lock the vault: close the database and drop key material.', Empty, VaultStatusSchema),
  'vault.changePassphrase': channel(
    'Change the passphrase; the database is not re-encrypted.',
    z.object({ current: PassphraseSchema, next: PassphraseSchema }).strict(),
    z.object({ changed: z.literal(true) }),
  ),
  'vault.rotateKey': channel(
    'Re-encrypt the vault under a new random data key with a new passphrase; returns the new recovery key, shown once.',
    z.object({ current: PassphraseSchema, next: PassphraseSchema }).strict(),
    z.object({ recoveryKey: z.string() }),
  ),
  'vault.health': channel(
    'The result of the full integrity check that runs after unlock: pending, passed, failed (writes refused) or unchecked.',
    Empty,
    VaultHealthSchema,
  ),
  'session.activity': channel(
    'The user is active: restart the idle timer for auto-lock.',
    Empty,
    z.object({ lockInSeconds: z.number().nonnegative().nullable() }),
  ),
} as const;
