// The integrity worker's entry script loaded outside a worker thread (a bundler or a test importing
// it): with no parent port it runs no job and throws nothing.
import { describe, expect, it } from 'vitest';

describe('the integrity worker script', () => {
  it('does nothing when loaded on the main thread', async () => {
    await expect(import('./integrity-worker')).resolves.toBeDefined();
  });
});
