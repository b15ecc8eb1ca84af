import type { Profile } from '../../shared/domain/profile';
import type { AuditFinding } from '../audit/audit-verify';
import type { VaultRepair } from './vault-repairs';
import type { Db } from '../db/connection';
import type { Migration } from '../db/migrate';
import type { KdfCost } from './kdf';
import type { EntryPoint } from './unlock-throttle';
import type { VaultHealth } from './vault-health';

export interface VaultSessionOptions {
  dir: string;
  now?: () => Date;
  /** Lower only in tests that create many vaults; production always uses PRODUCTION_KDF. */
  kdfCost?: KdfCost;
  migrations?: Migration[];
  /**
   * Where unlocks come from, for the audit record of failed attempts: 'app' when the app builds the
   * session (services/registry.ts), 'cli' otherwise (the command line, scripts).
   */
  entryPoint?: EntryPoint;
  /** Whether unlock starts the full integrity check in a worker (default true). */
  healthCheck?: boolean;
  /**
   * How long after unlock the check's worker starts (default 0). The app waits (services/registry.ts)
   * so the first screen after unlock has the machine's cores; the check's state is pending meanwhile.
   */
  healthCheckDelayMs?: number;
}

/** Why the vault was locked; `renderer_gone`: the window's page crashed, and nothing may stay open behind it. */
export type LockReason = 'user' | 'idle' | 'os' | 'shutdown' | 'passphrase_changed' | 'renderer_gone';

export interface OpenVault {
  db: Db;
  profile: Profile;
  vaultId: string;
  /** Failed attempts before this unlock (they are in the audit log by now). */
  failedAttemptsBefore: number;
  /** What the audit checks found (the O(1) one at unlock, then the worker's walk); empty when all agree. */
  auditFindings: AuditFinding[];
  /** What was found edited and put right since unlock (vault-repairs.ts); empty when nothing was. */
  repairs: VaultRepair[];
}

/**
 * What a session tells its listeners: unlocked, locked, and the full integrity check's answer for the
 * open vault (issue 15: work that writes on its own, such as keeping the due list, waits for a pass).
 */
export type SessionEvent =
  | { type: 'unlocked'; vault: OpenVault }
  | { type: 'locked'; reason: LockReason }
  | { type: 'checked'; vault: OpenVault; health: VaultHealth };

export type Listener = (event: SessionEvent) => void;
