// The key file beside vault.db: real files in temp folders, wraps made with real AES-GCM.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { newKdfParams } from './kdf';
import {
  KEY_FILE_VERSION,
  keyFileExists,
  parseKeyFile,
  readKeyFile,
  updateKeyFile,
  wrapAad,
  writeKeyFile,
  type KeyFile,
} from './key-file';
import { wrapKey } from './key-wrap';

const temp = tempDirs('bro-key-file-');
afterAll(() => temp.cleanup());

const FAST = { logN: 10, r: 8, p: 1 };

function keyFile(): KeyFile {
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  return {
    format: 'bro-vault-keys',
    version: KEY_FILE_VERSION,
    vaultId,
    profile: 'NO',
    createdAt: '2026-03-02T10:00:00.000Z',
    kdf: newKdfParams(FAST),
    wraps: {
      passphrase: wrapKey(randomBytes(32), dataKey, wrapAad(vaultId, 'passphrase')),
      recovery: wrapKey(randomBytes(32), dataKey, wrapAad(vaultId, 'recovery')),
    },
  };
}

function written(file: KeyFile = keyFile()): { path: string; file: KeyFile } {
  const path = join(temp.make(), 'vault.keys.json');
  writeKeyFile(path, file);
  return { path, file };
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const damaged = (part: string) => ({ code: 'vault_corrupt', messageKey: 'error.vault_keys_damaged', params: { part } });
const UNREADABLE = { code: 'vault_corrupt', messageKey: 'error.vault_keys_unreadable' };

describe('a key file', () => {
  it('is written with a digest of its content and read back unchanged', () => {
    const { path, file } = written();
    expect(keyFileExists(path)).toBe(true);
    expect(keyFileExists(join(temp.make(), 'vault.keys.json'))).toBe(false);
    expect(json(path).digest).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
    expect(readKeyFile(path)).toEqual(file);
  });

  it('binds each wrap to its vault and purpose', () => {
    expect(wrapAad('a1', 'passphrase')).toBe('bro-vault-keys/v1/a1/passphrase');
    expect(wrapAad('a1', 'compartment-mentor')).toBe('bro-vault-keys/v1/a1/compartment-mentor');
  });

  it('is damaged (not a wrong passphrase) when one byte of a wrap changed', () => {
    const { path } = written();
    const raw = json(path) as { wraps: { passphrase: { tag: string } } };
    const tag = raw.wraps.passphrase.tag;
    raw.wraps.passphrase.tag = (tag[0] === 'A' ? 'B' : 'A') + tag.slice(1);
    writeFileSync(path, JSON.stringify(raw));
    expect(() => readKeyFile(path)).toThrow(expect.objectContaining(damaged('digest')));
  });

  it('is damaged when cut short, and unreadable when it is some other text', () => {
    const { path } = written();
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200));
    expect(() => readKeyFile(path)).toThrow(expect.objectContaining(damaged('json')));
    writeFileSync(path, 'name,date\nKari,2026-01-01\n');
    expect(() => readKeyFile(path)).toThrow(expect.objectContaining(UNREADABLE));
  });

  it('is damaged when a Bro key file lost a field, and unreadable when it is JSON of another kind', () => {
    const { path } = written();
    const { kdf: _kdf, ...rest } = json(path);
    writeFileSync(path, JSON.stringify(rest));
    expect(() => readKeyFile(path)).toThrow(expect.objectContaining(damaged('fields')));
    for (const other of [{ format: 'bro-backup', version: 2 }, [1, 2], null, 'bro-vault-keys']) {
      writeFileSync(path, JSON.stringify(other));
      expect(() => readKeyFile(path)).toThrow(expect.objectContaining(UNREADABLE));
    }
  });

  it('from a newer Bro is refused by name, not called damaged', () => {
    const { path } = written();
    writeFileSync(path, JSON.stringify({ ...json(path), version: KEY_FILE_VERSION + 1 }));
    expect(() => readKeyFile(path)).toThrow(
      expect.objectContaining({
        code: 'vault_newer',
        messageKey: 'error.vault_newer',
        params: { found: KEY_FILE_VERSION + 1, supported: KEY_FILE_VERSION },
      }),
    );
  });

  it('of version 1 (no digest, no anchor) is read as the current version', () => {
    const { path, file } = written();
    const { digest: _digest, ...content } = json(path);
    writeFileSync(path, JSON.stringify({ ...content, version: 1 }));
    expect(readKeyFile(path)).toEqual({ ...file, version: KEY_FILE_VERSION });
    const { version: _version, ...v1 } = { ...file, version: 1 };
    expect(parseKeyFile({ ...v1, version: 1 }).version).toBe(KEY_FILE_VERSION);
  });

  it('of version 1 is read whatever a digest field in it says: version 1 never had one', () => {
    const { path, file } = written();
    writeFileSync(path, JSON.stringify({ ...json(path), version: 1, digest: '0'.repeat(64) }));
    expect(readKeyFile(path)).toEqual(file);
  });

  it('with its fields out of shape is refused as unreadable when parsed from elsewhere (a backup)', () => {
    expect(() => parseKeyFile({ format: 'bro-vault-keys', version: KEY_FILE_VERSION })).toThrow(
      expect.objectContaining(UNREADABLE),
    );
  });

  it('of the current version without a digest is still read (written before digests)', () => {
    const { path, file } = written();
    const { digest: _digest, ...content } = json(path);
    writeFileSync(path, JSON.stringify(content));
    expect(readKeyFile(path)).toEqual(file);
  });

  it('refuses KDF parameters beyond the bounds by name, also in a compartment', () => {
    const file = keyFile();
    const tooCostly = { ...file.kdf, logN: 30 };
    expect(() => parseKeyFile({ ...file, kdf: tooCostly })).toThrow(
      expect.objectContaining({ messageKey: 'security.kdfOutOfBounds' }),
    );
    const mentor = { kdf: tooCostly, wrap: file.wraps.recovery };
    expect(() => parseKeyFile({ ...file, compartments: { mentor } })).toThrow(
      expect.objectContaining({ messageKey: 'security.kdfOutOfBounds' }),
    );
    expect(parseKeyFile({ ...file, compartments: { mentor: { ...mentor, kdf: file.kdf } } }).compartments).toEqual({
      mentor: { kdf: file.kdf, wrap: file.wraps.recovery },
    });
  });

  it('is changed in one read and write, keeping what the change did not touch', () => {
    const { path, file } = written();
    const anchor = { seq: 4, mac: 'ab'.repeat(32), legacySeq: 0, at: '2026-03-02T11:00:00.000Z' };
    const next = updateKeyFile(path, (current) => ({ ...current, auditAnchor: anchor }));
    expect(next).toEqual({ ...file, auditAnchor: anchor });
    expect(readKeyFile(path)).toEqual(next);
  });

  it.runIf(process.platform === 'linux')('that cannot be read (an I/O error) is named as such, nothing saved', () => {
    // Reading /proc/self/mem from its start fails with EIO, as a failing disk would.
    expect(() => readKeyFile('/proc/self/mem')).toThrow(
      expect.objectContaining({ code: 'storage', messageKey: 'error.storage.io.nothing', params: { failure: 'io' } }),
    );
  });

  it('is never written with a field out of shape, leaving the old file', () => {
    const { path } = written();
    const before = readFileSync(path);
    expect(() => writeKeyFile(path, { ...keyFile(), vaultId: 'not-a-uuid' })).toThrow();
    expect(readFileSync(path)).toEqual(before);
  });
});
