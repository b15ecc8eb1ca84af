import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isChannel } from '../../shared/ipc/contract';
import { ErrorCodeSchema } from '../../shared/ipc/result';

/**
 * What the shell may write down when something goes wrong. Each field is a name from a closed set
 * (a channel, an error code, an error class, a process-exit reason, a URL scheme): never a
 * message, an input, a path or a URL, because those can carry personal data.
 */
export type CrashEvent =
  | { kind: 'ipc_error'; channel: string; code: string; errorName: string }
  | { kind: 'ipc_refused'; channel: string }
  | { kind: 'uncaught_exception' | 'unhandled_rejection'; errorName: string }
  | { kind: 'render_process_gone' | 'child_process_gone'; reason: string }
  | { kind: 'request_blocked'; scheme: string };

export interface CrashLog {
  readonly path: string;
  record(event: CrashEvent): void;
}

export interface CrashLogOptions {
  now?: () => Date;
  /** The file is moved to `crash.log.1` (replacing the previous one) once it passes this size. */
  maxBytes?: number;
}

const TOKEN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** A short identifier passes; anything else (spaces, quotes, long text) becomes '(other)'. */
function token(value: string): string {
  return TOKEN.test(value) ? value : '(other)';
}

/** Reduces an event to its safe fields, whatever the caller passed in. */
function sanitise(event: CrashEvent): Record<string, string> {
  switch (event.kind) {
    case 'ipc_error':
      return {
        kind: event.kind,
        channel: isChannel(event.channel) ? event.channel : '(unknown)',
        code: ErrorCodeSchema.safeParse(event.code).success ? event.code : '(other)',
        errorName: token(event.errorName),
      };
    case 'ipc_refused':
      return { kind: event.kind, channel: isChannel(event.channel) ? event.channel : '(unknown)' };
    case 'uncaught_exception':
    case 'unhandled_rejection':
      return { kind: event.kind, errorName: token(event.errorName) };
    case 'render_process_gone':
    case 'child_process_gone':
      return { kind: event.kind, reason: token(event.reason) };
    case 'request_blocked':
      return { kind: event.kind, scheme: token(event.scheme) };
  }
}

/** The class name of a thrown value, never its message. */
export function errorNameOf(error: unknown): string {
  return error instanceof Error ? error.constructor.name || error.name : typeof error;
}

/**
 * An append-only JSON-lines file in the user's data folder. Writes are synchronous so a record made
 * just before a crash is on disk; a failure to write is swallowed, because the log must never be
 * the reason the app stops.
 */
export function createCrashLog(dir: string, options: CrashLogOptions = {}): CrashLog {
  const path = join(dir, 'crash.log');
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? 256 * 1024;
  return {
    path,
    record(event) {
      try {
        mkdirSync(dir, { recursive: true });
        try {
          if (statSync(path).size >= maxBytes) renameSync(path, `${path}.1`);
        } catch {
          // No file yet.
        }
        appendFileSync(path, `${JSON.stringify({ time: now().toISOString(), ...sanitise(event) })}\n`, { mode: 0o600 });
      } catch {
        // Nowhere left to report to.
      }
    },
  };
}

/**
 * Records uncaught errors by class name only. The handler replaces Electron's default dialog, which
 * would show the message and stack; an uncaught exception leaves the process in an unknown state, so
 * `onFatal` (lock the vault, quit) runs after it is written down. A stray rejection is only recorded.
 */
export function recordProcessFailures(log: CrashLog, onFatal: () => void): void {
  process.on('uncaughtException', (error) => {
    log.record({ kind: 'uncaught_exception', errorName: errorNameOf(error) });
    onFatal();
  });
  process.on('unhandledRejection', (reason) => {
    log.record({ kind: 'unhandled_rejection', errorName: errorNameOf(reason) });
  });
}
