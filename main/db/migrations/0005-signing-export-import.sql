-- The unit's signing identity: at most one row. The blob holds the private key; it lives only here,
-- inside the encrypted database, and is never written to any other file.
CREATE TABLE signing_identity (
  slot TEXT PRIMARY KEY NOT NULL CHECK (slot = 'unit'),
  identity BLOB NOT NULL,
  fingerprint TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('generated', 'pkcs12')),
  created_at TEXT NOT NULL
) STRICT;

-- Signers this vault trusts when it verifies received files: a certificate (the signer's own or a CA's)
-- or only its SHA-256 fingerprint, checked with the sender out of band. The label says whose it is.
CREATE TABLE trusted_signers (
  fingerprint TEXT PRIMARY KEY NOT NULL,
  label TEXT NOT NULL,
  certificate BLOB,
  added_at TEXT NOT NULL
) STRICT;

-- Every print and export of a document version, with the SHA-256 of the file handed out. A draft print
-- is logged here but is never a distribution; a sent final version also has its distribution row.
CREATE TABLE export_log (
  id TEXT PRIMARY KEY NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id),
  version INTEGER NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('print', 'pdf', 'asice')),
  recipient TEXT,
  grading TEXT NOT NULL,
  draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
  file_sha256 TEXT NOT NULL,
  distribution_id TEXT REFERENCES distributions (id),
  exported_at TEXT NOT NULL,
  FOREIGN KEY (document_id, version) REFERENCES document_versions (document_id, version)
) STRICT;
CREATE INDEX export_log_document ON export_log (document_id, exported_at);

-- Documents received in signed containers, imported only after verification and schema validation.
-- The container is kept as received, so the signature can be checked again at any time.
CREATE TABLE received_documents (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  content TEXT NOT NULL,
  grading TEXT NOT NULL,
  case_reference TEXT NOT NULL,
  document_version INTEGER NOT NULL,
  recipient TEXT,
  exported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  signer_subject TEXT NOT NULL,
  signer_fingerprint TEXT NOT NULL,
  signer_trusted INTEGER NOT NULL CHECK (signer_trusted IN (0, 1)),
  signing_time TEXT,
  report TEXT NOT NULL,
  container BLOB NOT NULL,
  container_sha256 TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL
) STRICT;
