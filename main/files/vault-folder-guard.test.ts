import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { isInsideFolder, refuseInsideVault } from './vault-folder-guard';

const dirs = tempDirs('bro-vault-guard-');
afterEach(() => dirs.cleanup());

function layout() {
  const root = dirs.make();
  const vault = join(root, 'vault');
  mkdirSync(join(vault, 'sub'), { recursive: true });
  writeFileSync(join(vault, 'vault.db'), 'db');
  mkdirSync(join(root, 'documents'));
  symlinkSync(vault, join(root, 'link-to-vault'));
  symlinkSync(join(root, 'documents'), join(vault, 'link-out'));
  return { root, vault };
}

describe('isInsideFolder', () => {
  it('finds a path inside the folder: its files, new names, sub-folders, the folder itself', () => {
    const { vault } = layout();
    for (const path of [
      join(vault, 'vault.db'),
      join(vault, 'ny.pdf'),
      join(vault, 'sub', 'ny.pdf'),
      join(vault, 'ny-mappe', 'dypere', 'ny.pdf'),
      vault,
      `${vault}/`,
    ])
      expect(isInsideFolder(path, vault), path).toBe(true);
  });

  it('sees through `..` segments and a symlink to the folder, either way round', () => {
    const { root, vault } = layout();
    for (const path of [
      `${root}/documents/../vault/vault.db`,
      `${vault}/sub/../vault.db`,
      `${vault}/sub/..`,
      join(root, 'link-to-vault', 'vault.db'),
      join(root, 'link-to-vault', 'ny-mappe', 'ny.pdf'),
    ])
      expect(isInsideFolder(path, vault), path).toBe(true);
    expect(isInsideFolder(join(vault, 'vault.db'), join(root, 'link-to-vault'))).toBe(true);
  });

  it('leaves paths beside the folder alone, a sibling whose name starts with the folder’s name included', () => {
    const { root, vault } = layout();
    for (const path of [
      `${vault}-exports/ny.pdf`,
      `${vault}.pdf`,
      join(root, 'documents', 'ny.pdf'),
      `${vault}/../documents/ny.pdf`,
      join(vault, 'link-out', 'ny.pdf'),
      root,
    ])
      expect(isInsideFolder(path, vault), path).toBe(false);
  });

  it('compares as written where the file system tells case apart', () => {
    const { root, vault } = layout();
    // Linux file systems are case-sensitive: VAULT is another folder there.
    if (process.platform !== 'linux') return;
    expect(isInsideFolder(join(root, 'VAULT', 'vault.db'), vault)).toBe(false);
  });
});

describe('refuseInsideVault', () => {
  it('refuses with the general message, or the caller’s own', () => {
    const { vault } = layout();
    expect(() => refuseInsideVault(join(vault, 'x.pdf'), vault)).toThrow(
      expect.objectContaining({ code: 'invalid_input', messageKey: 'files.error.insideVault' }),
    );
    expect(() => refuseInsideVault(join(vault, 'x.brobak'), vault, 'backup.error.outInsideVault')).toThrow(
      expect.objectContaining({ messageKey: 'backup.error.outInsideVault' }),
    );
    expect(() => refuseInsideVault(`${vault}-exports/x.pdf`, vault)).not.toThrow();
  });
});
