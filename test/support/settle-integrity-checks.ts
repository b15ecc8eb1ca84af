// Vitest setup: a test file's process must not end while a vault's integrity check still runs in its
// worker thread (ending a thread inside a native SQLite call aborts the process; see vault-health.ts).
// Folders a running check kept from being removed are removed then too.
import { afterAll } from 'vitest';
import { removeDeferredTrees } from './temp-dir';

afterAll(() => removeDeferredTrees());
