// A connection still open when its thread or process ends used to be closed by the addon's finalizer
// after JavaScript had stopped. If SQLite logged then (here: the vault's folder was removed, so its
// WAL cannot be unlinked) while a logger was registered, the addon aborted the whole process: a CI run
// lost a Vitest worker that way ("FATAL ERROR: Error::ThrowAsJavaScriptException napi_throw").
// connection.ts closes whatever is still open on 'exit' and registers no logger any more (see
// worker-exit-heap.test.ts). Each case runs in a process of its own, since the failure is an abort.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { closeConnections, openConnectionCount, openInMemory } from './connection';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const SCRIPT = fileURLToPath(new URL('../../test/fixtures/db/left-open.ts', import.meta.url));

describe('a connection left open', () => {
  it.each(['main', 'worker'])('when the %s thread ends is closed first, and the process exits cleanly', (where) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, where, dirs.make()], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).not.toMatch(/FATAL|napi/);
    expect(result.stdout).toBe('ended cleanly\n');
    expect(result.status).toBe(0);
  });
});

describe('closeConnections', () => {
  it('closes what is open, skips what is closed, and the count follows', () => {
    const before = openConnectionCount();
    const a = openInMemory();
    const b = openInMemory();
    expect(openConnectionCount()).toBe(before + 2);
    b.close();
    expect(openConnectionCount()).toBe(before + 1);
    closeConnections(new Set([a, b]));
    expect(() => a.exec('SELECT 1')).toThrow(/closed/);
    expect(openConnectionCount()).toBe(before);
  });
});
