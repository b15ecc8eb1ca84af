-- NO pkt 7: "Dersom lokalt eller regionalt nivå mener det bør foretas slik registrering, skal det sendes
-- anmodning til KDI om dette." A finalised concern that found registration in Infoflyt needed (its NO pkt 5
-- position) raised no due item: nothing asked for the request to KDI. A concern's facts now carry when a
-- final version first found it needed (infoflytNeededAt), while its newest final version still does; a
-- case's facts carry its own Infoflyt status (infoflyt), which says whether the request went.
-- The view is migration 0026's but for these facts.
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
        WHERE a.value ->> '$.status' IN ('open', 'in_progress') AND a.value ->> '$.deadline' IS NOT NULL),
      -- NO pkt 12: the newest finalised minutes, when they are a release meeting's: [date, release date].
      'finalRelease', json((SELECT CASE WHEN x.content ->> '$.meetingType' = 'release'
          THEN json_array(x.content ->> '$.date', x.content ->> '$.releaseDate') END
        FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final' ORDER BY x.version DESC LIMIT 1))))
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
    -- NO pkt 10: the day the plan was offered ("tilbys"), as any of its versions records it.
    WHEN 'future_plan' THEN json_patch('{}', json_object('offeredOn',
      (SELECT MAX(x.content ->> '$.offeredOn') FROM document_versions x WHERE x.document_id = d.id)))
    -- NO pkt 5 and 12: the day the concern arose, as its newest final version records it. NO pkt 5 and 7:
    -- when a final version first found registration in Infoflyt needed, while the newest final still does.
    WHEN 'concern' THEN json_patch('{}', json_object('raisedOn', (SELECT x.content ->> '$.raisedOn'
      FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final' ORDER BY x.version DESC LIMIT 1),
      'infoflytNeededAt', CASE WHEN (SELECT x.content ->> '$.positions.infoflytRegistration.stance'
          FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final' ORDER BY x.version DESC LIMIT 1) = 'needed'
        THEN (SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
          AND x.content ->> '$.positions.infoflytRegistration.stance' = 'needed') END))
    -- NO pkt 6: the day by which the report had gone to police and PST, and its copy to region and KDI,
    -- by the distribution log (max() is null while one of the four has nothing).
    WHEN 'concern_report' THEN json_patch('{}', json_object('sentOn', max(
      (SELECT MIN(x.sent_on) FROM distributions x WHERE x.document_id = d.id AND x.recipient = 'politi'),
      (SELECT MIN(x.sent_on) FROM distributions x WHERE x.document_id = d.id AND x.recipient = 'pst'),
      (SELECT MIN(x.sent_on) FROM distributions x WHERE x.document_id = d.id AND x.recipient = 'region'),
      (SELECT MIN(x.sent_on) FROM distributions x WHERE x.document_id = d.id AND x.recipient = 'kdi'))))
    WHEN 'follow_up_plan' THEN json_patch('{}', json_object(
      'agencyProblems', (SELECT json_group_array(p.value ->> '$.notedOn') FROM json_each(v.content, '$.agencyProblems') p
        WHERE p.value ->> '$.reportedToKdiOn' IS NULL),
      -- NO pkt 11: when the oldest finalised version region (and KDI) has not had was finalised.
      'regionDueAt', (SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
        AND x.version > coalesce((SELECT MAX(y.version) FROM distributions y WHERE y.document_id = d.id AND y.recipient = 'region'), 0)),
      'kdiDueAt', (SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
        AND x.version > coalesce((SELECT MAX(y.version) FROM distributions y WHERE y.document_id = d.id AND y.recipient = 'kdi'), 0))))
  END AS facts
FROM documents d
JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
WHERE d.deleted_at IS NULL AND d.case_id IS NOT NULL
  AND d.kind IN ('meeting', 'mentor_course', 'follow_up_plan', 'concern', 'concern_report', 'visit_routine', 'future_plan')
UNION ALL
SELECT 'case', c.id, c.id, 0, c.status, NULL, NULL, NULL, NULL, NULL,
  json_patch('{}', json_object('arrivalDate', c.data ->> '$.arrivalDate',
    -- NO pkt 10: charged or convicted of terror-related acts, or judged particularly vulnerable, as the
    -- case records it: in the target group from arrival, or (no arrival recorded) from the case's making.
    'targetGroupSince', CASE WHEN c.data ->> '$.targetGroup.reason' IN ('terror_related', 'vulnerable')
      THEN coalesce(c.data ->> '$.arrivalDate', substr(c.created_at, 1, 10)) END,
    -- NO pkt 7: whether the request to KDI went, or the registration was made, as the case records it.
    'infoflyt', c.data ->> '$.infoflyt.status'))
FROM cases c
WHERE c.deleted_at IS NULL;

-- Existing vaults: the cases and concerns get the new facts, read once from the view, as in 0026.
CREATE TEMP TABLE changed_facts (document_id TEXT PRIMARY KEY NOT NULL, facts TEXT) STRICT, WITHOUT ROWID;
INSERT INTO changed_facts SELECT document_id, facts FROM due_facts_source WHERE kind IN ('case', 'concern');
UPDATE due_facts SET facts = (SELECT m.facts FROM changed_facts m WHERE m.document_id = due_facts.document_id)
WHERE kind IN ('case', 'concern');
DROP TABLE changed_facts;
