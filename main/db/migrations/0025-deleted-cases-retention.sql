-- A deleted case comes up for retention too (shared/rules/retention.ts caseClosedOn): the due list and
-- the list of deleted cases find them through this narrow index, not by reading every case row.
CREATE INDEX cases_deleted ON cases (deleted_at) WHERE deleted_at IS NOT NULL;
