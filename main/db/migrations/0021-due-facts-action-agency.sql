-- The owning agency of each open meeting action joins its facts, as a fourth value after id, deadline
-- and status (null when the minutes name none). The home screen's "mine" leaves out the actions
-- another agency owns (NO pkt 12: the minutes' actions with their owner); it read every meeting's
-- content for that, 0.26-0.39 s at the first "mine" after an unlock of a 10 000-case vault.
-- The view is migration 0015's but for that value; the triggers of 0011 and 0015 write through it.
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
      'actions', (SELECT json_group_array(json_array(a.value ->> '$.id', a.value ->> '$.deadline', a.value ->> '$.status',
        a.value ->> '$.ownerAgency'))
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

-- Existing vaults: the meetings with an open action get the new value, in the migration's own
-- transaction (the other rows are unchanged, so left as they are). The view is read once into a keyed
-- table in memory (temp_store = MEMORY): a filter on the view by the updated row's column is not pushed
-- into it, so each row would work out every meeting's facts again.
CREATE TEMP TABLE meeting_facts (document_id TEXT PRIMARY KEY NOT NULL, facts TEXT) STRICT, WITHOUT ROWID;
INSERT INTO meeting_facts SELECT document_id, facts FROM due_facts_source WHERE kind = 'meeting';
UPDATE due_facts SET facts = (SELECT m.facts FROM meeting_facts m WHERE m.document_id = due_facts.document_id)
WHERE kind = 'meeting' AND json_array_length(facts, '$.actions') > 0;
DROP TABLE meeting_facts;
