import type { Db } from '../main/db/connection';

const TIMED = new Set<PropertyKey>(['all', 'get', 'run', 'iterate']);

/**
 * Runs `work` with the time spent inside the statements it prepares on `db` added up: how much of a
 * piece of work is SQLite reading (and decrypting) rows, against what the code does with them. A
 * statement is wrapped, never changed, so a cached statement used after this call is not timed.
 * An iterator's rows are read as it is walked, so only the call that starts it is counted.
 */
export function withStatementTime<T>(db: Db, work: () => T): { value: T; statementMs: number; calls: number } {
  let statementMs = 0;
  let calls = 0;
  const own = Object.prototype.hasOwnProperty.call(db, 'prepare');
  const prepare = db.prepare;
  const timed =
    (run: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const start = performance.now();
      try {
        return run(...args);
      } finally {
        statementMs += performance.now() - start;
        calls += 1;
      }
    };
  const wrap = (statement: object) =>
    new Proxy(statement, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        const bound = (value as (...args: unknown[]) => unknown).bind(target);
        return TIMED.has(key) ? timed(bound) : bound;
      },
    });
  db.prepare = ((...args: Parameters<Db['prepare']>) => wrap(prepare.apply(db, args))) as Db['prepare'];
  try {
    const value = work();
    return { value, statementMs, calls };
  } finally {
    if (own) db.prepare = prepare;
    else Reflect.deleteProperty(db, 'prepare');
  }
}
