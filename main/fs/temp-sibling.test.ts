import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { removeStaleTemps, tempSibling } from './temp-sibling';

const dirs = tempDirs('bro-temp-sibling-');
afterEach(() => dirs.cleanup());

describe('tempSibling', () => {
  it('is a hidden work file beside the target, named after it, different each time', () => {
    const target = join(dirs.make(), 'sikkerhetskopi.brobak');
    const first = tempSibling(target);
    expect(dirname(first)).toBe(dirname(target));
    expect(basename(first)).toMatch(/^\.sikkerhetskopi\.brobak\.[0-9a-f]{12}\.part\.bro-tmp$/);
    expect(tempSibling(target, 'staging')).toMatch(/\.staging\.bro-tmp$/);
    expect(tempSibling(target)).not.toBe(first);
  });
});

describe('removeStaleTemps', () => {
  it('removes the work files a killed run left beside the target, and nothing else in the folder', () => {
    const dir = dirs.make();
    const target = join(dir, 'kopi.brobak');
    const names = {
      target: 'kopi.brobak',
      stale: basename(tempSibling(target)),
      staleOther: basename(tempSibling(target, 'staging')),
      anotherTargetsTemp: basename(tempSibling(join(dir, 'annen.brobak'))),
      hiddenButNotWork: '.kopi.brobak.notat',
      unrelated: 'brev.txt',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'x');

    removeStaleTemps(target);

    expect(readdirSync(dir).sort()).toEqual(
      [names.target, names.anotherTargetsTemp, names.hiddenButNotWork, names.unrelated].sort(),
    );
  });
});
