-- FTS5 cannot index object_id, so replacing an object's entry scanned the whole index on every save.
-- search_keys maps each object to its one index row, so re-indexing deletes by rowid.
CREATE TABLE search_keys (
  object_id TEXT PRIMARY KEY NOT NULL,
  entry_rowid INTEGER NOT NULL
) STRICT;
INSERT INTO search_keys (object_id, entry_rowid) SELECT object_id, max(rowid) FROM search_index GROUP BY object_id;
DELETE FROM search_index WHERE rowid NOT IN (SELECT entry_rowid FROM search_keys);
