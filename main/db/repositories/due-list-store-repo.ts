import type { Db } from '../connection';

/**
 * The kept whole-vault due list (migrations 0018 and 0019): what it was made for, the days it covers,
 * its entries as one deflated value, and the cases written to since (marked by triggers in the write's
 * own transaction).
 */

export type StoredListState = { madeFor: string; citations: string; firstDay: string; lastDay: string };
export type StoredList = StoredListState & { entries: Uint8Array<ArrayBuffer> };

const hasStore = new WeakMap<Db, boolean>();

/** False on a vault not yet at migration 0019 (a read-only inspection of an older file). */
export function dueListStoreExists(db: Db): boolean {
  let known = hasStore.get(db);
  if (known === undefined) {
    known =
      db
        .prepare("SELECT count(*) FROM pragma_table_info('due_list_store_state') WHERE name = 'entries'", {
          pluck: true,
        })
        .get() === 1;
    hasStore.set(db, known);
  }
  return known;
}

/** What the kept list was made for, the days it covers and the provisions its entries name by index. */
export function storedListState(db: Db): StoredListState | null {
  const row = db
    .prepare(
      `SELECT made_for AS madeFor, citations, first_day AS firstDay, last_day AS lastDay
       FROM due_list_store_state WHERE id = 1`,
    )
    .get() as StoredListState | undefined;
  return row ?? null;
}

/** The kept list with its entries. */
export function storedList(db: Db): StoredList | null {
  const row = db
    .prepare(
      `SELECT made_for AS madeFor, citations, first_day AS firstDay, last_day AS lastDay, entries
       FROM due_list_store_state WHERE id = 1`,
    )
    .get() as StoredList | undefined;
  return row ?? null;
}

export function storedListMadeFor(db: Db): string | null {
  return storedListState(db)?.madeFor ?? null;
}

export function changedCaseIds(db: Db): string[] {
  return db.prepare('SELECT case_id FROM due_list_changed ORDER BY case_id', { pluck: true }).all() as string[];
}

/**
 * Keeps `list` in place of the kept one, in one transaction. Without `onlyCases` no case is marked
 * changed after; with it, only those cases' marks are taken off (the list holds them afresh).
 */
export function replaceStoredDueList(db: Db, list: StoredList, onlyCases?: readonly string[]): void {
  db.transaction(() => {
    if (onlyCases) {
      const unmark = db.prepare('DELETE FROM due_list_changed WHERE case_id = ?');
      for (const caseId of onlyCases) unmark.run([caseId]);
    } else {
      db.prepare('DELETE FROM due_list_changed').run();
    }
    db.prepare(
      `INSERT INTO due_list_store_state (id, made_for, citations, first_day, last_day, entries)
       VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET made_for = excluded.made_for, citations = excluded.citations,
         first_day = excluded.first_day, last_day = excluded.last_day, entries = excluded.entries`,
    ).run([list.madeFor, list.citations, list.firstDay, list.lastDay, list.entries]);
  })();
}

/** Removes the kept list and the marks of cases changed since: the next list is worked out afresh. */
export function dropStoredDueList(db: Db): void {
  db.transaction(() => {
    db.prepare('DELETE FROM due_list_changed').run();
    db.prepare('DELETE FROM due_list_store_state WHERE id = 1').run();
  })();
}
