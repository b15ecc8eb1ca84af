-- A vault's own edited copies of the templates (units adapt them). Each save adds a version; rows are
-- never updated, so a document that recorded (template id, version) always prints the same headings.
CREATE TABLE vault_templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  based_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  locale TEXT NOT NULL,
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
