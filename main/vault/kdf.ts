import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * Passphrase → key-encryption key with scrypt (memory-hard). The parameters are stored beside the
 * wrapped key with a version, so they can be raised later without re-encrypting the database.
 * N = 2^17, r = 8 costs 128 MiB and a few hundred milliseconds per guess on one core.
 */
export const KdfParamsSchema = z.object({
  algorithm: z.literal('scrypt'),
  version: z.literal(1),
  logN: z.number().int().min(10).max(22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export const PRODUCTION_KDF = { logN: 17, r: 8, p: 1 } as const;
export type KdfCost = { logN: number; r: number; p: number };

export function newKdfParams(cost: KdfCost = PRODUCTION_KDF): KdfParams {
  return { algorithm: 'scrypt', version: 1, ...cost, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
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
