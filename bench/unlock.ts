import { readKeyFile } from '../main/vault/key-file';
import { BENCH_PASSPHRASE, kdfFigures, withLockedVault } from './bench-vault';
import { median, round, timeMs } from './stats';

/** Unlock time (KDF + key unwrap + SQLCipher open + integrity checks), median of 5, with the KDF in use. */
export async function benchUnlock(): Promise<Record<string, unknown>> {
  return withLockedVault('bro-bench-unlock-', async (session) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      times.push((await timeMs(() => session.unlock(BENCH_PASSPHRASE))).ms);
      session.lock();
    }
    const { kdf } = readKeyFile(session.files.keys);
    return { unlock_ms: round(median(times)), kdf_params: kdfFigures(kdf) };
  });
}
