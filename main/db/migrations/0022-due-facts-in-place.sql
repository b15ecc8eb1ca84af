-- Due facts are updated in place (issue 15 item 5: encryption's cost on small commits). The triggers of
-- 0011 and 0015 deleted a document's row and inserted it again, on every save twice (after its version
-- and after the document): the row's page and the pages of both its indexes were written, and each
-- page written is encrypted and authenticated. Now a trigger removes only a row the document no longer
-- has (it left its case, or the list), updates the row where it is only when a fact changed (one page),
-- and inserts a row the document did not have. The facts are the same: due_facts_source is unchanged, and
-- `bro vault check` still compares the table with it. Inserts and deletions keep their triggers.
-- Plain statements, not an upsert: an upsert's update overrides the OR IGNORE of the triggers it fires
-- (0019's marks of changed cases) with its own ABORT.
DROP TRIGGER due_facts_document_update;
DROP TRIGGER due_facts_version_insert;
DROP TRIGGER due_facts_version_update;
DROP TRIGGER due_facts_version_delete;
DROP TRIGGER due_facts_distribution_insert;
DROP TRIGGER due_facts_distribution_update;
DROP TRIGGER due_facts_distribution_delete;
DROP TRIGGER due_facts_case_update;

CREATE TRIGGER due_facts_document_update AFTER UPDATE ON documents BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.id, NEW.id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE document_id IN (OLD.id, NEW.id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE document_id IN (OLD.id, NEW.id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (OLD.id, NEW.id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (OLD.id, NEW.id));
END;
-- A new version changes the facts only when it is the document's current version or a final one (the
-- view reads versions through those two alone). A save inserts its version before the document moves to
-- it, as a draft: that trigger would only find the facts unchanged, at the cost of reading them.
CREATE TRIGGER due_facts_version_insert AFTER INSERT ON document_versions
WHEN NEW.status = 'final' OR NEW.version = (SELECT current_version FROM documents WHERE id = NEW.document_id) BEGIN
  DELETE FROM due_facts WHERE document_id IN (NEW.document_id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE document_id IN (NEW.document_id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE document_id IN (NEW.document_id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (NEW.document_id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (NEW.document_id));
END;
CREATE TRIGGER due_facts_version_update AFTER UPDATE ON document_versions BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.document_id, NEW.document_id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (OLD.document_id, NEW.document_id));
END;
CREATE TRIGGER due_facts_version_delete AFTER DELETE ON document_versions BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.document_id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE document_id IN (OLD.document_id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (OLD.document_id));
END;
CREATE TRIGGER due_facts_distribution_insert AFTER INSERT ON distributions BEGIN
  DELETE FROM due_facts WHERE document_id IN (NEW.document_id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE document_id IN (NEW.document_id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE document_id IN (NEW.document_id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (NEW.document_id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (NEW.document_id));
END;
CREATE TRIGGER due_facts_distribution_update AFTER UPDATE ON distributions BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.document_id, NEW.document_id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (OLD.document_id, NEW.document_id));
END;
CREATE TRIGGER due_facts_distribution_delete AFTER DELETE ON distributions BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.document_id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE document_id IN (OLD.document_id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (OLD.document_id));
END;
CREATE TRIGGER due_facts_case_update AFTER UPDATE ON cases BEGIN
  DELETE FROM due_facts WHERE kind = 'case' AND document_id IN (OLD.id, NEW.id)
    AND (kind, case_id, document_id) NOT IN (SELECT kind, case_id, document_id FROM due_facts_source WHERE kind = 'case' AND document_id IN (OLD.id, NEW.id));
  UPDATE due_facts SET version = s.version, status = s.status, first_final_at = s.first_final_at, last_final_version = s.last_final_version, last_final_at = s.last_final_at, region_sent = s.region_sent, kdi_sent = s.kdi_sent, facts = s.facts
  FROM (SELECT * FROM due_facts_source WHERE kind = 'case' AND document_id IN (OLD.id, NEW.id)) AS s
  WHERE due_facts.kind = s.kind AND due_facts.case_id = s.case_id AND due_facts.document_id = s.document_id
    AND (due_facts.version, due_facts.status, due_facts.first_final_at, due_facts.last_final_version, due_facts.last_final_at, due_facts.region_sent, due_facts.kdi_sent, due_facts.facts) IS NOT (s.version, s.status, s.first_final_at, s.last_final_version, s.last_final_at, s.region_sent, s.kdi_sent, s.facts);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE kind = 'case' AND document_id IN (OLD.id, NEW.id)
    AND document_id NOT IN (SELECT document_id FROM due_facts WHERE document_id IN (OLD.id, NEW.id));
END;
