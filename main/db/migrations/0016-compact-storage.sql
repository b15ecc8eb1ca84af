-- Contentless search index (issue 15 item 4). The full-text index kept a second copy of every entry's
-- text (search_index_content), though a document's text is its version's, already stored. Now FTS5
-- keeps only its word lists and sizes (bm25 and the hits are the same) and the unindexed columns: the
-- object, its case, the title to show (label), the document version the words came from (version),
-- and the text of entries that are not documents (text). Snippets and deletions read a document's
-- words back from that version (main/db/repositories/search-repo.ts); a row is removed with FTS5's
-- 'delete' command and its words, which keeps the row count and sizes bm25 uses exact.
-- The old table is renamed out of the way first: FTS5's rename leaves a contentless table's stored
-- columns (its _content table) under the old name, so the new table is made under its final name.
ALTER TABLE search_index RENAME TO search_index_previous;
CREATE VIRTUAL TABLE search_index USING fts5 (
  object_type UNINDEXED,
  object_id UNINDEXED,
  case_id UNINDEXED,
  title,
  body,
  label UNINDEXED,
  text UNINDEXED,
  version UNINDEXED,
  content = '',
  contentless_unindexed = 1,
  tokenize = "unicode61 remove_diacritics 0"
);
-- Same rowids (search_keys stays valid). A document's words are indexed from its current version's
-- string values in stored (canonical) order, the text they are read back from: the same words as
-- before, so the same hits and ranking. An entry whose document is gone keeps its text.
CREATE TEMP TABLE search_index_moved AS
SELECT s.rowid AS id, s.object_type, s.object_id, s.case_id, s.title, s.body, d.current_version AS version,
  (SELECT group_concat(t.value, char(10) ORDER BY t.id) FROM document_versions v, json_tree(v.content) t
    WHERE v.document_id = d.id AND v.version = d.current_version AND t.type = 'text' AND trim(t.value) <> '') AS derived
FROM search_index_previous s
LEFT JOIN documents d ON s.object_type = 'document' AND d.id = s.object_id;
INSERT INTO search_index (rowid, object_type, object_id, case_id, title, body, label, text, version)
SELECT id, object_type, object_id, case_id, title,
  CASE WHEN version IS NULL THEN body ELSE coalesce(derived, '') END,
  title,
  CASE WHEN version IS NULL THEN body END,
  version
FROM search_index_moved ORDER BY id;
DROP TABLE search_index_moved;
DROP TABLE search_index_previous;
INSERT INTO search_index (search_index) VALUES ('optimize');
