// Finishing or undoing a data-key rotation a crash interrupted: which pair of files opens the vault.
// Stand-in files in a temp folder (their content only tells them apart); vault-rotation.test.ts runs
// real rotations.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { commitRotation, settleRotation } from './rotate-key';
import { vaultFiles } from './vault-files';

const temp = tempDirs('bro-rotate-settle-');
afterAll(() => temp.cleanup());

function folder(...present: ('copy' | 'journal' | 'next' | 'wal')[]) {
  const files = vaultFiles(temp.make());
  writeFileSync(files.database, 'old database');
  writeFileSync(files.keys, 'old keys');
  if (present.includes('copy')) writeFileSync(files.rotatingDatabase, 'new database');
  if (present.includes('journal')) writeFileSync(`${files.rotatingDatabase}-journal`, 'journal');
  if (present.includes('next')) writeFileSync(files.nextKeys, 'new keys');
  if (present.includes('wal')) writeFileSync(`${files.database}-wal`, 'wal');
  return files;
}

const text = (path: string) => readFileSync(path, 'utf8');

describe('a rotation a crash interrupted', () => {
  it('is nothing to settle when no rotation was under way', () => {
    const files = folder();
    expect(settleRotation(files)).toBe('none');
    expect(readdirSync(files.dir).sort()).toEqual(['vault-keys.json', 'vault.db']);
  });

  it('is undone before the database was moved: the old pair stays, the new files go', () => {
    for (const files of [folder('copy'), folder('copy', 'journal'), folder('copy', 'next')]) {
      expect(settleRotation(files)).toBe('rolledBack');
      expect(readdirSync(files.dir).sort()).toEqual(['vault-keys.json', 'vault.db']);
      expect(text(files.database)).toBe('old database');
      expect(text(files.keys)).toBe('old keys');
    }
  });

  it('is finished after the database was moved: the next key file replaces the old one', () => {
    const files = folder('next');
    writeFileSync(files.database, 'new database');
    expect(settleRotation(files)).toBe('completed');
    expect(text(files.keys)).toBe('new keys');
    expect(existsSync(files.nextKeys)).toBe(false);
  });

  it('leaves no journal of an abandoned copy behind', () => {
    const files = folder('journal');
    expect(settleRotation(files)).toBe('none');
    expect(existsSync(`${files.rotatingDatabase}-journal`)).toBe(false);
  });
});

describe('committing a rotation', () => {
  it('moves the new database and then the new key file into place', () => {
    const files = folder('copy', 'next');
    commitRotation(files);
    expect(text(files.database)).toBe('new database');
    expect(text(files.keys)).toBe('new keys');
    expect(readdirSync(files.dir).sort()).toEqual(['vault-keys.json', 'vault.db']);
  });

  it('is refused while another process has the old database open (its WAL), keeping the old pair', () => {
    const files = folder('copy', 'next', 'wal');
    expect(() => commitRotation(files)).toThrow(
      expect.objectContaining({ code: 'conflict', messageKey: 'security.rotate.vaultInUse' }),
    );
    expect(text(files.database)).toBe('old database');
    expect(text(files.keys)).toBe('old keys');
    expect(existsSync(files.rotatingDatabase)).toBe(false);
    expect(existsSync(files.nextKeys)).toBe(false);
  });
});
