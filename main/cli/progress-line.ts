import { PROGRESS_LABEL_KEY, type ProgressOperation } from '../../shared/ipc/progress';
import type { ProgressCallback } from '../services/progress';
import type { CliIo } from './cli-io';

/** Where a TTY line is drawn: process.stderr when it is a terminal. */
export interface TtyStream {
  write(text: string): unknown;
}

export interface ProgressLine {
  report: ProgressCallback;
  /** Ends the line (a newline on a TTY once anything was drawn). */
  end(): void;
}

export interface ProgressLineOptions {
  /** The terminal to redraw on; null prints plain lines through io.err. */
  tty?: TtyStream | null;
  clock?: () => number;
  /** Nothing is shown for work that ends sooner than this (default one second). */
  quietMs?: number;
}

const TTY_INTERVAL_MS = 100;
const PLAIN_STEP_PERCENT = 10;

/**
 * A progress line on stderr for a long command, once it has run for a second: redrawn in place with
 * `\r` on a terminal (at most ten times a second), else one plain line per tenth done, so logs stay
 * short. Counts only: the label comes from the catalog, never from the data.
 */
export function progressLine(io: CliIo, operation: ProgressOperation, options: ProgressLineOptions = {}): ProgressLine {
  const tty = options.tty === undefined ? (process.stderr.isTTY ? process.stderr : null) : options.tty;
  const clock = options.clock ?? Date.now;
  const showFrom = clock() + (options.quietMs ?? 1000);
  const label = io.t(PROGRESS_LABEL_KEY[operation]);
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastStep = -1;
  let drawn = false;
  const text = (done: number, total: number) =>
    total > 0
      ? io.t('progress.line', { label, done, outOf: total, percent: Math.floor((100 * Math.min(done, total)) / total) })
      : io.t('progress.lineUnknown', { label });
  return {
    report(done, total) {
      const finished = total > 0 && done >= total;
      const at = clock();
      if (at < showFrom) return;
      if (tty) {
        if (!finished && at - lastDraw < TTY_INTERVAL_MS) return;
        lastDraw = at;
        drawn = true;
        tty.write(`\r${text(done, total)}\u001b[K`);
        return;
      }
      const step = total > 0 ? Math.floor((100 * Math.min(done, total)) / total / PLAIN_STEP_PERCENT) : 0;
      if (step <= lastStep) return;
      lastStep = step;
      io.err(text(done, total));
    },
    end() {
      if (tty && drawn) tty.write('\n');
      drawn = false;
    },
  };
}
