#!/usr/bin/env node
/**
 * The eight hand-made mutations of issue 17, each applied to a scratch copy of the work tree (never to
 * the tree itself), with the test that must kill it:
 *   node build/mutation/hand-mutations.mjs [name ...]
 * First runs every named test on the unmutated copy (they must pass), then each mutation with its test
 * (it must fail). Prints a table and a JSON line; exits 1 if a test fails unmutated, a mutant survives,
 * or a mutation no longer applies (the code moved: update the pattern here).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP = new Set([
  'node_modules',
  '.git',
  'out',
  'dist',
  'reports',
  '.stryker-tmp',
  'test-results',
  'playwright-report',
  'coverage',
]);

/** Each edit is [pattern, replacement]; a pattern must match exactly once in the file. */
export const MUTATIONS = [
  {
    name: 'dk-due: a record on the first day of its period no longer counts (>= 0 → > 0)',
    file: 'shared/rules/dk-due.ts',
    edits: [[/compareDates\(date, periodStart\) >= 0/, 'compareDates(date, periodStart) > 0']],
    test: 'shared/rules/dk-due.mutation-kills.test.ts',
  },
  {
    name: 'unlock-throttle: a damaged attempts file resets the delay',
    file: 'main/vault/unlock-throttle.ts',
    edits: [
      [
        /function damaged\(\): ThrottleState \| null \{|function damaged\(\)[^{]*\{/,
        'function damaged(): ThrottleState | null {\n  return null;',
      ],
    ],
    test: 'main/vault/unlock-throttle.mutation-kills.test.ts',
  },
  {
    name: 'unlock-throttle: no 15-minute cap',
    file: 'main/vault/unlock-throttle.ts',
    edits: [[/Math\.min\(2 \*\* \(failures - 1\), MAX_DELAY_SECONDS\)/, '2 ** (failures - 1)']],
    test: 'main/vault/unlock-throttle.mutation-kills.test.ts',
  },
  {
    name: 'pades-verify: SubFilter check removed',
    file: 'main/signing/pades-verify.ts',
    edits: [[/if \(!subFilter \|\| !SUBFILTERS\.has\(subFilter\)\)\s*problems\.push\([^;]*\);/, 'void SUBFILTERS;']],
    test: 'main/signing/pades-verify.refusals.test.ts',
  },
  {
    name: 'cms-verify: signing-certificate(-v2) check removed',
    file: 'main/signing/cms-verify.ts',
    edits: [[/\n\s*checkSigningCertificate\(attributes, result\.signer\);/, '\n    void checkSigningCertificate;']],
    test: 'main/signing/cms-verify.refusals.test.ts',
  },
  {
    name: "audit: link check dropped (each row's stored prev_hash trusted)",
    file: 'main/audit/audit-verify.ts',
    edits: [
      [/row\.prevHash !== prevHash \|\| /, ''],
      [
        /legacyHash\(prevHash, fields\) : entryMac\(key, prevHash, fields\)/,
        'legacyHash(row.prevHash, fields) : entryMac(key, row.prevHash, fields)',
      ],
    ],
    test: 'test/integration/audit-chain-splice.mutation-kills.test.ts',
  },
  {
    name: 'grading-rules: keeping a grading counts as a downgrade (>= → >)',
    file: 'shared/rules/grading-rules.ts',
    edits: [[/gradingRank\(profile, change\.to\.level\) >= /, 'gradingRank(profile, change.to.level) > ']],
    test: 'shared/rules/grading-rules.mutation-kills.test.ts',
  },
  {
    name: 'grading-rules: an export graded exactly as required is refused (>= → >)',
    file: 'shared/rules/grading-rules.ts',
    edits: [[/gradingRank\(profile, exportGrading\.level\) >= /, 'gradingRank(profile, exportGrading.level) > ']],
    test: 'shared/rules/grading-rules.mutation-kills.test.ts',
  },
  {
    name: 'passphrase-policy: UTF-16 units instead of characters',
    file: 'shared/vault/passphrase-policy.ts',
    edits: [[/const length = \[\.\.\.passphrase\]\.length;/, 'const length = passphrase.length;']],
    test: 'shared/vault/passphrase-policy.mutation-kills.test.ts',
  },
  {
    name: 'compartment-service: the two checks swapped (course looked up before the compartment)',
    file: 'main/services/compartment-service.ts',
    edits: [
      [
        /requireOpen\(compartment\);\s*requireCourse\(ctx, courseId\);/,
        'requireCourse(ctx, courseId);\n      requireOpen(compartment);',
      ],
      [
        /requireOpen\(compartment\);\s*requireCourse\(ctx, input\.courseId\);/,
        'requireCourse(ctx, input.courseId);\n  requireOpen(compartment);',
      ],
    ],
    test: 'test/integration/compartment-secrecy.mutation-kills.test.ts',
  },
];

/** The file with every edit applied, or an error naming the pattern that no longer matches once. */
export function mutate(text, edits) {
  let result = text;
  for (const [pattern, replacement] of edits) {
    const all = new RegExp(pattern.source, 'g');
    const count = [...result.matchAll(all)].length;
    if (count !== 1) return { ok: false, error: `pattern ${pattern} matches ${count} times` };
    result = result.replace(pattern, () => replacement);
  }
  return { ok: true, text: result };
}

function vitest(cwd, tests) {
  const result = spawnSync(join(cwd, 'node_modules', '.bin', 'vitest'), ['run', ...tests], { cwd, encoding: 'utf8' });
  return { passed: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

function main(names) {
  const chosen = names.length ? MUTATIONS.filter((m) => names.some((n) => m.name.startsWith(n))) : MUTATIONS;
  const scratch = mkdtempSync(join(tmpdir(), 'bro-hand-mutations-'));
  try {
    cpSync(ROOT, scratch, {
      recursive: true,
      filter: (source) => !SKIP.has(basename(source)) || dirname(source) !== ROOT,
    });
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    const tests = [...new Set(chosen.map((m) => m.test))];
    const baseline = vitest(scratch, tests);
    if (!baseline.passed) {
      console.error(baseline.output.slice(-4000));
      console.error('The killing tests fail on the unmutated code; fix them first.');
      return 1;
    }
    const results = chosen.map((mutation) => {
      const path = join(scratch, mutation.file);
      const original = readFileSync(path, 'utf8');
      const mutated = mutate(original, mutation.edits);
      if (!mutated.ok) return { ...mutation, status: 'not applied', detail: mutated.error };
      writeFileSync(path, mutated.text);
      const run = vitest(scratch, [mutation.test]);
      writeFileSync(path, original);
      // Killed means a test failed; a module that no longer loads would only prove a broken pattern.
      const failedTests = /Tests\s+\S*\s*\d+ failed/.test(run.output.replace(/\x1b\[[0-9;]*m/g, ''));
      return { ...mutation, status: run.passed ? 'SURVIVED' : failedTests ? 'killed' : 'broken' };
    });
    for (const r of results)
      console.log(`${r.status.padEnd(11)} ${r.name}\n            by ${r.test}${r.detail ? ` (${r.detail})` : ''}`);
    console.log(JSON.stringify({ handMutations: results.map(({ name, status, test }) => ({ name, status, test })) }));
    return results.every((r) => r.status === 'killed') ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
