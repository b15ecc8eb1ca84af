import { describe, expect, it } from 'vitest';
import { ProgressBoard, progressHandlers } from './progress';

describe('progress board', () => {
  it('shows nothing for an operation that never ran', () => {
    expect(new ProgressBoard().get('restore')).toBeNull();
  });

  it('shows a running operation at the count last reported, then done with done = total', async () => {
    const board = new ProgressBoard();
    const seen: unknown[] = [];
    const result = await board.track('demoFill', async (report) => {
      report(250, 1000);
      seen.push(board.get('demoFill'));
      report(700, 1000);
      seen.push(progressHandlers(board)['progress.get']({ operation: 'demoFill' }));
      return 'filled';
    });
    expect(result).toBe('filled');
    expect(seen).toEqual([
      { operation: 'demoFill', state: 'running', done: 250, total: 1000 },
      { progress: { operation: 'demoFill', state: 'running', done: 700, total: 1000 } },
    ]);
    expect(board.get('demoFill')).toEqual({ operation: 'demoFill', state: 'done', done: 1000, total: 1000 });
  });

  it('marks a failed operation failed and passes its error on', async () => {
    const board = new ProgressBoard();
    await expect(
      board.track('rotateKey', (report) => {
        report(1, 4);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(board.get('rotateKey')).toEqual({ operation: 'rotateKey', state: 'failed', done: 1, total: 4 });
  });

  it('keeps counts whole and within the total, and ignores reports after the end', async () => {
    const board = new ProgressBoard();
    let late: ((done: number, total: number) => void) | undefined;
    await board.track('import', (report) => {
      report(12.7, 10);
      expect(board.get('import')).toMatchObject({ done: 10, total: 10 });
      report(-3, Number.NaN);
      expect(board.get('import')).toMatchObject({ done: 0, total: 0 });
      late = report;
    });
    late?.(1, 50);
    expect(board.get('import')).toMatchObject({ state: 'done', done: 0, total: 0 });
  });

  it('a new run of the same operation starts from zero and the old run no longer writes to it', async () => {
    const board = new ProgressBoard();
    let first: ((done: number, total: number) => void) | undefined;
    await board.track('backup', (report) => {
      first = report;
      report(5, 5);
    });
    await board.track('backup', () => {
      first?.(3, 9);
      expect(board.get('backup')).toEqual({ operation: 'backup', state: 'running', done: 0, total: 0 });
    });
  });
});
