import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { z } from 'zod';
import { ProfileSchema } from '../../shared/domain/profile';
import { AppError } from '../ipc/app-error';
import { KdfParamsSchema } from '../vault/kdf';

/**
 * A backup file is one self-describing container:
 *
 *   "BROBAK01" | header length (uint32 BE) | header JSON | parts … | SHA-256 of all before
 *
 * Version 2 (written now): the plaintext header holds only format, version, the KDF parameters and
 * where the parts are. The parts are the key envelope (the data key's two wraps and the vault id they
 * are bound to: ciphertext), the manifest (AES-256-GCM under a key derived from the data key: vault
 * id, profile, time, schema version, row counts, the digest of every document version and the full
 * key file with its audit anchor) and the database (the SQLCipher file, under the data key).
 * Version 1 (still restored) had the description and the whole key file in the plaintext header.
 */
export const BACKUP_MAGIC = Buffer.from('BROBAK01', 'ascii');
export const BACKUP_FORMAT = 'bro-vault-backup';
export const BACKUP_VERSION = 2;
export const PART_NAMES = ['vault-keys.json', 'manifest', 'vault.db'] as const;
export type PartName = (typeof PART_NAMES)[number];

const MAX_HEADER_BYTES = 1 << 20;
const PREFIX_BYTES = BACKUP_MAGIC.length + 4;
const TRAILER_BYTES = 32;
const CHUNK_BYTES = 1 << 20;
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const BackupPartSchema = z.object({
  name: z.enum(PART_NAMES),
  length: z.number().int().nonnegative(),
  sha256: Sha256Schema,
});

/** What a backup holds, as version 1 wrote it in plaintext and version 2 keeps in its manifest. */
export const BackupDescriptionSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  vaultId: z.string().uuid(),
  profile: ProfileSchema,
  createdAt: z.string().datetime(),
  schemaVersion: z.number().int().nonnegative(),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  documentVersions: z.object({ count: z.number().int().nonnegative(), digest: Sha256Schema }),
});
export type BackupDescription = z.infer<typeof BackupDescriptionSchema>;

export const BackupHeaderV2Schema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(2),
    kdf: KdfParamsSchema,
    parts: z.tuple([
      BackupPartSchema.extend({ name: z.literal('vault-keys.json') }),
      BackupPartSchema.extend({ name: z.literal('manifest') }),
      BackupPartSchema.extend({ name: z.literal('vault.db') }),
    ]),
  })
  .strict();

export const BackupHeaderV1Schema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(1),
    vaultId: z.string().uuid(),
    profile: ProfileSchema,
    createdAt: z.string().datetime(),
    schemaVersion: z.number().int().nonnegative(),
    /** Rows per table at the moment of the snapshot (FTS shadow tables included). */
    tables: z.record(z.string(), z.number().int().nonnegative()),
    /** SHA-256 over (document, version, content_hash, SHA-256 of the stored content) of every version. */
    documentVersions: z.object({ count: z.number().int().nonnegative(), digest: Sha256Schema }),
    parts: z.tuple([
      BackupPartSchema.extend({ name: z.literal('vault-keys.json') }),
      BackupPartSchema.extend({ name: z.literal('vault.db') }),
    ]),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeaderV1Schema> | z.infer<typeof BackupHeaderV2Schema>;
const BackupHeaderSchema = z.union([BackupHeaderV2Schema, BackupHeaderV1Schema]);

/** Where each part sits in a verified file. */
export interface VerifiedBackup {
  path: string;
  header: BackupHeader;
  parts: Partial<Record<PartName, { offset: number; length: number }>>;
}

const damaged = () => new AppError('unreadable', 'backup.error.damaged');

/** The bytes before the parts: magic, header length and header (either version, for tests of old files). */
export function encodePrefix(header: BackupHeader): Buffer {
  // Stryker disable next-line StringLiteral: Buffer.from with an empty encoding name encodes as UTF-8, the same bytes
  const json = Buffer.from(JSON.stringify(BackupHeaderSchema.parse(header)), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json]);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Calls `visit` with consecutive chunks of [offset, offset + length) of an open file. */
