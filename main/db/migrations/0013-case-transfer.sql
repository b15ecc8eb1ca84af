-- A transfer of the person to another unit or to a community sentence (NO pkt 8, pkt 12): at most one
-- per case. The details (receiving unit, contact there, dates) stay in `data` (JSON); the planned date
-- is a column for the due list.
CREATE TABLE case_transfers (
  case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  data TEXT NOT NULL,
  planned_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Handover packages made for the receiving unit: the SHA-256 of the signed file, its grading and its
-- manifest (which document versions went, what was left out and why). Each sent document also has
-- its distribution and export log rows.
CREATE TABLE handover_packages (
  id TEXT PRIMARY KEY NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  file_sha256 TEXT NOT NULL,
  grading TEXT NOT NULL,
  manifest TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX handover_packages_case ON handover_packages (case_id, created_at);

-- Handover packages received and imported, kept as received so the signature can be checked again.
CREATE TABLE handover_receipts (
  id TEXT PRIMARY KEY NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  merged INTEGER NOT NULL CHECK (merged IN (0, 1)),
  sending_unit TEXT NOT NULL,
  source TEXT NOT NULL,
  signer_subject TEXT NOT NULL,
  signer_fingerprint TEXT NOT NULL,
  signer_trusted INTEGER NOT NULL CHECK (signer_trusted IN (0, 1)),
  report TEXT NOT NULL,
  manifest TEXT NOT NULL,
  container BLOB NOT NULL,
  container_sha256 TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX handover_receipts_case ON handover_receipts (case_id);

-- Documents created from a received handover package: which package (so unit and signer) and the
-- sender's document id and version they continue.
CREATE TABLE handover_received_documents (
  document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  receipt_id TEXT NOT NULL REFERENCES handover_receipts (id) ON DELETE CASCADE,
  sender_document_id TEXT NOT NULL,
  sender_version INTEGER NOT NULL
) STRICT;
CREATE INDEX handover_received_documents_receipt ON handover_received_documents (receipt_id);
