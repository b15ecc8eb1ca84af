import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Test files that replace a module with vi.mock (fault injection around the real writer or exporter).
 * In a worker that keeps its modules (isolate: false) the real module may already be loaded by an
 * earlier file, and the mock would not take: these files run isolated, everything else does not.
 */
function filesMockingModules(): string[] {
  const found: string[] = [];
  for (const top of ['main', 'test/integration', 'shared', 'build']) {
    for (const name of readdirSync(join(ROOT, top), { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.test.ts')) continue;
      const path = `${top}/${name.split('\\').join('/')}`;
      if (readFileSync(join(ROOT, path), 'utf8').includes('vi.mock(')) found.push(path);
    }
  }
  return found;
}
const MOCKING = filesMockingModules();

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
      { test: { ...shared, name: 'mutation', include: base.test?.include, exclude: MOCKING, isolate: false } },
      { test: { ...shared, name: 'mutation-isolated', include: MOCKING } },
    ],
  },
});
