import Database from '@signalapp/sqlcipher';
import { afterAll } from 'vitest';

/**
 * Mutation runs only (build/mutation/vitest.config.ts). Stryker's runner runs tests in worker threads,
 * and a SQLCipher database still open when a worker exits is finalised during the thread's teardown,
 * where the native binding aborts the whole process. So every database a test file opened and left
 * open is closed after that file, as the tests' own cleanup would on the main thread.
 */
const open = new Set<Database>();
const { pragma, close } = Database.prototype;

Database.prototype.pragma = function (this: Database, ...args: Parameters<Database['pragma']>) {
  open.add(this);
  return pragma.apply(this, args);
} as Database['pragma'];

Database.prototype.close = function (this: Database) {
  open.delete(this);
  return close.call(this);
};

afterAll(() => {
  for (const db of open) {
    try {
      db.close();
    } catch {
      // Already closed by its test, or mid-teardown: nothing left to release.
    }
  }
  open.clear();
});
