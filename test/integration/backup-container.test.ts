// The backup container read byte by byte before anything in it is used: each malformed file is
// refused with the message a user sees (not a backup, damaged), and a well-formed one gives each part
// back exactly. Files are written by hand here so each defect is the only one.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_MAGIC,
  encodePrefix,
  readPart,
  readRange,
  sha256Hex,
  verifyBackupFile,
  type BackupHeader,
} from '../../main/backup/backup-format';
import { tempDirs } from '../support/temp-dir';
import { openHandlesUnder } from '../support/open-handles';

const dirs = tempDirs('bro-backup-container-');
afterAll(() => dirs.cleanup());

const KDF = { algorithm: 'scrypt' as const, version: 1 as const, logN: 15, r: 8, p: 1, salt: 'c2FsdHNhbHQ=' };
const NOT_BACKUP = { code: 'unreadable', messageKey: 'backup.error.notBackup' };
const DAMAGED = { code: 'unreadable', messageKey: 'backup.error.damaged' };

/** Three parts of the given sizes, with bytes that differ from part to part. */
function parts(sizes: [number, number, number]): Buffer[] {
  return sizes.map((size, i) => Buffer.alloc(size, 0x41 + i));
}

function header(bodies: Buffer[]): BackupHeader {
  const names = ['vault-keys.json', 'manifest', 'vault.db'] as const;
  return {
    format: BACKUP_FORMAT,
    version: 2,
    kdf: KDF,
    parts: [0, 1, 2].map((i) => ({
      name: names[i],
      length: bodies[i]!.length,
      sha256: sha256Hex(bodies[i]!),
    })) as Extract<BackupHeader, { version: 2 }>['parts'],
  };
}

