// Vitest setup: a test file's process must not end while a vault's integrity check still runs in its
// worker thread (ending a thread inside a native SQLite call aborts the process; see vault-health.ts).
import { afterAll } from 'vitest';
import { integrityChecksSettled } from '../../main/vault/vault-health';

afterAll(() => integrityChecksSettled());
