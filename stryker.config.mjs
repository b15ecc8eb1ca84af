import { MUTATION_FOLDERS, mutationTarget, slug } from './build/mutation/folders.mjs';

/**
 * Mutation testing (issue 17): `npm run mutation` (build/mutation/run.mjs) runs Stryker once per folder
 * of build/mutation/folders.mjs, naming the folder (or a file in it) in BRO_MUTATION_TARGET. Not part of
 * `npm test`. Each folder has its own incremental file and JSON report under reports/mutation/.
 * Tests are chosen by Vitest's `related` (import graph) within the folder's tests, then per test by
 * Stryker's coverage, so one mutant runs only the tests that reach it.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const target = mutationTarget(process.env.BRO_MUTATION_TARGET ?? 'shared/rules');
if (!target) {
  throw new Error(
    `BRO_MUTATION_TARGET must be one of ${Object.keys(MUTATION_FOLDERS).join(', ')} or a path inside one`,
  );
}
const part = slug(process.env.BRO_MUTATION_TARGET ?? target.folder);

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'build/mutation/vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // A mutant in module-level code (a schema, a constant) would need every test run again; leave those out.
  ignoreStatic: true,
  mutate: target.mutate,
  testFiles: target.tests,
  ignorePatterns: [
    'out',
    'dist',
    'test-results',
    'playwright-report',
    'coverage',
    'reports',
    'test/e2e',
    'test/electron',
    'build/mutation/baseline',
  ],
  // The machine is shared (2 cores, other work running): one test runner unless BRO_MUTATION_CONCURRENCY says more.
  concurrency: Number(process.env.BRO_MUTATION_CONCURRENCY ?? 1),
  // Kept in git (build/mutation/baseline/): a fresh clone then re-tests only the mutants whose code or
  // tests changed since the last recorded run, instead of every mutant of the folder from scratch.
  incremental: true,
  incrementalFile: `build/mutation/baseline/${part}.incremental.json`,
  reporters: ['json', 'progress'],
  jsonReporter: { fileName: `reports/mutation/parts/${part}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The machine is shared: a slow run must not pass for a mutant caught by a timeout.
  timeoutMS: 20000,
  timeoutFactor: 2.5,
  // The first, unmutated run of main/vault's tests (integration tests that spawn `bro`) outlasts
  // Stryker's default 5 minutes on a loaded 2-core machine, and the run then fails before any mutant.
  dryRunTimeoutMinutes: 25,
  thresholds: { high: 90, low: 85, break: null },
};
