-- The home screen's due list shows each row's unit and filters by it (issue 15 item 2, issue 12): it
-- reads every live case's id and unit once after unlock. The index on (unit, status) lacked the id, so
-- that read walked the case rows themselves, decrypting every person's record for two short columns
-- (the slowest read of the first due list on a 10 000-case vault). With the id the index answers it.
DROP INDEX cases_unit_status;
CREATE INDEX cases_unit_status ON cases (unit, status, id) WHERE deleted_at IS NULL;
