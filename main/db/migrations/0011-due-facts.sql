-- Due facts (issue 15 item 2): what the due rules need of each live document, kept in step with the
-- document by triggers, so every save writes them in its own transaction whatever the code path, and the
-- due list reads one narrow table instead of parsing every document. due_facts_source says what the facts
-- are; `bro`'s check compares the table with it (main/db/repositories/due-facts-repo.ts).
CREATE VIEW due_facts_source AS
SELECT
  d.kind AS kind,
  d.case_id AS case_id,
  d.id AS document_id,
  d.current_version AS version,
  v.status AS status,
  (SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final') AS first_final_at,
  (SELECT MAX(x.version) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final') AS last_final_version,
  (SELECT x.created_at FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
    ORDER BY x.version DESC LIMIT 1) AS last_final_at,
  -- A follow-up plan's newest copy to region and to KDI, as [version, sentOn] (NO pkt 11).
  CASE WHEN d.kind = 'follow_up_plan' THEN (SELECT json_array(x.version, x.sent_on) FROM distributions x
    WHERE x.document_id = d.id AND x.recipient = 'region' ORDER BY x.version DESC LIMIT 1) END AS region_sent,
  CASE WHEN d.kind = 'follow_up_plan' THEN (SELECT json_array(x.version, x.sent_on) FROM distributions x
    WHERE x.document_id = d.id AND x.recipient = 'kdi' ORDER BY x.version DESC LIMIT 1) END AS kdi_sent,
  -- Absent values are left out of the JSON (json_patch drops nulls): most meetings have few facts.
  CASE d.kind
    WHEN 'meeting' THEN json_patch('{}', json_object(
      'type', v.content ->> '$.meetingType',
      'date', v.content ->> '$.date',
      'next', v.content ->> '$.nextMeeting.date',
      'releaseDate', v.content ->> '$.releaseDate',
      'actions', (SELECT json_group_array(json_array(a.value ->> '$.id', a.value ->> '$.deadline', a.value ->> '$.status'))
        FROM json_each(v.content, '$.actions') a
        WHERE a.value ->> '$.status' IN ('open', 'in_progress') AND a.value ->> '$.deadline' IS NOT NULL)))
    WHEN 'mentor_course' THEN json_patch('{}', json_object(
      'variant', v.content ->> '$.variant',
      'startDate', v.content ->> '$.startDate',
      'endDate', v.content ->> '$.endDate',
      'meetingsHeld', v.content -> '$.meetingsHeld',
      'reports', (SELECT json_group_array(json_array(r.value ->> '$.period', r.value ->> '$.receivedOn'))
        FROM json_each(v.content, '$.mentorReports') r)))
  END AS facts
FROM documents d
JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
WHERE d.deleted_at IS NULL AND d.case_id IS NOT NULL
  AND d.kind IN ('meeting', 'mentor_course', 'follow_up_plan', 'concern', 'concern_report');

CREATE TABLE due_facts (
  kind TEXT NOT NULL,
  case_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  -- The current version the facts were read from, and its status.
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  -- The first and the newest finalised version (a concern counts from its first, a plan's copies are
  -- owed for its newest, a concern report answers from its newest).
  first_final_at TEXT,
  last_final_version INTEGER,
  last_final_at TEXT,
  region_sent TEXT,
  kdi_sent TEXT,
  -- JSON of the current version's dated content: a meeting's type, dates and open actions, a course's
  -- start, end, meetings and reports. NULL for the other kinds.
  facts TEXT,
  -- Kept in kind order, so the due list reads each kind as one run of pages.
  PRIMARY KEY (kind, case_id, document_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX due_facts_document ON due_facts (document_id);

-- The due list reads every live case's reference and retention dates: a narrow index keeps it from
-- reading whole case rows (their personal data) for that.
CREATE INDEX cases_due ON cases (id, reference, status, expected_release, updated_at) WHERE deleted_at IS NULL;

CREATE TRIGGER due_facts_document_insert AFTER INSERT ON documents BEGIN
  DELETE FROM due_facts WHERE document_id = NEW.id;
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id = NEW.id;
END;
CREATE TRIGGER due_facts_document_update AFTER UPDATE ON documents BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.id, NEW.id);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id = NEW.id;
END;
CREATE TRIGGER due_facts_document_delete AFTER DELETE ON documents BEGIN
  DELETE FROM due_facts WHERE document_id = OLD.id;
END;
CREATE TRIGGER due_facts_version_insert AFTER INSERT ON document_versions BEGIN
  DELETE FROM due_facts WHERE document_id = NEW.document_id;
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id = NEW.document_id;
END;
CREATE TRIGGER due_facts_version_update AFTER UPDATE ON document_versions BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.document_id, NEW.document_id);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id);
END;
CREATE TRIGGER due_facts_version_delete AFTER DELETE ON document_versions BEGIN
  DELETE FROM due_facts WHERE document_id = OLD.document_id;
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id = OLD.document_id;
END;
CREATE TRIGGER due_facts_distribution_insert AFTER INSERT ON distributions BEGIN
  DELETE FROM due_facts WHERE document_id = NEW.document_id;
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id = NEW.document_id;
END;
CREATE TRIGGER due_facts_distribution_update AFTER UPDATE ON distributions BEGIN
  DELETE FROM due_facts WHERE document_id IN (OLD.document_id, NEW.document_id);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (OLD.document_id, NEW.document_id);
END;
CREATE TRIGGER due_facts_distribution_delete AFTER DELETE ON distributions BEGIN
  DELETE FROM due_facts WHERE document_id = OLD.document_id;
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id = OLD.document_id;
END;

-- Existing vaults: the facts of every live document, in the migration's own transaction.
INSERT INTO due_facts SELECT * FROM due_facts_source;

-- Retention periods the organisation has set (issue 14 part 3), per kind of record; a kind without a
-- row keeps the profile's default (shared/rules/retention.ts). `basis` is the organisation's stated
-- basis for its period (e.g. its archive plan), shown with the period.
CREATE TABLE retention_periods (
  kind TEXT PRIMARY KEY NOT NULL CHECK (kind IN ('case', 'mentor_course')),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
  basis TEXT NOT NULL CHECK (length(basis) <= 300),
  updated_at TEXT NOT NULL
) STRICT;
