// The integrity worker's entry script loaded outside a worker thread (a bundler or a test importing
// it): with no parent port it runs no job and throws nothing.
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

describe('the integrity worker script', () => {
  // Only where the test itself runs on a main thread (npm test's process pool; not Stryker's threads).
  it.runIf(isMainThread)('does nothing when loaded on the main thread', async () => {
    await expect(import('./integrity-worker')).resolves.toBeDefined();
  });
});
