-- The same signed content is imported once: a container re-zipped by another tool has new bytes but
-- the same signed files. Received documents and handover receipts also keep the SHA-256 of their
-- signed data files (sorted names and SHA-256s); rows imported before this migration have none and
-- are still found by their container's SHA-256.
ALTER TABLE received_documents ADD COLUMN content_sha256 TEXT;
CREATE UNIQUE INDEX received_documents_content ON received_documents (content_sha256);
ALTER TABLE handover_receipts ADD COLUMN content_sha256 TEXT;
CREATE UNIQUE INDEX handover_receipts_content ON handover_receipts (content_sha256);
