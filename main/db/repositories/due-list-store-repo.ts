import type { Db } from '../connection';

/**
 * The stored whole-vault due list (migration 0018): its entries in list order, what it was made for,
 * and the cases written to since (marked by triggers, which also drop those cases' entries).
 */

export type StoredDueRow = { caseId: string; entry: string };

const hasStore = new WeakMap<Db, boolean>();

/** False on a vault not yet at migration 0018 (a read-only inspection of an older file). */
export function dueListStoreExists(db: Db): boolean {
  let known = hasStore.get(db);
  if (known === undefined) {
    known =
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'due_list_store_state'", {
          pluck: true,
        })
        .get() === 1;
    hasStore.set(db, known);
  }
  return known;
}

/** What the stored list was made for, and the provisions its entries name by index (one read). */
export function storedListState(db: Db): { madeFor: string; citations: string } | null {
  const row = db.prepare('SELECT made_for AS madeFor, citations FROM due_list_store_state WHERE id = 1').get() as
    { madeFor: string; citations: string } | undefined;
  return row ?? null;
}

export function storedListMadeFor(db: Db): string | null {
  return storedListState(db)?.madeFor ?? null;
}

export function changedCaseIds(db: Db): string[] {
  return db.prepare('SELECT case_id FROM due_list_changed ORDER BY case_id', { pluck: true }).all() as string[];
}

/** The stored entries in list order (the changed cases' entries are already gone). */
export function storedDueEntries(db: Db): string[] {
  return db.prepare('SELECT entry FROM due_list_store ORDER BY rowid', { pluck: true }).all() as string[];
}

/** Replaces the stored list with `rows` (in list order), made for `madeFor`, in one transaction. */
export function replaceStoredDueList(
  db: Db,
  stored: { madeFor: string; citations: string; rows: readonly StoredDueRow[] },
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM due_list_store').run();
    db.prepare('DELETE FROM due_list_changed').run();
    const insert = db.prepare('INSERT INTO due_list_store (case_id, entry) VALUES (?, ?)');
    for (const row of stored.rows) insert.run([row.caseId, row.entry]);
    db.prepare(
      `INSERT INTO due_list_store_state (id, made_for, citations) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET made_for = excluded.made_for, citations = excluded.citations`,
    ).run([stored.madeFor, stored.citations]);
  })();
}