/** A complete container: prefix, parts and the SHA-256 of everything before the trailer. */
function container(prefix: Buffer, bodies: Buffer[]): Buffer {
  const body = Buffer.concat([prefix, ...bodies]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

function write(bytes: Buffer): string {
  const path = join(dirs.make(), 'sikkerhetskopi.brobak');
  writeFileSync(path, bytes);
  return path;
}

/** The magic, a declared header length and whatever bytes follow. */
function rawPrefix(declaredLength: number, json: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(declaredLength);
  return Buffer.concat([BACKUP_MAGIC, length, json]);
}

const refusalOf = (path: string) => {
  try {
    verifyBackupFile(path);
    return null;
  } catch (error) {
    const { code, messageKey } = error as { code: string; messageKey: string };
    return { code, messageKey };
  }
};

describe('reading a backup container', () => {
  it('gives back every part byte for byte, across the chunk size, and where each one lies', () => {
    const bodies = parts([300, 70, (1 << 20) + 5000]);
    const prefix = encodePrefix(header(bodies));
    const path = write(container(prefix, bodies));
    const backup = verifyBackupFile(path);
    expect(backup.header).toEqual(header(bodies));
    expect(backup.parts).toEqual({
      'vault-keys.json': { offset: prefix.length, length: 300 },
      manifest: { offset: prefix.length + 300, length: 70 },
      'vault.db': { offset: prefix.length + 370, length: (1 << 20) + 5000 },
    });
    expect(readPart(backup, 'vault-keys.json')).toEqual(bodies[0]);
    expect(readPart(backup, 'manifest')).toEqual(bodies[1]);
    expect(readPart(backup, 'vault.db').equals(bodies[2]!)).toBe(true);
  });

  it('reads an empty part as empty', () => {
    const bodies = parts([20, 0, 40]);
    const backup = verifyBackupFile(write(container(encodePrefix(header(bodies)), bodies)));
    expect(readPart(backup, 'manifest')).toEqual(Buffer.alloc(0));
  });

  it('calls a file with the magic but too short to hold a trailer not a backup', () => {
    const bytes = Buffer.concat([BACKUP_MAGIC, Buffer.alloc(4 + 31)]);
    expect(refusalOf(write(bytes))).toEqual(NOT_BACKUP);
    expect(refusalOf(write(Buffer.concat([Buffer.from('BROBAK02'), Buffer.alloc(100)])))).toEqual(NOT_BACKUP);
  });

  it('accepts the shortest file the format allows as far as its header, and calls it damaged', () => {
    // Magic, a zero header length and a 32-byte trailer: long enough to be read, but no header.
    expect(refusalOf(write(Buffer.concat([rawPrefix(0, Buffer.alloc(0)), Buffer.alloc(32)])))).toEqual(DAMAGED);
  });

  it('calls damaged a header longer than 1 MiB or longer than the file', () => {
    const big = (1 << 20) + 1;
    expect(refusalOf(write(Buffer.concat([rawPrefix(big, Buffer.alloc(big, 0x20)), Buffer.alloc(64)])))).toEqual(
      DAMAGED,
    );
    const json = Buffer.from(JSON.stringify({ format: BACKUP_FORMAT, version: 2 }));
    expect(refusalOf(write(Buffer.concat([rawPrefix(json.length + 10, json), Buffer.alloc(41)])))).toEqual(DAMAGED);
  });

  it('reads a header that ends exactly where the trailer begins', () => {
    const json = Buffer.from('{"format":"bro-vault-backup","version":2}');
    // Header length + 32 equals what is left: the length check passes and the header itself is refused.
    expect(refusalOf(write(Buffer.concat([rawPrefix(json.length, json), Buffer.alloc(32)])))).toEqual(DAMAGED);
  });

  it('calls damaged a header that is not JSON, or JSON of another shape', () => {
    const notJson = Buffer.from('{"format": "bro-vault-backup", version: 2');
    expect(refusalOf(write(Buffer.concat([rawPrefix(notJson.length, notJson), Buffer.alloc(64)])))).toEqual(DAMAGED);
    const bodies = parts([10, 10, 10]);
    const extra = Buffer.from(JSON.stringify({ ...header(bodies), description: 'Kari Fiktiv' }));
    expect(refusalOf(write(container(rawPrefix(extra.length, extra), bodies)))).toEqual(DAMAGED);
  });

  it('calls damaged a file longer or shorter than its header says', () => {
    const bodies = parts([10, 10, 10]);
    const whole = container(encodePrefix(header(bodies)), bodies);
    expect(refusalOf(write(Buffer.concat([whole, Buffer.from([0])])))).toEqual(DAMAGED);
    expect(refusalOf(write(whole.subarray(0, whole.length - 1)))).toEqual(DAMAGED);
    expect(refusalOf(write(whole))).toBeNull();
  });

  it('calls damaged a part whose bytes do not match its hash, even with a matching trailer', () => {
    const bodies = parts([10, 10, 10]);
    const stated = header(bodies);
    const swapped = [bodies[0]!, Buffer.alloc(10, 0x5a), bodies[2]!];
    expect(refusalOf(write(container(encodePrefix(stated), swapped)))).toEqual(DAMAGED);
  });

  it('refuses to read the manifest of a version 1 backup, which has none', () => {
    const bodies = parts([12, 0, 24]);
    const v2 = header(bodies) as Extract<BackupHeader, { version: 2 }>;
    const v1: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      vaultId: '2f6c1d2e-8b7a-4c3d-9e1f-0a1b2c3d4e5f',
      profile: 'NO',
      createdAt: '2026-11-23T09:00:00.000Z',
      schemaVersion: 14,
      tables: { cases: 0 },
      documentVersions: { count: 0, digest: '0'.repeat(64) },
      parts: [v2.parts[0], v2.parts[2]],
    };
    const backup = verifyBackupFile(write(container(encodePrefix(v1), [bodies[0]!, bodies[2]!])));
    expect(readPart(backup, 'vault.db')).toEqual(bodies[2]);
    expect(() => readPart(backup, 'manifest')).toThrow(expect.objectContaining(DAMAGED));
  });

  it('accepts a header of exactly 1 MiB and calls damaged a valid one a byte longer', () => {
    const bodies = parts([10, 10, 10]);
    const json = Buffer.from(JSON.stringify(header(bodies)));
    // JSON allows trailing white space: the same header, padded to the limit and one byte past it.
    const padded = (length: number) =>
      rawPrefix(length, Buffer.concat([json, Buffer.alloc(length - json.length, 0x20)]));
    expect(refusalOf(write(container(padded(1 << 20), bodies)))).toBeNull();
    expect(refusalOf(write(container(padded((1 << 20) + 1), bodies)))).toEqual(DAMAGED);
  });

  it('calls damaged a header that runs into the trailer, before reading what it says', () => {
    // A header from a newer Bro whose declared length leaves no room for the trailer: the length is
    // wrong, so the file is damaged (and not a newer backup).
    const json = Buffer.from(JSON.stringify({ format: BACKUP_FORMAT, version: 3, padding: 'x'.repeat(40) }));
    expect(refusalOf(write(rawPrefix(json.length, json)))).toEqual(DAMAGED);
  });

  it('reads a container of empty parts, whose header ends exactly where the trailer begins', () => {
    const bodies = parts([0, 0, 0]);
    const prefix = encodePrefix(header(bodies));
    const backup = verifyBackupFile(write(container(prefix, bodies)));
    expect(backup.parts['vault.db']).toEqual({ offset: prefix.length, length: 0 });
  });

  it('calls a missing file unreadable, so the command line exits as for any unreadable backup', () => {
    expect(refusalOf(join(dirs.make(), 'borte.brobak'))).toEqual({
      code: 'unreadable',
      messageKey: 'backup.error.notFound',
    });
  });
});

describe('reading a range of a backup', () => {
  it('streams a large part in pieces of at most 1 MiB, not the whole part at once', () => {
    const bytes = Buffer.alloc(3 * (1 << 20) + 7, 0x42);
    const path = write(bytes);
    const fd = openSync(path, 'r');
    const sizes: number[] = [];
    try {
      readRange(fd, 5, bytes.length - 5, (chunk) => sizes.push(chunk.length));
    } finally {
      closeSync(fd);
    }
    expect(Math.max(...sizes)).toBe(1 << 20);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(bytes.length - 5);
  });

  it('calls damaged a file that ends before the range does (cut short after it was checked)', () => {
    const path = write(Buffer.alloc(100, 0x42));
    const fd = openSync(path, 'r');
    try {
      expect(() => readRange(fd, 50, 100, () => undefined)).toThrow(expect.objectContaining(DAMAGED));
    } finally {
      closeSync(fd);
    }
  });
});

describe.runIf(process.platform === 'linux')('file handles', () => {
  it('reading a backup, or refusing it, leaves no handle open on the file', () => {
    const bodies = parts([10, 10, 10]);
    const good = write(container(encodePrefix(header(bodies)), bodies));
    readPart(verifyBackupFile(good), 'manifest');
    const bad = write(Buffer.concat([container(encodePrefix(header(bodies)), bodies), Buffer.from([0])]));
    expect(refusalOf(bad)).toEqual(DAMAGED);
    expect([...openHandlesUnder(dirname(good)), ...openHandlesUnder(dirname(bad))]).toEqual([]);
  });
});
