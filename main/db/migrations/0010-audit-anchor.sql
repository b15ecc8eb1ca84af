-- The audit chain becomes keyed (HMAC-SHA-256 under a key derived from the data key) and anchored:
-- its head (sequence number and MAC) is kept here, in the key file and in every backup.
-- SQL cannot compute the keyed MAC, so existing entries stay as they are: their SHA-256 chain is
-- recorded as the legacy part (its length and head hash), and the first keyed entry links to that
-- head. Changing any legacy entry afterwards breaks the link the keyed part carries.
INSERT OR IGNORE INTO meta (key, value)
  SELECT 'audit_legacy_seq', CAST(coalesce(max(seq), 0) AS TEXT) FROM audit_log;
INSERT OR IGNORE INTO meta (key, value)
  SELECT 'audit_head', seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1;

-- The banner's highest grading covers received (imported) documents too: one index seek per level.
CREATE INDEX received_documents_grading ON received_documents (grading);
