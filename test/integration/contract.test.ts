import { afterEach, describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../shared/ipc/contract';
import { appFixture } from '../support/app-fixture';
import { snapshotFiles } from '../support/snapshot';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const fixture = appFixture();
afterEach(() => fixture.cleanup());

const channels = Object.keys(contract) as Channel[];
const BAD_INPUTS: unknown[] = [42, 'text', [], true, { unexpectedField: 'x' }, { passphrase: 17 }];

describe('IPC contract', () => {
  it('rejects a channel that is not in the contract', async () => {
    const { app } = fixture.make();
    for (const name of ['vault.delete', '__proto__', 'constructor', 'toString', '', 12, null]) {
      const result = await app.router.invoke(name, {});
      expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', messageKey: 'error.unknown_channel' } });
    }
  });

  it.each(channels)(
    '%s rejects input that fails its schema, with a typed error and no change on disk',
    async (name) => {
      // One vault per channel, so each proves "no change on disk" on its own; the cheap KDF keeps
      // ~80 vault creations from costing a production scrypt each (brute-force.test.ts covers that).
      const { app, root } = fixture.make({ kdfCost: FAST_KDF });
      await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
      const before = snapshotFiles(root);
      // Only inputs the schema refuses; some (an empty object) are valid for a channel that takes none.
      const bad = BAD_INPUTS.filter((input) => !contract[name].input.safeParse(input).success);
      expect(bad.length, 'no bad input left to try').toBeGreaterThanOrEqual(4);
      for (const input of bad) {
        const result = await app.router.invoke(name, input);
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', messageKey: 'error.invalid_input' },
        });
        expect(JSON.stringify(result)).not.toMatch(/at .*\.ts|Error:/);
      }
      expect(snapshotFiles(root)).toEqual(before);
    },
  );

  it.each(channels)('%s accepts no arbitrary junk object', (name) => {
    expect(contract[name].input.safeParse({ unexpectedField: 'x', __proto__: { admin: true } }).success).toBe(false);
  });

  it('turns a service failure into a typed error without a stack trace', async () => {
    const { app } = fixture.make();
    const locked = await app.router.invoke('vault.lock', {});
    expect(locked).toEqual({ ok: true, value: { state: 'none' } });
    const result = await app.router.invoke('vault.unlock', { passphrase: PASSPHRASE });
    expect(result).toEqual({ ok: false, error: { code: 'vault_missing', messageKey: 'error.vault_missing' } });
  });

  it('every channel has a description', () => {
    for (const name of channels) expect(contract[name].description.length).toBeGreaterThan(10);
  });
});
