import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../ipc/app-error';
import { KdfParamsSchema } from '../vault/kdf';
import { WrappedKeySchema } from '../vault/key-wrap';
import { BackupDescriptionSchema, type BackupDescription } from './backup-format';

/**
 * The encrypted part of a version 2 backup: what it holds (counts, digests, profile, time) and the
 * full key file. AES-256-GCM under a key derived (HKDF) from the data key, bound to the vault id.
 */
export const ManifestSchema = BackupDescriptionSchema.extend({ keyFile: z.string().min(2) });
export type Manifest = z.infer<typeof ManifestSchema>;

/** The plaintext key envelope: only what opening needs, all of it ciphertext or random ids. */
export const KeyEnvelopeSchema = z
  .object({
    format: z.literal('bro-backup-keys'),
    vaultId: z.string().uuid(),
    kdf: KdfParamsSchema,
    wraps: z.object({ passphrase: WrappedKeySchema, recovery: WrappedKeySchema }),
  })
  .strict();

const AAD = Buffer.from('bro-vault-backup/v2/manifest', 'utf8');
const damaged = () => new AppError('unreadable', 'backup.error.damaged');

export function manifestKey(dataKey: Buffer, vaultId: string): Buffer {
  // Stryker disable next-line StringLiteral: Buffer.from with an empty encoding name encodes as UTF-8, the same bytes
  const salt = Buffer.from(vaultId, 'utf8');
  return Buffer.from(hkdfSync('sha256', dataKey, salt, 'bro backup manifest v1', 32));
}

/** iv (12) | tag (16) | ciphertext */
export function sealManifest(key: Buffer, manifest: Manifest): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  // Stryker disable next-line StringLiteral: cipher.update with an empty input encoding reads the string as UTF-8, the same bytes
  const body = Buffer.concat([cipher.update(JSON.stringify(ManifestSchema.parse(manifest)), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openManifest(key: Buffer, sealed: Buffer): Manifest {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(sealed.subarray(12, 28));
    const text = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    return ManifestSchema.parse(JSON.parse(text));
  } catch {
    throw damaged();
  }
}

export function description(manifest: Manifest): BackupDescription {
  const { keyFile: _keyFile, ...rest } = manifest;
  return rest;
}
