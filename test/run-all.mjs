#!/usr/bin/env node
/**
 * `npm test`: build, then every Vitest test, then every Playwright spec — the second runner runs
 * even when the first fails — and one last line summing both runners' JSON reports:
 *   tests: N passed, N failed, N skipped
 * Exits non-zero when anything failed, including a build that failed or a runner that crashed
 * without writing its report (each counted as one failed test).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { preflight } from '../build/preflight/preflight.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RESULTS = join(ROOT, 'test-results');
const VITEST_REPORT = join(RESULTS, 'vitest.json');
const PLAYWRIGHT_REPORT = join(RESULTS, 'playwright.json');
// Where vitest.config.ts has a test process that dies of a fatal error write its diagnostic report.
const CRASH_REPORTS = join(RESULTS, 'crash-reports');
const WINDOWS = process.platform === 'win32';

/** Runs a command in the repository root with the terminal attached; never throws. */
function run(label, command, args) {
  console.log(`\n━━ ${label}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: WINDOWS });
  const seconds = (Date.now() - started) / 1000;
  const code = result.error ? 127 : (result.status ?? 1);
  const how = result.error
    ? `could not start: ${result.error.message}`
    : result.signal
      ? `killed by ${result.signal}`
      : `exit ${code}`;
  return { code, how, seconds };
}

const bin = (name) => join('node_modules', '.bin', WINDOWS ? `${name}.cmd` : name);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Vitest's (Jest-shaped) report: passed/failed, everything else (skipped, pending, todo) skipped. */
export function countVitest(report) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const file of report.testResults ?? []) {
    const name = relative(ROOT, file.name ?? '?');
    let failedHere = 0;
    let unfinished = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') {
        counts.failed += 1;
        failedHere += 1;
        counts.failures.push(`${name} › ${test.fullName ?? test.title}`);
      } else if (test.status === 'pending') unfinished += 1;
      else counts.skipped += 1;
    }
    // 'pending' in a finished run: the test never ended, because the process running its file did
    // (a crash). Failed, and the file named, instead of counted as skipped.
    if (unfinished > 0) {
      counts.failed += unfinished;
      failedHere += unfinished;
      counts.failures.push(`${name} (${unfinished} tests never finished: the process running the file ended)`);
    }
    // A file that failed without a failed test did not load or broke in a hook.
    if (file.status === 'failed' && failedHere === 0) {
      counts.failed += 1;
      counts.failures.push(`${name} (the file itself failed: ${firstLine(file.message)})`);
    }
  }
  return counts;
}

/** Playwright's report: flaky counts as passed; unexpected, timed out and interrupted as failed. */
export function countPlaywright(report) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const last = test.results?.at(-1)?.status;
        const title = `[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}`;
        if (test.status === 'flaky') counts.passed += 1;
        else if (test.status === 'unexpected' || last === 'timedOut' || last === 'interrupted') {
          counts.failed += 1;
          counts.failures.push(last && last !== 'failed' ? `${title} (${last})` : title);
        } else if (test.status === 'skipped') counts.skipped += 1;
        else counts.passed += 1;
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  // Errors outside any test: a spec file that does not load, a broken config, "no tests found".
  for (const error of report.errors ?? []) {
    counts.failed += 1;
    counts.failures.push(`(outside any test) ${firstLine(error.message)}`);
  }
  return counts;
}

function firstLine(text) {
  const plain = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return (
    plain
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'no message'
  );
}

/**
 * One line per Node diagnostic report a dying test process left (vitest.config.ts): what killed it and
 * where, since Vitest itself says only "Worker exited unexpectedly".
 */
const REPORT_MACHINERY =
  /^Unavailable|^at node:internal|TriggerNodeReport|OnFatalError|OOMErrorHandler|ReportOOMFailure|FatalProcessOutOfMemory/;

export function crashSummaries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const report = readJson(join(dir, name));
      if (!report) return `a test process died; its report ${name} does not read`;
      const header = report.header ?? {};
      const frames = [...(report.javascriptStack?.stack ?? []), ...(report.nativeStack ?? []).map((f) => f.symbol)]
        // A native frame without its argument list and binary: "napi_fatal_error [/usr/bin/node]" → "napi_fatal_error".
        .map((frame) =>
          String(frame)
            .replace(/\s*\[[^\]]*\]$/, '')
            .replace(/\(.*\)/, '()')
            .trim(),
        )
        .filter((frame) => frame !== '' && !REPORT_MACHINERY.test(frame))
        .slice(0, 8);
      return `a test process died (${header.event ?? '?'}; ${header.trigger ?? '?'}) at ${frames.join(' | ') || 'no stack'}`;
    });
}

/** Counts from a runner's report, or one failure when the report is missing or disagrees with the exit code. */
function summarise(name, outcome, reportPath, count) {
  const report = readJson(reportPath);
  if (!report) {
    return { passed: 0, failed: 1, skipped: 0, failures: [`${name} crashed without a report (${outcome.how})`] };
  }
  const counts = count(report);
  if (outcome.code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.failures.push(`${name} ended with ${outcome.how} although its report shows no failed test`);
  }
  return counts;
}

const line = (counts) => `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;

function main() {
  // A missing browser, pdfsig or openssl is one clear message here, not hundreds of failed tests.
  if (preflight('test') !== 0) {
    process.exitCode = 1;
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  // A stale report must never stand in for a run that crashed.
  rmSync(VITEST_REPORT, { force: true });
  rmSync(PLAYWRIGHT_REPORT, { force: true });
  rmSync(CRASH_REPORTS, { recursive: true, force: true });

  const build = run('build', WINDOWS ? 'npm.cmd' : 'npm', ['run', 'build']);
  const vitestRun = run('vitest', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${relative(ROOT, VITEST_REPORT)}`,
  ]);
  const playwrightRun = run('playwright', bin('playwright'), ['test']);

  const vitest = summarise('vitest', vitestRun, VITEST_REPORT, countVitest);
  const crashes = crashSummaries(CRASH_REPORTS);
  vitest.failed += crashes.length;
  vitest.failures.push(...crashes);
  const playwright = summarise('playwright', playwrightRun, PLAYWRIGHT_REPORT, countPlaywright);
  const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
  if (build.code !== 0) {
    total.failed += 1;
    total.failures.push(`build failed (${build.how})`);
  }
  for (const [name, counts] of [
    ['vitest', vitest],
    ['playwright', playwright],
  ]) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    total.failures.push(...counts.failures.map((failure) => `${name}: ${failure}`));
  }

  console.log('\n━━ summary');
  console.log(`build:      ${build.code === 0 ? 'ok' : `FAILED (${build.how})`} in ${build.seconds.toFixed(1)} s`);
  console.log(`vitest:     ${line(vitest)} in ${vitestRun.seconds.toFixed(1)} s`);
  console.log(`playwright: ${line(playwright)} in ${playwrightRun.seconds.toFixed(1)} s`);
  if (total.failures.length > 0) {
    console.log('failed:');
    for (const failure of total.failures) console.log(`  ✗ ${failure}`);
  }
  console.log(`tests: ${line(total)}`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

// Importable (for its counting functions) without running the suite.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
