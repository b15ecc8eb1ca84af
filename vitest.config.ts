import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestUserConfig } from 'vitest/config';
import { filesNeedingOwnModuleGraph } from './test/support/own-module-graph';

const CRASH_REPORTS = 'test-results/crash-reports';

const PURE = ['shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'];
const NODE = ['main/**/*.test.ts', 'test/integration/**/*.test.ts', 'build/**/*.test.ts'];
// Node test files that mock a module or change process-wide state (test/support/own-module-graph.ts).
const OWN_GRAPH = filesNeedingOwnModuleGraph(fileURLToPath(new URL('.', import.meta.url)), [
  'main',
  'test/integration',
  'build',
]);
const common = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  setupFiles: ['test/support/settle-integrity-checks.ts'],
  // A test process that dies of a fatal error (a native abort, an exhausted heap) leaves a Node
  // diagnostic report here; npm test prints its cause and stack in the summary (CI shows only the tail).
  execArgv: ['--report-on-fatalerror', `--report-directory=${CRASH_REPORTS}`],
} satisfies TestUserConfig;

export default defineConfig({
  test: {
    // The whole set, as build/mutation/vitest.config.ts reads it; the three projects below split it.
    include: [...NODE, ...PURE],
    environment: common.environment,
    testTimeout: common.testTimeout,
    hookTimeout: common.hookTimeout,
    pool: 'forks',
    // Once for the whole run (the root's global setup runs whatever projects run), not once per project:
    // one temp folder checked for leftovers, one bundle of the integrity worker.
    globalSetup: ['test/support/temp-root.ts', 'test/support/build-integrity-worker.ts'],
    // Vitest's default in a run is one worker fewer than the cores: on CI's 2 cores that is one file
    // at a time, and the second core stays idle. Test files share nothing but the machine (each makes
    // its own temp folders and vaults), so at least two run side by side.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...common,
          name: 'pure',
          // Pure functions and renderer pieces: no vi.mock, no vault, no process state. They share a
          // worker's loaded modules instead of importing zod, React and the catalogs again per file
          // (isolated, the imports cost most of their run).
          include: PURE,
          isolate: false,
        },
      },
      {
        test: {
          ...common,
          name: 'node',
          include: NODE,
          exclude: ['**/node_modules/**', ...OWN_GRAPH],
          // A worker keeps its loaded modules from file to file (test/support/own-module-graph.ts says why);
          // each file still makes its own vaults and temp folders.
          isolate: false,
        },
      },
      {
        test: {
          ...common,
          name: 'node-isolated',
          include: OWN_GRAPH,
        },
      },
    ],
  },
});
