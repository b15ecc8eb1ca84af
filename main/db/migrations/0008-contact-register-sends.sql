-- NO pkt 2: the regional coordinator sends the contact register to KDI on every change. Each
-- sending is recorded with a digest of the register as it was, so a later change shows.
CREATE TABLE contact_register_sends (
  id TEXT PRIMARY KEY NOT NULL,
  sent_on TEXT NOT NULL,
  format TEXT NOT NULL,
  register_digest TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
