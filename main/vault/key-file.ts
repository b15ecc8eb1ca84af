import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ProfileSchema } from '../../shared/domain/profile';
import { canonicalJson } from '../audit/canonical-json';
import { storageAppError } from '../db/storage-errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { AppError } from '../ipc/app-error';
import { assertKdfBounds, KdfParamsSchema } from './kdf';
import { WrappedKeySchema } from './key-wrap';

export const KEY_FILE_FORMAT = 'bro-vault-keys';
/** 1: wraps and KDF only. 2: adds the audit chain's anchor. Version 1 files are read and upgraded on write. */
export const KEY_FILE_VERSION = 2;

/** The audit chain's head as last seen by this key file, so a cut tail or an older vault.db shows. */
export const AuditAnchorSchema = z.object({
  seq: z.number().int().nonnegative(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  /** Entries before this one predate the keyed chain (migration 10) and are SHA-256 chained only. */
  legacySeq: z.number().int().nonnegative(),
  at: z.string().datetime(),
});

const KeyFileBase = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  vaultId: z.string().uuid(),
  profile: ProfileSchema,
  createdAt: z.string().datetime(),
  kdf: KdfParamsSchema,
  wraps: z.object({ passphrase: WrappedKeySchema, recovery: WrappedKeySchema }),
  /** Separately keyed compartments, e.g. the mentor scheme's conversation records (NO 13.5). */
  compartments: z.object({ mentor: z.object({ kdf: KdfParamsSchema, wrap: WrappedKeySchema }).optional() }).optional(),
});

/**
 * The key file beside the database: the data key wrapped twice (passphrase, recovery key), the KDF
 * parameters and the audit anchor. It holds no personal data; without a passphrase or the recovery
 * key it is useless.
 */
export const KeyFileSchema = KeyFileBase.extend({
  version: z.literal(KEY_FILE_VERSION),
  auditAnchor: AuditAnchorSchema.optional(),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;
const KeyFileV1Schema = KeyFileBase.extend({ version: z.literal(1) });

/**
 * Authenticated data binds each wrap to its vault and purpose, so wraps cannot be swapped around.
 * It names wrap format 1, which has not changed with the key file's version.
 */
export function wrapAad(vaultId: string, purpose: 'passphrase' | 'recovery' | 'compartment-mentor'): string {
  return `${KEY_FILE_FORMAT}/v1/${vaultId}/${purpose}`;
}

export function keyFileExists(path: string): boolean {
  return existsSync(path);
}

/** Parses key-file JSON of any supported version into the current shape; refuses bad KDF bounds by name. */
export function parseKeyFile(raw: unknown): KeyFile {
  const version = z.object({ format: z.literal(KEY_FILE_FORMAT), version: z.number() }).safeParse(raw);
  if (!version.success) throw new AppError('vault_corrupt', 'error.vault_keys_unreadable');
  if (version.data.version > KEY_FILE_VERSION) {
    throw new AppError('vault_newer', 'error.vault_newer', {
      found: version.data.version,
      supported: KEY_FILE_VERSION,
    });
  }
  const parsed = z.union([KeyFileSchema, KeyFileV1Schema]).safeParse(raw);
  if (!parsed.success) throw new AppError('vault_corrupt', 'error.vault_keys_unreadable');
  assertKdfBounds(parsed.data.kdf);
  if (parsed.data.compartments?.mentor) assertKdfBounds(parsed.data.compartments.mentor.kdf);
  return { ...parsed.data, version: KEY_FILE_VERSION };
}

/**
 * A SHA-256 over the key file's content (canonical JSON, without this field), so a flipped byte in a
 * wrap reads as a damaged file rather than a wrong passphrase (and adds no delay). It guards against
 * damage, not against someone editing the file: the wraps' GCM tags and the KDF do that.
 */
function contentDigest(content: object): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const damaged = (part: string) => new AppError('vault_corrupt', 'error.vault_keys_damaged', { part });

/**
 * The key file's JSON, its digest checked. Text that is not JSON, or JSON that is not a key file,
 * is unreadable (another file in its place); a Bro key file that is cut short, or whose digest does
 * not match, is damaged.
 */
export function readKeyFile(path: string): KeyFile {
  let text: string;
  try {
    // Stryker disable next-line StringLiteral: without an encoding this is a Buffer, which JSON.parse and includes read as UTF-8
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw storageAppError(error, 'nothing') ?? error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    if (text.includes(`"${KEY_FILE_FORMAT}"`)) throw damaged('json');
    throw new AppError('vault_corrupt', 'error.vault_keys_unreadable');
  }
  const { digest, ...content } = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  let keyFile: KeyFile;
  try {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the key-file schemas drop unknown keys, so parsing with or without the digest field gives the same answer
    keyFile = parseKeyFile(digest === undefined ? raw : content);
  } catch (error) {
    const isKeyFile =
      raw &&
      // Stryker disable next-line ConditionalExpression: JSON.parse gives an object or a primitive, and a truthy primitive (string, number, true) has no `format`, so the comparison below is false either way
      typeof raw === 'object' &&
      (raw as { format?: unknown }).format === KEY_FILE_FORMAT;
    if (isKeyFile && error instanceof AppError && error.messageKey === 'error.vault_keys_unreadable') {
      throw damaged('fields');
    }
    throw error;
  }
  // Version 1 files never had a digest; one written by this version must match its content.
  if (digest !== undefined && content.version === KEY_FILE_VERSION && digest !== contentDigest(content)) {
    throw damaged('digest');
  }
  return keyFile;
}

export function writeKeyFile(path: string, keyFile: KeyFile): void {
  const content = KeyFileSchema.parse(keyFile);
  writeFileAtomic(path, `${JSON.stringify({ ...content, digest: contentDigest(content) }, null, 2)}\n`);
}

/**
 * Reads, changes and writes the key file with no await in between, so two changes in one process
 * (an anchor update, a new compartment, a passphrase change) never overwrite each other.
 */
export function updateKeyFile(path: string, change: (current: KeyFile) => KeyFile): KeyFile {
  const next = change(readKeyFile(path));
  writeKeyFile(path, next);
  return next;
}
