import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ProfileSchema } from '../../shared/domain/profile';
import { writeFileAtomic } from '../fs/atomic-write';
import { AppError } from '../ipc/app-error';
import { KdfParamsSchema } from './kdf';
import { WrappedKeySchema } from './key-wrap';

export const KEY_FILE_FORMAT = 'bro-vault-keys';
export const KEY_FILE_VERSION = 1;

/**
 * The key file beside the database: the data key wrapped twice (passphrase, recovery key) and the
 * KDF parameters. It holds no personal data; without a passphrase or the recovery key it is useless.
 */
export const KeyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.number().int().positive(),
  vaultId: z.string().uuid(),
  profile: ProfileSchema,
  createdAt: z.string().datetime(),
  kdf: KdfParamsSchema,
  wraps: z.object({ passphrase: WrappedKeySchema, recovery: WrappedKeySchema }),
  /** Separately keyed compartments, e.g. the mentor scheme's conversation records (NO 13.5). */
  compartments: z.object({ mentor: z.object({ kdf: KdfParamsSchema, wrap: WrappedKeySchema }).optional() }).optional(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** Authenticated data binds each wrap to its vault and purpose, so wraps cannot be swapped around. */
export function wrapAad(vaultId: string, purpose: 'passphrase' | 'recovery' | 'compartment-mentor'): string {
  return `${KEY_FILE_FORMAT}/v${KEY_FILE_VERSION}/${vaultId}/${purpose}`;
}

export function keyFileExists(path: string): boolean {
  return existsSync(path);
}

export function readKeyFile(path: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('vault_corrupt', 'error.vault_keys_unreadable');
  }
  const version = z.object({ format: z.literal(KEY_FILE_FORMAT), version: z.number() }).safeParse(raw);
  if (!version.success) throw new AppError('vault_corrupt', 'error.vault_keys_unreadable');
  if (version.data.version > KEY_FILE_VERSION) {
    throw new AppError('vault_newer', 'error.vault_newer', {
      found: version.data.version,
      supported: KEY_FILE_VERSION,
    });
  }
  const parsed = KeyFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('vault_corrupt', 'error.vault_keys_unreadable');
  return parsed.data;
}

export function writeKeyFile(path: string, keyFile: KeyFile): void {
  writeFileAtomic(path, `${JSON.stringify(KeyFileSchema.parse(keyFile), null, 2)}\n`);
}
