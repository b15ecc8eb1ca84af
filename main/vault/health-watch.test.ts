import { describe, expect, it } from 'vitest';
import { HealthWatch } from './health-watch';

/**
 * The open vault's health before any worker answers: pending from the start, passed for a vault just
 * made, unchecked ("off") when the check is turned off. The worker's answers are vault-health.test.ts's.
 */
describe('HealthWatch', () => {
  const events = { onFinding: () => undefined };
  const input = {
    db: () => null,
    path: '/nonexistent/vault.db',
    dataKey: Buffer.alloc(32, 1),
    vaultId: crypto.randomUUID(),
  };

  it('is pending until a check has answered', async () => {
    const watch = new HealthWatch(true, events);
    expect(watch.state()).toEqual({ state: 'pending' });
    expect(await watch.settled()).toEqual({ state: 'pending' });
  });

  it('passes a vault just created, which holds nothing to check', () => {
    const watch = new HealthWatch(true, events);
    watch.passNew();
    expect(watch.state()).toEqual({ state: 'passed' });
  });

  it('with the check turned off, says so instead of pending, and starts no worker', async () => {
    const watch = new HealthWatch(false, events);
    watch.start(input);
    expect(watch.state()).toEqual({ state: 'unchecked', reason: 'off' });
    expect(await watch.settled()).toEqual({ state: 'unchecked', reason: 'off' });
  });
});
