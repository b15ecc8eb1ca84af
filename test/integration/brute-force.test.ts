import { afterEach, describe, expect, it } from 'vitest';
import { benchBruteForce } from '../../bench/brute-force';
import { PRODUCTION_KDF } from '../../main/vault/kdf';
import { readKeyFile } from '../../main/vault/key-file';
import { openNewVault } from '../support/open-vault';
import { tempDirs } from '../support/temp-dir';

const dirs = tempDirs('bro-brute-');
afterEach(() => dirs.cleanup());

describe('resistance to passphrase guessing', () => {
  it('uses at least scrypt N=2^17, r=8 in production and in every vault it creates', async () => {
    expect(PRODUCTION_KDF.logN).toBeGreaterThanOrEqual(17);
    expect(PRODUCTION_KDF.r).toBeGreaterThanOrEqual(8);
    const session = await openNewVault(dirs.make());
    const { kdf } = readKeyFile(session.files.keys);
    session.lock();
    expect(kdf.algorithm).toBe('scrypt');
    expect(kdf.logN).toBeGreaterThanOrEqual(17);
    expect(kdf.r).toBeGreaterThanOrEqual(8);
    expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(16);
  });

  it('lets one core try only a handful of guesses per second against the key file', async () => {
    const figures = await benchBruteForce({ guesses: 2 });
    expect(figures.kdf).toMatchObject({ algorithm: 'scrypt', N: 2 ** 17, r: 8, memory_mib: 128 });
    // scrypt 2^17·8 costs 128 MiB and ≥ 100 ms even on a fast core: anything near 50 guesses/s means a cheaper KDF slipped in.
    expect(figures.guesses_per_s).toBeLessThan(50);
  });
});
