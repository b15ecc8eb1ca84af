-- Innsyn copies (NO pkt 11: access requests under ordinary rules): a copy of one document or of the
-- whole case with exempt text removed. The copy row keeps which document versions went in, the
-- grading and the SHA-256 of the file written; the redaction log says where text was removed, on
-- which basis, by whom and when, and never holds the removed text itself. Both go with the case.
CREATE TABLE innsyn_copies (
  id TEXT PRIMARY KEY NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  documents TEXT NOT NULL,
  grading TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX innsyn_copies_case ON innsyn_copies (case_id, created_at);

CREATE TABLE redaction_log (
  copy_id TEXT NOT NULL REFERENCES innsyn_copies (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('field', 'passage', 'term')),
  document_id TEXT,
  document_version INTEGER,
  location TEXT NOT NULL,
  location_label TEXT NOT NULL,
  occurrences INTEGER NOT NULL,
  basis TEXT NOT NULL,
  citation TEXT NOT NULL,
  PRIMARY KEY (copy_id, seq)
) STRICT;
