// The due-list bench says how much of a fresh list is SQLite reading rows: the statements a piece of
// work prepares are timed while it runs, and only then.
import { describe, expect, it } from 'vitest';
import { withStatementTime } from '../../bench/statement-time';
import { openInMemory } from '../../main/db/connection';

/** A statement that keeps SQLite busy for a while: a recursive count to `n`. */
const COUNT = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT count(*) FROM n';

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('time spent in statements', () => {
  it('counts the time inside the statements the work runs, not the work around them', () => {
    const db = openInMemory();
    const around = { start: 0, end: 0 };
    const whole = performance.now();
    const { value, statementMs, calls } = withStatementTime(db, () => {
      busyFor(200);
      around.start = performance.now();
      const counted = db.prepare(COUNT, { pluck: true }).get([500_000]);
      around.end = performance.now();
      db.prepare('CREATE TABLE t (x)').run();
      db.prepare('INSERT INTO t VALUES (?)').run([1]);
      return { counted, rows: db.prepare('SELECT x FROM t').all() };
    });
    const wholeMs = performance.now() - whole;
    expect(value).toEqual({ counted: 500_000, rows: [{ x: 1 }] });
    expect(calls).toBe(4);
    // The slow statement's own time is in, the busy work around it is not.
    const countMs = around.end - around.start;
    expect(statementMs).toBeGreaterThan(0.9 * countMs);
    expect(statementMs).toBeLessThan(wholeMs - 190);
    db.close();
  });

  it('leaves the connection as it was, after the work and after a failure', () => {
    const db = openInMemory();
    const prepare = db.prepare;
    withStatementTime(db, () => db.prepare('SELECT 1').get());
    expect(Object.prototype.hasOwnProperty.call(db, 'prepare')).toBe(false);
    expect(db.prepare).toBe(prepare);
    expect(() =>
      withStatementTime(db, () => {
        db.prepare('SELECT 1').get();
        throw new Error('fiktiv feil');
      }),
    ).toThrow('fiktiv feil');
    expect(db.prepare).toBe(prepare);
    // A statement cached while timed is not timed afterwards: only the second call is counted.
    const timedOnce = withStatementTime(db, () => db.prepare('SELECT 2', { pluck: true }).get());
    const again = withStatementTime(db, () => db.prepare('SELECT 2', { pluck: true }).get());
    expect([timedOnce.calls, again.calls, again.value]).toEqual([1, 1, 2]);
    db.close();
  });
});