export function readRange(fd: number, offset: number, length: number, visit: (chunk: Buffer) => void): void {
  const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(length, 1)));
  let done = 0;
  while (done < length) {
    const want = Math.min(buffer.length, length - done);
    const got = readSync(fd, buffer, 0, want, offset + done);
    if (got <= 0) throw damaged();
    visit(buffer.subarray(0, got));
    done += got;
  }
}

function readHeader(fd: number, size: number): { header: BackupHeader; prefixLength: number } {
  if (size < PREFIX_BYTES + TRAILER_BYTES) throw new AppError('unreadable', 'backup.error.notBackup');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  readSync(fd, prefix, 0, PREFIX_BYTES, 0);
  if (!prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC))
    throw new AppError('unreadable', 'backup.error.notBackup');
  const headerLength = prefix.readUInt32BE(BACKUP_MAGIC.length);
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength + TRAILER_BYTES > size) throw damaged();
  const json = Buffer.alloc(headerLength);
  readSync(fd, json, 0, headerLength, PREFIX_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch /* Stryker disable next-line BlockStatement: without this throw `raw` stays undefined, which the header schema below refuses with the same damaged error */ {
    throw damaged();
  }
  const version = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).safeParse(raw);
  if (version.success && version.data.version > BACKUP_VERSION) {
    throw new AppError('vault_newer', 'backup.error.newer', { found: version.data.version, supported: BACKUP_VERSION });
  }
  const header = BackupHeaderSchema.safeParse(raw);
  if (!header.success) throw damaged();
  return { header: header.data, prefixLength: PREFIX_BYTES + headerLength };
}

/**
 * Reads a backup file and checks all of it before anyone uses it: magic, header, exact length (a
 * truncated file is refused), every part's SHA-256 and the whole-file SHA-256 at the end.
 */
export function verifyBackupFile(path: string): VerifiedBackup {
  let fd: number;
  try {
    // Stryker disable next-line StringLiteral: the message is dropped by the catch below, which reports notFound
    if (!statSync(path).isFile()) throw new Error('not a file');
    fd = openSync(path, 'r');
  } catch {
    throw new AppError('unreadable', 'backup.error.notFound');
  }
  try {
    const size = statSync(path).size;
    const { header, prefixLength } = readHeader(fd, size);
    const partBytes = header.parts.reduce((sum, part) => sum + part.length, 0);
    if (prefixLength + partBytes + TRAILER_BYTES !== size) throw damaged();
    const whole = createHash('sha256');
    readRange(fd, 0, prefixLength, (chunk) => whole.update(chunk));
    let offset = prefixLength;
    const parts: VerifiedBackup['parts'] = {};
    for (const part of header.parts) {
      const own = createHash('sha256');
      readRange(fd, offset, part.length, (chunk) => {
        own.update(chunk);
        whole.update(chunk);
      });
      if (own.digest('hex') !== part.sha256) throw damaged();
      parts[part.name] = { offset, length: part.length };
      offset += part.length;
    }
    const trailer = Buffer.alloc(TRAILER_BYTES);
    readSync(fd, trailer, 0, TRAILER_BYTES, offset);
    if (!whole.digest().equals(trailer)) throw damaged();
    return { path, header, parts };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of one (small) part of a verified backup, e.g. the key file. */
export function readPart(backup: VerifiedBackup, name: PartName): Buffer {
  const where = backup.parts[name];
  if (!where) throw damaged();
  const { offset, length } = where;
  const out = Buffer.alloc(length);
  const fd = openSync(backup.path, 'r');
  try {
    let at = 0;
    readRange(fd, offset, length, (chunk) => {
      chunk.copy(out, at);
      at += chunk.length;
    });
  } finally {
    closeSync(fd);
  }
  return out;
}
