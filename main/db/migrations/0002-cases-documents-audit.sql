-- Cases: one person under the service's responsibility. Personal data stays in `data` (JSON) inside the
-- encrypted file; the other columns exist for filtering and sorting the case list.
CREATE TABLE cases (
  id TEXT PRIMARY KEY NOT NULL,
  reference TEXT NOT NULL,
  data TEXT NOT NULL,
  unit TEXT NOT NULL,
  status TEXT NOT NULL,
  grading TEXT NOT NULL,
  expected_release TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  delete_reason TEXT
) STRICT;
CREATE UNIQUE INDEX cases_reference_live ON cases (reference) WHERE deleted_at IS NULL;
CREATE INDEX cases_unit_status ON cases (unit, status) WHERE deleted_at IS NULL;

-- Documents of every kind. case_id is NULL for vault-level records (mentors, contact register).
CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL,
  case_id TEXT REFERENCES cases (id),
  kind TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  grading TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  delete_reason TEXT
) STRICT;
CREATE INDEX documents_case_kind ON documents (case_id, kind) WHERE deleted_at IS NULL;
CREATE INDEX documents_kind ON documents (kind) WHERE deleted_at IS NULL;

-- Every saved version is kept; rows are never updated. documents.current_version marks the current one.
CREATE TABLE document_versions (
  document_id TEXT NOT NULL REFERENCES documents (id),
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  grading TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (document_id, version)
) STRICT;

-- Which version of a document went to whom, when, in what form (NO pkt 11: region and KDI kept informed).
CREATE TABLE distributions (
  id TEXT PRIMARY KEY NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id),
  version INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  format TEXT NOT NULL,
  file_sha256 TEXT,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (document_id, version) REFERENCES document_versions (document_id, version)
) STRICT;
CREATE INDEX distributions_document ON distributions (document_id, recipient, version);

-- Append-only, hash-chained audit log: ids and actions only, never personal data.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

-- Full-text search over cases and current document versions (Norwegian and Danish letters are word characters).
CREATE VIRTUAL TABLE search_index USING fts5 (
  object_type UNINDEXED,
  object_id UNINDEXED,
  case_id UNINDEXED,
  title,
  body,
  tokenize = "unicode61 remove_diacritics 0"
);
