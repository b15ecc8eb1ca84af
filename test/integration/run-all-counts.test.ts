// npm test's summary line (test/run-all.mjs) from Vitest's JSON report: a file whose process crashed
// leaves its tests 'pending', and they must count as failed with the file named, never as skipped
// (a CI run once printed 94 skipped for a crashed file).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../support/temp-dir';
// @ts-expect-error -- plain ES module without types; only its counting functions are used
import { countVitest, crashSummaries } from '../run-all.mjs';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const test = (status: string, title: string) => ({ status, title, fullName: title });

describe('countVitest', () => {
  it('counts passed, failed and skipped tests and names each failure', () => {
    const counts = countVitest({
      testResults: [
        {
          name: '/x/a.test.ts',
          status: 'failed',
          assertionResults: [
            test('passed', 'one'),
            test('failed', 'two'),
            test('skipped', 'three'),
            test('todo', 'four'),
          ],
        },
      ],
    });
    expect(counts).toMatchObject({ passed: 1, failed: 1, skipped: 2 });
    expect(counts.failures).toEqual([expect.stringMatching(/a\.test\.ts › two$/)]);
  });

  it('counts the tests of a file whose process ended under them as failed and names the file', () => {
    const counts = countVitest({
      testResults: [
        {
          name: '/x/crashed.test.ts',
          status: 'passed',
          assertionResults: [test('passed', 'one'), test('pending', 'two'), test('pending', 'three')],
        },
      ],
    });
    expect(counts).toMatchObject({ passed: 1, failed: 2, skipped: 0 });
    expect(counts.failures).toEqual([expect.stringMatching(/crashed\.test\.ts \(2 tests never finished/)]);
  });

  it('counts a file that failed without a failed test (a hook, an import) once', () => {
    const counts = countVitest({
      testResults: [{ name: '/x/b.test.ts', status: 'failed', message: 'boom\nstack', assertionResults: [] }],
    });
    expect(counts).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
    expect(counts.failures).toEqual([expect.stringMatching(/b\.test\.ts \(the file itself failed: boom\)$/)]);
  });
});

describe('crashSummaries', () => {
  it('names what killed a test process and where, from the report Node wrote as it died', () => {
    const dir = dirs.make();
    // A real fatal error: a heap too small for what the script keeps.
    const died = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=16',
        '--report-on-fatalerror',
        `--report-directory=${dir}`,
        '-e',
        'const kept = []; for (;;) kept.push(new Array(100000).fill(1));',
      ],
      { encoding: 'utf8' },
    );
    expect(died.status).not.toBe(0);
    const lines = crashSummaries(dir) as string[];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^a test process died \(.*heap.*; OOMError\) at \S/i);
  });

  it('says so when a report does not read, and nothing when no process died', () => {
    const dir = dirs.make();
    expect(crashSummaries(dir)).toEqual([]);
    expect(crashSummaries(join(dir, 'none'))).toEqual([]);
    writeFileSync(join(dir, 'report.1.json'), '{ cut');
    expect(crashSummaries(dir)).toEqual(['a test process died; its report report.1.json does not read']);
  });
});
