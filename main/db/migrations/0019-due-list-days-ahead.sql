-- The kept due list covers today and the next few days (issue 15: the first unlock of a day), and is
-- kept as one compressed value instead of a row per entry: reading it is one row, not 26 000. Each
-- entry is kept once for the run of days on which the list holds it exactly so; the list for a day is
-- the entries whose run includes it. A list kept on a Friday is read on the Monday. Kept by
-- main/services/due-list-store.ts, which also says when it is written and when it is not trusted.

-- The lists kept so far were made for one day each, a row per entry: nothing of them is kept over.
DROP TRIGGER due_list_case_insert;
DROP TRIGGER due_list_case_update;
DROP TRIGGER due_list_case_delete;
DROP TRIGGER due_list_document_insert;
DROP TRIGGER due_list_document_update;
DROP TRIGGER due_list_document_delete;
DROP TRIGGER due_list_version_insert;
DROP TRIGGER due_list_version_update;
DROP TRIGGER due_list_version_delete;
DROP TRIGGER due_list_facts_insert;
DROP TRIGGER due_list_facts_update;
DROP TRIGGER due_list_facts_delete;
DROP TRIGGER due_list_transfer_insert;
DROP TRIGGER due_list_transfer_update;
DROP TRIGGER due_list_transfer_delete;
DROP TRIGGER due_list_package_insert;
DROP TRIGGER due_list_package_update;
DROP TRIGGER due_list_package_delete;
DROP TABLE due_list_store;
DELETE FROM due_list_store_state;
DELETE FROM due_list_changed;

-- The days the kept list was worked out for (a day outside them is worked out afresh), and its entries
-- with their days: JSON, deflated (due-list-store.ts).
ALTER TABLE due_list_store_state ADD COLUMN first_day TEXT NOT NULL DEFAULT '';
ALTER TABLE due_list_store_state ADD COLUMN last_day TEXT NOT NULL DEFAULT '';
ALTER TABLE due_list_store_state ADD COLUMN entries BLOB NOT NULL DEFAULT x'';

-- Every table the due list reads marks the cases it changes, in the write's own transaction; those
-- cases' kept entries are not read but worked out afresh. A case removed for good (purge) drops the
-- whole kept list, which holds its entries, and its mark.
CREATE TRIGGER due_list_case_insert AFTER INSERT ON cases BEGIN
  INSERT OR IGNORE INTO due_list_changed VALUES (NEW.id);
END;
CREATE TRIGGER due_list_case_update AFTER UPDATE ON cases BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER due_list_case_delete AFTER DELETE ON cases BEGIN
  DELETE FROM due_list_store_state;
  DELETE FROM due_list_changed WHERE case_id = OLD.id;
END;
CREATE TRIGGER due_list_document_insert AFTER INSERT ON documents WHEN NEW.case_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_document_update AFTER UPDATE ON documents BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_document_delete AFTER DELETE ON documents WHEN OLD.case_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;
CREATE TRIGGER due_list_version_insert AFTER INSERT ON document_versions BEGIN
  INSERT OR IGNORE INTO due_list_changed
    SELECT c.id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = NEW.document_id;
END;
CREATE TRIGGER due_list_version_update AFTER UPDATE ON document_versions BEGIN
  INSERT OR IGNORE INTO due_list_changed
    SELECT c.id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id IN (OLD.document_id, NEW.document_id);
END;
CREATE TRIGGER due_list_version_delete AFTER DELETE ON document_versions BEGIN
  INSERT OR IGNORE INTO due_list_changed
    SELECT c.id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = OLD.document_id;
END;
CREATE TRIGGER due_list_facts_insert AFTER INSERT ON due_facts BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_facts_update AFTER UPDATE ON due_facts BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_facts_delete AFTER DELETE ON due_facts BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;
CREATE TRIGGER due_list_transfer_insert AFTER INSERT ON case_transfers BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_transfer_update AFTER UPDATE ON case_transfers BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_transfer_delete AFTER DELETE ON case_transfers BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;
CREATE TRIGGER due_list_package_insert AFTER INSERT ON handover_packages BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER due_list_package_update AFTER UPDATE ON handover_packages BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER due_list_package_delete AFTER DELETE ON handover_packages BEGIN
  INSERT OR IGNORE INTO due_list_changed SELECT id FROM cases WHERE id = OLD.case_id;
END;
