import { describe, expect, it } from 'vitest';
import { captureIo } from '../../test/support/cli-harness';
import { progressLine } from './progress-line';

describe('CLI progress line', () => {
  it('without a terminal prints one plain line per tenth done, counts only', () => {
    const { io, err } = captureIo();
    const line = progressLine(io, 'demoFill', { tty: null, quietMs: 0 });
    for (let done = 0; done <= 1000; done += 50) line.report(done, 1000);
    line.end();
    expect(err).toHaveLength(11);
    expect(err[0]).toBe('Writing demo cases: 0 of 1000 (0 %)');
    expect(err[5]).toBe('Writing demo cases: 500 of 1000 (50 %)');
    expect(err[10]).toBe('Writing demo cases: 1000 of 1000 (100 %)');
  });

  it('on a terminal redraws one line in place at most ten times a second and ends it with a newline', () => {
    const { io, err } = captureIo();
    const written: string[] = [];
    let now = 0;
    const tty = { write: (text: string) => written.push(text) };
    const line = progressLine(io, 'rotateKey', { tty, clock: () => now, quietMs: 0 });
    line.report(1, 4);
    now = 50;
    line.report(2, 4); // within 100 ms: skipped
    now = 150;
    line.report(3, 4);
    now = 160;
    line.report(4, 4); // finished: always drawn
    line.end();
    expect(err).toEqual([]);
    expect(written).toEqual([
      '\rRe-encrypting the vault under a new key: 1 of 4 (25 %)\u001b[K',
      '\rRe-encrypting the vault under a new key: 3 of 4 (75 %)\u001b[K',
      '\rRe-encrypting the vault under a new key: 4 of 4 (100 %)\u001b[K',
      '\n',
    ]);
  });

  it('names the operation without a count while the total is unknown', () => {
    const { io, err } = captureIo();
    const line = progressLine(io, 'restore', { tty: null, quietMs: 0 });
    line.report(0, 0);
    line.report(0, 0);
    expect(err).toEqual(['Restoring the backup …']);
  });

  it('shows nothing for work that ends within its first second', () => {
    const { io, err } = captureIo();
    let now = 0;
    const line = progressLine(io, 'backup', { tty: null, clock: () => now });
    now = 400;
    line.report(5, 10);
    now = 999;
    line.report(10, 10);
    line.end();
    expect(err).toEqual([]);
  });

  it('starts showing once the work has run for a second', () => {
    const { io, err } = captureIo();
    let now = 0;
    const line = progressLine(io, 'backup', { tty: null, clock: () => now });
    line.report(1, 10);
    now = 1000;
    line.report(3, 10);
    expect(err).toEqual(['Making the backup: 3 of 10 (30 %)']);
  });
});
