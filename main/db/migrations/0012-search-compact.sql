-- Search index compaction (issue 15). search_keys kept each object id twice, in its rows and in the
-- index of its primary key; as a WITHOUT ROWID table the key is the row, one copy.
CREATE TABLE search_keys_compact (
  object_id TEXT PRIMARY KEY NOT NULL,
  entry_rowid INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO search_keys_compact (object_id, entry_rowid) SELECT object_id, entry_rowid FROM search_keys;
DROP TABLE search_keys;
ALTER TABLE search_keys_compact RENAME TO search_keys;
-- Every save re-indexes its document: FTS5 adds a segment and keeps the replaced entry as a delete
-- marker until segments merge. Merging them all now drops the markers; results and ranking are the same.
INSERT INTO search_index (search_index) VALUES ('optimize');
