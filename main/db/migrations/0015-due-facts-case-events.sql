-- Due facts for the NO case events and the DK course's responsible person (issue 13), kept like those
-- of migration 0011: the view says what the facts are, triggers write them with every save.
--  * NO pkt 12: the case's arrival date, as a row of kind 'case' whose document_id is the case id.
--    It also carries no personal data: the due list reads the case's reference, status and release
--    through the cases_due index as before.
--  * NO pkt 9 and 10: that a case holds a visit routine or a future plan (rows of those kinds, no facts).
--  * NO pkt 10: the first finalised follow-up plan (first_final_at, already a column).
--  * NO pkt 11: the days problems with other agencies were noted and not yet reported to KDI.
--  * NO 13.4, 13.7 and pkt 9: a NO course's KDI decision, start, end, cooperation meetings and contact
--    with the municipality.
--  * DK § 13, stk. 4: the person responsible for a DK course, named on its meeting item.
DROP VIEW due_facts_source;
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
  CASE WHEN d.kind = 'follow_up_plan' THEN (SELECT json_array(x.version, x.sent_on) FROM distributions x
    WHERE x.document_id = d.id AND x.recipient = 'region' ORDER BY x.version DESC LIMIT 1) END AS region_sent,
  CASE WHEN d.kind = 'follow_up_plan' THEN (SELECT json_array(x.version, x.sent_on) FROM distributions x
    WHERE x.document_id = d.id AND x.recipient = 'kdi' ORDER BY x.version DESC LIMIT 1) END AS kdi_sent,
  -- Absent values are left out of the JSON (json_patch drops nulls).
  CASE d.kind
    WHEN 'meeting' THEN json_patch('{}', json_object(
      'type', v.content ->> '$.meetingType',
      'date', v.content ->> '$.date',
      'next', v.content ->> '$.nextMeeting.date',
      'releaseDate', v.content ->> '$.releaseDate',
      'actions', (SELECT json_group_array(json_array(a.value ->> '$.id', a.value ->> '$.deadline', a.value ->> '$.status'))
        FROM json_each(v.content, '$.actions') a
        WHERE a.value ->> '$.status' IN ('open', 'in_progress') AND a.value ->> '$.deadline' IS NOT NULL)))
    WHEN 'mentor_course' THEN CASE v.content ->> '$.variant'
      WHEN 'NO' THEN json_patch('{}', json_object(
        'variant', 'NO',
        'outcome', v.content ->> '$.kdiDecision.outcome',
        'startDate', v.content ->> '$.startDate',
        'endDate', v.content ->> '$.end.endDate',
        'cooperation', (SELECT json_group_array(m.value ->> '$.date') FROM json_each(v.content, '$.cooperationMeetings') m),
        'municipalityContactedOn', v.content ->> '$.municipalityHandover.contactedOn'))
      ELSE json_patch('{}', json_object(
        'variant', v.content ->> '$.variant',
        'startDate', v.content ->> '$.startDate',
        'endDate', v.content ->> '$.endDate',
        'meetingsHeld', v.content -> '$.meetingsHeld',
        'reports', (SELECT json_group_array(json_array(r.value ->> '$.period', r.value ->> '$.receivedOn'))
          FROM json_each(v.content, '$.mentorReports') r),
        'responsible', v.content ->> '$.responsiblePerson'))
      END
    WHEN 'follow_up_plan' THEN json_patch('{}', json_object(
      'agencyProblems', (SELECT json_group_array(p.value ->> '$.notedOn') FROM json_each(v.content, '$.agencyProblems') p
        WHERE p.value ->> '$.reportedToKdiOn' IS NULL)))
  END AS facts
FROM documents d
JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
WHERE d.deleted_at IS NULL AND d.case_id IS NOT NULL
  AND d.kind IN ('meeting', 'mentor_course', 'follow_up_plan', 'concern', 'concern_report', 'visit_routine', 'future_plan')
UNION ALL
SELECT 'case', c.id, c.id, 0, c.status, NULL, NULL, NULL, NULL, NULL,
  json_patch('{}', json_object('arrivalDate', c.data ->> '$.arrivalDate'))
FROM cases c
WHERE c.deleted_at IS NULL;

-- A case's row follows the case; document rows keep the triggers of migration 0011.
CREATE TRIGGER due_facts_case_insert AFTER INSERT ON cases BEGIN
  DELETE FROM due_facts WHERE document_id = NEW.id;
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE kind = 'case' AND document_id = NEW.id;
END;
CREATE TRIGGER due_facts_case_update AFTER UPDATE ON cases BEGIN
  DELETE FROM due_facts WHERE kind = 'case' AND document_id IN (OLD.id, NEW.id);
  INSERT INTO due_facts SELECT * FROM due_facts_source WHERE kind = 'case' AND document_id = NEW.id;
END;
CREATE TRIGGER due_facts_case_delete AFTER DELETE ON cases BEGIN
  DELETE FROM due_facts WHERE kind = 'case' AND document_id = OLD.id;
END;

-- Existing vaults: every row again from the new view, in the migration's own transaction.
DELETE FROM due_facts;
INSERT INTO due_facts SELECT * FROM due_facts_source;
