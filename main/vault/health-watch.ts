import type { AnchorView, AuditFinding } from '../audit/audit-verify';
import { refuseWrites, type Db } from '../db/connection';
import type { DueFactsReport } from './integrity-check';
import { healthOf, startHealthCheck, type HealthRun, type VaultHealth } from './vault-health';

/**
 * The open vault's integrity, as the worker finds it: pending from unlock until the worker answers.
 * A failure refuses every later write on the session's connection (refuseWrites); while pending,
 * writes go on, because SQLCipher authenticates each page it reads or writes (a damaged page the
 * app touches fails at once) and the check only looks for damage the app has not touched yet.
 */
export class HealthWatch {
  private health: VaultHealth = { state: 'pending' };
  private run: HealthRun | null = null;
  private done: Promise<void> = Promise.resolve();
  /** Moves on every start and stop, so a cancelled run's late answer is ignored. */
  private generation = 0;

  constructor(
    private readonly enabled: boolean,
    /** How long after unlock the worker starts (VaultSessionOptions.healthCheckDelayMs). */
    private readonly delayMs: number,
    private readonly events: {
      onFinding: (finding: AuditFinding) => void;
      /** Stored due facts that disagree with their documents, on a file that passed (before onSettled). */
      onDueFactsMismatch?: (report: DueFactsReport) => void;
      /** The check's answer, after a failure has already refused writes. */
      onSettled?: (health: VaultHealth) => void;
    },
  ) {}

  state(): VaultHealth {
    return this.health;
  }

  /** Waits for the running check, if any; the state after it. */
  async settled(): Promise<VaultHealth> {
    await this.done;
    return this.health;
  }

  /** A vault just created holds nothing to check. */
  passNew(): void {
    this.stop();
    this.health = { state: 'passed' };
  }

  start(input: { db: () => Db | null; path: string; dataKey: Buffer; vaultId: string; anchor?: AnchorView }): void {
    this.stop();
    if (!this.enabled) {
      this.health = { state: 'unchecked', reason: 'off' };
      return;
    }
    const generation = this.generation;
    this.health = { state: 'pending' };
    const run = startHealthCheck(input, this.delayMs);
    this.run = run;
    this.done = run.result.then((outcome) => {
      if (generation !== this.generation) return;
      this.run = null;
      this.health = healthOf(outcome);
      const db = input.db();
      if (this.health.state === 'failed' && db) refuseWrites(db, this.health.check);
      const report = 'report' in outcome ? outcome.report : undefined;
      if (report?.audit && !report.audit.ok) this.events.onFinding(report.audit.finding);
      if (this.health.state === 'passed' && report?.dueFacts && report.dueFacts.mismatches > 0)
        this.events.onDueFactsMismatch?.(report.dueFacts);
      this.events.onSettled?.(this.health);
    });
  }

  /** Stops a running check (on lock) and overwrites the key it was lent. */
  stop(): void {
    this.generation += 1;
    this.run?.cancel();
    this.run = null;
    this.done = Promise.resolve();
  }
}
