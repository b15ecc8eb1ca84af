import { describe, expect, it } from 'vitest';
import { SessionLock } from './session-lock';

/** One vault operation at a time: a second unlock waits for the first, a failed one frees the queue. */
describe('SessionLock', () => {
  it('runs tasks one after another, in the order they came, each to its end', async () => {
    const lock = new SessionLock();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([lock.run(task('a', 30)), lock.run(task('b', 1)), lock.run(() => 'c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('does not start a task before the caller has returned', async () => {
    const lock = new SessionLock();
    let ran = false;
    const pending = lock.run(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    await pending;
    expect(ran).toBe(true);
  });

  it('gives each caller its own failure, and the next task still runs', async () => {
    const lock = new SessionLock();
    const failed = lock.run(async () => {
      await Promise.resolve();
      throw new Error('wrong passphrase');
    });
    const thrown = lock.run(() => {
      throw new Error('busy');
    });
    const next = lock.run(() => 'unlocked');
    await expect(failed).rejects.toThrow('wrong passphrase');
    await expect(thrown).rejects.toThrow('busy');
    await expect(next).resolves.toBe('unlocked');
  });
});
