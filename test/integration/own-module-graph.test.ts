import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesNeedingOwnModuleGraph, needsOwnModuleGraph } from '../support/own-module-graph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('which test files get a module graph of their own', () => {
  it.each([
    ["vi.mock('../../main/db/connection', () => ({}));"],
    ['vi.doMock(path, factory);'],
    ['vi.stubEnv("TZ", "UTC");'],
    ['vi.stubGlobal("fetch", f);'],
    ['vi.resetModules();'],
    ["process.env.TZ = 'Europe/Oslo';"],
    ['process.env.BRO_TEST_SLOW=value;'],
    ["process.env['BRO_X'] = '1';"],
    ['delete process.env.TZ;'],
    ["process.chdir('/tmp');"],
    ['const before = process.umask(0o022);'],
    ["spawnSync('prlimit', ['--pid', String(process.pid), '--fsize=4096:unlimited']);"],
  ])('isolates a file with %s', (line) => {
    expect(needsOwnModuleGraph(`import { vi } from 'vitest';\n${line}\n`)).toBe(true);
  });

  it.each([
    ['const zone = process.env.TZ;'],
    ["if (process.env.CI === 'true') skip();"],
    ['expect(process.env.TMPDIR !== undefined).toBe(true);'],
    ['const f = vi.fn(); vi.spyOn(source, "meetings");'],
    ["const mocked = 'vi.mock is described here'; // the word alone"],
    ['const mask = process.umask();'],
  ])('shares the worker for a file with %s', (line) => {
    expect(needsOwnModuleGraph(`import { vi } from 'vitest';\n${line}\n`)).toBe(false);
  });

  it('finds the files of this repository that change the time zone or mock a module', () => {
    const found = filesNeedingOwnModuleGraph(ROOT, ['main', 'test/integration', 'build']);
    expect(found).toContain('test/integration/due-time-zone-change.test.ts');
    expect(found).toContain('test/integration/electron-shell/start-up.test.ts');
    expect(found).toContain('test/integration/backup-secrets.test.ts');
    expect(found).not.toContain('test/integration/purge.test.ts');
    // Most files share: the point of the split.
    const all = readdirSync(`${ROOT}/test/integration`, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.test.ts'),
    );
    expect(found.length).toBeLessThan(all.length / 4);
  });
});
