-- The whole-vault due list as last worked out, kept in the vault (issue 15: the first due list after an
-- unlock). Working the list out reads every due fact of every case; a later unlock on the same day reads
-- these rows instead, and works out again only the cases written to since. Kept by
-- main/services/due-list-store.ts, which also says when it is written and when it is not trusted.

-- Each entry of the list, in the list's order (rowid), as a compact JSON array (due-list-store.ts).
CREATE TABLE due_list_store (
  case_id TEXT NOT NULL,
  entry TEXT NOT NULL
) STRICT;
CREATE INDEX due_list_store_case ON due_list_store (case_id);

-- What the stored list was worked out for: its format, the profile, the day, the time zone and the
-- settings that shape it. A list for another day or other settings is not read.
-- The entries name their provision by its place in `citations` (a JSON array), kept once here.
CREATE TABLE due_list_store_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  made_for TEXT NOT NULL,
  citations TEXT NOT NULL
) STRICT;

-- Cases written to since the list was stored: their entries are gone from the store (the triggers below
-- delete them in the same transaction as the write) and are worked out afresh when the list is read.
CREATE TABLE due_list_changed (case_id TEXT PRIMARY KEY NOT NULL) STRICT, WITHOUT ROWID;

-- Every table the due list reads marks the cases it changes. A case removed for good (purge) leaves
-- nothing here: its entries and its mark go with it.
CREATE TRIGGER due_list_case_insert AFTER INSERT ON cases BEGIN
  DELETE FROM due_list_store WHERE case_id = NEW.id;
  INSERT OR IGNORE INTO due_list_changed VALUES (NEW.id);
END;
CREATE TRIGGER due_list_case_update AFTER UPDATE ON cases BEGIN
  DELETE FROM due_list_store WHERE case_id IN (OLD.id, NEW.id);
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER due_list_case_delete AFTER DELETE ON cases BEGIN
  DELETE FROM due_list_store WHERE case_id = OLD.id;
  DELETE FROM due_list_changed WHERE case_id = OLD.id;
END;

CREATE TRIGGER due_list_document_insert AFTER INSERT ON documents WHEN NEW.case_id IS NOT NULL BEGIN
  DELETE FROM due_list_store WHERE case_id = NEW.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_document_update AFTER UPDATE ON documents BEGIN
  DELETE FROM due_list_store WHERE case_id IN (OLD.case_id, NEW.case_id);
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_document_delete AFTER DELETE ON documents WHEN OLD.case_id IS NOT NULL BEGIN
  DELETE FROM due_list_store WHERE case_id = OLD.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;

-- A version's content is read for some facts (a NO mentor course's cooperation meetings) directly.
CREATE TRIGGER due_list_version_insert AFTER INSERT ON document_versions BEGIN
  DELETE FROM due_list_store WHERE case_id = (SELECT case_id FROM documents WHERE id = NEW.document_id);
  INSERT OR IGNORE INTO due_list_changed
    SELECT c.id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = NEW.document_id;
END;
CREATE TRIGGER due_list_version_update AFTER UPDATE ON document_versions BEGIN
  DELETE FROM due_list_store
    WHERE case_id IN (SELECT case_id FROM documents WHERE id IN (OLD.document_id, NEW.document_id));
  INSERT OR IGNORE INTO due_list_changed
    SELECT c.id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id IN (OLD.document_id, NEW.document_id);
END;
CREATE TRIGGER due_list_version_delete AFTER DELETE ON document_versions BEGIN
  DELETE FROM due_list_store WHERE case_id = (SELECT case_id FROM documents WHERE id = OLD.document_id);
  INSERT OR IGNORE INTO due_list_changed
    SELECT c.id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = OLD.document_id;
END;

-- Due facts follow documents, versions and distributions (migration 0011).
CREATE TRIGGER due_list_facts_insert AFTER INSERT ON due_facts BEGIN
  DELETE FROM due_list_store WHERE case_id = NEW.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_facts_update AFTER UPDATE ON due_facts BEGIN
  DELETE FROM due_list_store WHERE case_id IN (OLD.case_id, NEW.case_id);
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_facts_delete AFTER DELETE ON due_facts BEGIN
  DELETE FROM due_list_store WHERE case_id = OLD.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;

CREATE TRIGGER due_list_transfer_insert AFTER INSERT ON case_transfers BEGIN
  DELETE FROM due_list_store WHERE case_id = NEW.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_transfer_update AFTER UPDATE ON case_transfers BEGIN
  DELETE FROM due_list_store WHERE case_id IN (OLD.case_id, NEW.case_id);
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_transfer_delete AFTER DELETE ON case_transfers BEGIN
  DELETE FROM due_list_store WHERE case_id = OLD.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;

CREATE TRIGGER due_list_package_insert AFTER INSERT ON handover_packages BEGIN
  DELETE FROM due_list_store WHERE case_id = NEW.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_package_update AFTER UPDATE ON handover_packages BEGIN
  DELETE FROM due_list_store WHERE case_id IN (OLD.case_id, NEW.case_id);
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_package_delete AFTER DELETE ON handover_packages BEGIN
  DELETE FROM due_list_store WHERE case_id = OLD.case_id;
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;

-- The retention periods shape every closed case's entry: a change drops the whole stored list.
CREATE TRIGGER due_list_retention_insert AFTER INSERT ON retention_periods BEGIN
  DELETE FROM due_list_store_state;
END;
CREATE TRIGGER due_list_retention_update AFTER UPDATE ON retention_periods BEGIN
  DELETE FROM due_list_store_state;
END;
CREATE TRIGGER due_list_retention_delete AFTER DELETE ON retention_periods BEGIN
  DELETE FROM due_list_store_state;
END;

-- One case's due facts by index: the kept list works out each case written to since on its own, and a
-- read of one case would otherwise walk every row of due_facts.
CREATE INDEX due_facts_case ON due_facts (case_id, kind);
