import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../ipc/app-error';

/**
 * Passphrase → key-encryption key with scrypt (memory-hard). The parameters are stored beside the
 * wrapped key with a version, so they can be raised later without re-encrypting the database.
 * N = 2^17, r = 8 costs 128 MiB and a few hundred milliseconds per guess on one core.
 */
export const KdfParamsSchema = z.object({
  algorithm: z.literal('scrypt'),
  version: z.literal(1),
  logN: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export const PRODUCTION_KDF = { logN: 17, r: 8, p: 1 } as const;
export type KdfCost = { logN: number; r: number; p: number };

export function newKdfParams(cost: KdfCost = PRODUCTION_KDF): KdfParams {
  return { algorithm: 'scrypt', version: 1, ...cost, salt: randomBytes(16).toString('base64') };
}

/**
 * What a key file may ask of scrypt. A tampered file must not make unlock allocate gigabytes or spin
 * for hours: memory (128·N·r bytes) is capped at 1 GiB and time (N·r·p) at 64 times production.
 */
export const KDF_BOUNDS = {
  minLogN: 10,
  maxLogN: 20,
  maxR: 16,
  maxP: 4,
  maxMemoryBytes: 2 ** 30,
  maxWork: 2 ** 26,
} as const;

export function kdfWithinBounds(params: { logN: number; r: number; p: number }): boolean {
  const { logN, r, p } = params;
  if (logN < KDF_BOUNDS.minLogN || logN > KDF_BOUNDS.maxLogN) return false;
  if (r < 1 || r > KDF_BOUNDS.maxR || p < 1 || p > KDF_BOUNDS.maxP) return false;
  const N = 2 ** logN;
  return (
    128 * N * r <= KDF_BOUNDS.maxMemoryBytes &&
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: past the checks above N·r ≤ 2^23 and 1 ≤ p ≤ 4, so N·r·p, N·r/p and N/r·p stay ≤ 2^25 < maxWork = 2^26 (never equal); a NaN p fails every form
    N * r * p <= KDF_BOUNDS.maxWork
  );
}

/** Refuses parameters outside KDF_BOUNDS with a clear message, before anything is allocated. */
export function assertKdfBounds(params: { logN: number; r: number; p: number }): void {
  if (!kdfWithinBounds(params)) {
    throw new AppError('vault_corrupt', 'security.kdfOutOfBounds', {
      logN: params.logN,
      r: params.r,
      p: params.p,
    });
  }
}

export function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  assertKdfBounds(params);
  const N = 2 ** params.logN;
  // scrypt needs 128·N·r bytes; leave headroom so Node does not refuse.
  const maxmem = 256 * N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N, r: params.r, p: params.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
