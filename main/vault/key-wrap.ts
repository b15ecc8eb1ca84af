import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Base64 of exactly `bytes` bytes: a field of another length is a damaged file, not a wrong passphrase. */
const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => Buffer.from(text, 'base64').length === bytes && text.length === Math.ceil(bytes / 3) * 4);

/** A 256-bit key encrypted with AES-256-GCM under a key-encryption key: 96-bit IV, 128-bit tag. */
export const WrappedKeySchema = z.object({
  alg: z.literal('A256GCM'),
  iv: base64Of(12),
  ciphertext: base64Of(32),
  tag: base64Of(16),
});
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

export function wrapKey(kek: Buffer, key: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  // Stryker disable next-line StringLiteral: Node reads an empty encoding name as UTF-8
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    alg: 'A256GCM',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the key, or null when the key-encryption key is wrong (GCM authentication fails). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    // Stryker disable next-line StringLiteral: Node reads an empty encoding name as UTF-8
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
