-- Mentor conversation records (NO 13.5): readable only by the mentor scheme. Each record is encrypted
-- again, inside the encrypted database, with the compartment key that only the mentor scheme's
-- passphrase unwraps; a coordinator's session sees ciphertext. Case views and exports never join this table.
CREATE TABLE mentor_conversations (
  id TEXT PRIMARY KEY NOT NULL,
  course_id TEXT NOT NULL,
  iv BLOB NOT NULL,
  ciphertext BLOB NOT NULL,
  tag BLOB NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  delete_reason TEXT
) STRICT;
CREATE INDEX mentor_conversations_course ON mentor_conversations (course_id) WHERE deleted_at IS NULL;
