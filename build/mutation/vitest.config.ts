import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

/**
 * The Vitest configuration Stryker runs (stryker.config.mjs). Stryker's runner asks for worker threads
 * (whatever a project says), in which the native SQLCipher binding aborts the process when a database
 * is still open at a worker's exit: close-databases.ts closes what each test file left open.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: base.test?.include,
    environment: base.test?.environment,
    testTimeout: base.test?.testTimeout,
    hookTimeout: base.test?.hookTimeout,
    // Stryker switches mutants at run time inside one instrumented build, so a worker may keep its
    // modules between runs (isolate: false): no process start and no re-import per mutant.
    projects: [
      {
        extends: true,
        test: { name: 'mutation', pool: 'forks', isolate: false, setupFiles: ['build/mutation/close-databases.ts'] },
      },
    ],
  },
});
