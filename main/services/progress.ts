import type { ProgressOperation, ProgressSnapshot } from '../../shared/ipc/progress';
import type { Handlers } from '../ipc/router';

/** Reports `done` of `total` (total 0: not yet known). Callers report counts only, never content. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * The main process's record of its long operations, one slot per operation name. A service wraps
 * the work in `track`, passing the callback down to whatever loops; the renderer reads the slot
 * through `progress.get` (see renderer/components/progress-bar.tsx), the CLI prints the same
 * callback's counts on stderr (main/cli/progress-line.ts).
 */
export class ProgressBoard {
  private readonly slots = new Map<ProgressOperation, ProgressSnapshot>();

  get(operation: ProgressOperation): ProgressSnapshot | null {
    const snapshot = this.slots.get(operation);
    return snapshot ? { ...snapshot } : null;
  }

  /** Runs `work` with a callback that updates the slot; the slot ends `done` or `failed`. */
  async track<T>(operation: ProgressOperation, work: (report: ProgressCallback) => Promise<T> | T): Promise<T> {
    const slot: ProgressSnapshot = { operation, state: 'running', done: 0, total: 0 };
    this.slots.set(operation, slot);
    const report: ProgressCallback = (done, total) => {
      if (this.slots.get(operation) !== slot || slot.state !== 'running') return;
      slot.total = wholeCount(total);
      slot.done = Math.min(wholeCount(done), slot.total || Number.MAX_SAFE_INTEGER);
    };
    try {
      const result = await work(report);
      slot.state = 'done';
      if (slot.total > 0) slot.done = slot.total;
      return result;
    } catch (error) {
      slot.state = 'failed';
      throw error;
    }
  }
}

function wholeCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export function progressHandlers(board: ProgressBoard): Pick<Handlers, 'progress.get'> {
  return {
    'progress.get': ({ operation }) => ({ progress: board.get(operation) }),
  };
}
