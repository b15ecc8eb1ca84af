-- Issue 10: the organisation's trust store. CA certificates and CRLs brought in on removable media,
-- kept as their exact DER and identified by its SHA-256. Subjects and issuers are CA names, not people.
CREATE TABLE trust_store (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 64),
  kind TEXT NOT NULL CHECK (kind IN ('certificate', 'crl')),
  der BLOB NOT NULL,
  name TEXT NOT NULL,
  valid_until TEXT,
  added_at TEXT NOT NULL
) STRICT;
