import type { Db } from '../db/connection';
import { changeMark } from '../db/repositories/due-facts-repo';

/**
 * The last due lists worked out on an open vault, kept until anything is written to it: the home
 * screen, the case view and the mentor timeline ask again and again while nothing changes. Keyed by
 * the options that shape the list; any write on this connection or commit by another one clears it.
 */

interface Cached<T> {
  mark: string;
  lists: Map<string, T[]>;
}

const caches = new WeakMap<Db, Cached<unknown>>();
/** A few keys per vault (the whole list, a handful of cases): never a growing store. */
const MAX_LISTS = 16;

export function cachedList<T>(db: Db, key: string, compute: () => T[]): T[] {
  const mark = changeMark(db);
  let cache = caches.get(db) as Cached<T> | undefined;
  if (!cache || cache.mark !== mark) {
    cache = { mark, lists: new Map() };
    caches.set(db, cache);
  }
  let list = cache.lists.get(key);
  if (!list) {
    list = compute();
    if (cache.lists.size >= MAX_LISTS) cache.lists.clear();
    cache.lists.set(key, list);
  }
  // A copy of the array (the entries are never changed by callers), so no caller can reorder the cache.
  return [...list];
}

/** The list cached under `key` while nothing has been written since, without working it out. */
export function knownList<T>(db: Db, key: string): T[] | undefined {
  const cache = caches.get(db) as Cached<T> | undefined;
  const list = cache?.mark === changeMark(db) ? cache.lists.get(key) : undefined;
  return list && [...list];
}
