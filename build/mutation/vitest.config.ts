import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { filesNeedingOwnModuleGraph } from '../../test/support/own-module-graph';
import base from '../../vitest.config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Test files that replace a module or change process-wide state (test/support/own-module-graph.ts): in a
 * worker that keeps its modules (isolate: false) such a mock would not take, or the change would reach
 * later files. These run isolated, everything else does not.
 */
const OWN_GRAPH = filesNeedingOwnModuleGraph(ROOT, ['main', 'test/integration', 'shared', 'build']);

/**
 * The Vitest configuration Stryker runs (stryker.config.mjs). Stryker's runner asks for worker threads
 * (whatever a project says), in which the native SQLCipher binding aborts the process when a database
 * is still open at a worker's exit: close-databases.ts closes what each test file left open.
 */
// Projects do not extend the root here: extending would add the root's include to each project's own.
const shared = {
  root: ROOT,
  environment: base.test?.environment,
  testTimeout: base.test?.testTimeout,
  hookTimeout: base.test?.hookTimeout,
  pool: 'forks' as const,
  setupFiles: ['build/mutation/close-databases.ts'],
};

export default defineConfig({
  root: ROOT,
  test: {
    include: base.test?.include,
    environment: base.test?.environment,
    testTimeout: base.test?.testTimeout,
    hookTimeout: base.test?.hookTimeout,
    projects: [
      // Stryker switches mutants at run time inside one instrumented build, so a worker may keep its
      // modules between runs (isolate: false): no process start and no re-import per mutant.
      { test: { ...shared, name: 'mutation', include: base.test?.include, exclude: OWN_GRAPH, isolate: false } },
      { test: { ...shared, name: 'mutation-isolated', include: OWN_GRAPH } },
    ],
  },
});
