-- Vault metadata: key/value facts about the vault itself (profile, unit name, creation time).
CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;
