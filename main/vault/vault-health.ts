import { Worker } from 'node:worker_threads';
import type { AnchorView } from '../audit/audit-verify';
import type { FullCheckReport } from './integrity-check';
import { IntegrityMessageSchema, type IntegrityJob } from './integrity-job';

/**
 * The full check's result for the open vault: pending while the worker runs, then passed, or failed
 * naming the check that found damage ('unreadable': the worker's own connection could not read the
 * file). Writes are refused only while failed. 'unchecked' says the check could not run (the worker
 * did not start, the file was busy): nothing was found, so writes go on, and the user is told.
 */
export type VaultHealth =
  | { state: 'pending' }
  | { state: 'passed' }
  | { state: 'failed'; check: 'cipher_integrity_check' | 'quick_check' | 'unreadable' }
  | { state: 'unchecked'; reason: string };

export type HealthOutcome = { report: FullCheckReport } | { failure: string };

export interface HealthRun {
  result: Promise<HealthOutcome>;
  /** Overwrites the key the worker was lent (on lock); the worker ends on its own (see below). */
  cancel(): void;
}

/** Workers still running, each until it exits: a process must not end under one (see cancel). */
const running = new Set<Promise<void>>();

/** True while a check's worker is still running, cancelled or not. */
export function integrityChecksRunning(): boolean {
  return running.size > 0;
}

/** Resolves once every check's worker has exited; the shell and the CLI wait for it before the process ends. */
export async function integrityChecksSettled(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

/**
 * The worker's script. From the TypeScript sources (tests, tsx) it is loaded through tsx; from a
 * bundle (out/main/index.js, out/cli/bro.mjs) it is the integrity-worker bundled beside it.
 */
function spawn(job: IntegrityJob): Worker {
  const options = { workerData: job };
  const here = import.meta.url;
  // Stryker disable next-line ConditionalExpression,StringLiteral: mutants run from the sources, where this holds; the bundle's branch runs in the CLI and shell tests on out/, which no mutant reaches
  if (here.endsWith('.ts')) {
    // The test run bundles the worker once (test/support/build-integrity-worker.ts); tsx would
    // compile it again at every unlock. Only from the sources: a bundle never reads this variable.
    const prebuilt = process.env.BRO_TEST_INTEGRITY_WORKER;
    if (prebuilt) return new Worker(prebuilt, options);
    const script = new URL('./integrity-worker.ts', here).href;
    const source = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`;
    return new Worker(source, { ...options, eval: true });
  }
  return new Worker(bundledWorkerScript(here), options);
}

/** The worker bundled beside the code at `here`: the CLI's ESM bundle (.mjs) or the app's main bundle (.js). */
export function bundledWorkerScript(here: string): URL {
  return new URL(here.endsWith('.mjs') ? './integrity-worker.mjs' : './integrity-worker.js', here);
}

/**
 * Runs the full integrity check in a worker thread on its own connection, `delayMs` after the call.
 * The data key is copied at once into shared memory that the worker reads once and both sides
 * overwrite: after the worker has keyed its connection, when it answers, and when the vault locks (a
 * check cancelled before it started never starts). Nothing of the key is logged.
 */
export function startHealthCheck(
  input: { path: string; dataKey: Buffer; vaultId: string; anchor?: AnchorView },
  delayMs = 0,
): HealthRun {
  const shared = new SharedArrayBuffer(32);
  const key = Buffer.from(shared);
  input.dataKey.copy(key);
  const wipe = () => key.fill(0);
  const job = { path: input.path, key: shared, vaultId: input.vaultId, anchor: input.anchor };
  if (delayMs <= 0) return { result: runWorker(job, wipe), cancel: wipe };
  let settle!: (outcome: HealthOutcome | Promise<HealthOutcome>) => void;
  const result = new Promise<HealthOutcome>((resolve) => (settle = resolve));
  // Counted as running until it starts or is cancelled: a process waiting for its checks waits for it too.
  let release!: () => void;
  const waiting = new Promise<void>((resolve) => (release = resolve));
  running.add(waiting);
  // Started or cancelled, whichever comes first; the other then changes nothing.
  const leave = (outcome: HealthOutcome | Promise<HealthOutcome>) => {
    running.delete(waiting);
    release();
    settle(outcome);
  };
  const timer = setTimeout(() => leave(runWorker(job, wipe)), delayMs);
  return {
    result,
    cancel: () => {
      clearTimeout(timer);
      wipe();
      leave({ failure: 'cancelled' });
    },
  };
}

/** Starts the worker on `job`; its answer, or a failure. The key is wiped once it has answered. */
function runWorker(job: IntegrityJob, wipe: () => void): Promise<HealthOutcome> {
  let worker: Worker;
  try {
    worker = spawn(job);
  } catch {
    wipe();
    return Promise.resolve({ failure: 'worker' });
  }
  // The worker keeps the process alive until it has answered: ending a process (or terminating the
  // thread) while the worker is inside a native SQLite call aborts the whole process (node-addon-api
  // cannot throw into a terminating thread: "FATAL ERROR … napi_throw").
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  running.add(exited);
  void exited.then(() => running.delete(exited));
  // Never worker.terminate(): see above. The check reads through its own read-only connection, so
  // letting it finish is harmless; the session ignores a cancelled run's answer.
  return new Promise<HealthOutcome>((resolve) => {
    worker.once('message', (message: unknown) => {
      const parsed = IntegrityMessageSchema.safeParse(message);
      resolve(parsed.success ? parsed.data : { failure: 'worker' });
    });
    // Stryker disable next-line ArrowFunction: a worker's 'error' is always followed by its 'exit', which answers the same
    worker.once('error', () => resolve({ failure: 'worker' }));
    worker.once('exit', () => resolve({ failure: 'worker' }));
  }).finally(wipe);
}

/** The health a finished run means for the vault; audit findings are reported apart (an alarm, not damage). */
export function healthOf(outcome: HealthOutcome): VaultHealth {
  if ('failure' in outcome) {
    return outcome.failure === 'damaged'
      ? { state: 'failed', check: 'unreadable' }
      : { state: 'unchecked', reason: outcome.failure };
  }
  const { integrity } = outcome.report;
  return integrity === 'ok' ? { state: 'passed' } : { state: 'failed', check: integrity };
}
