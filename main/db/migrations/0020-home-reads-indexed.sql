-- The home screen's first reads after unlock walked whole tables (issue 15, home screen at once).
-- The case count and first row (`cases.list`, sorted by reference as the case list shows it, without
-- regard to case) had no index in that order, so every live case row was decrypted and sorted.
CREATE INDEX cases_reference_nocase ON cases (reference COLLATE NOCASE, id) WHERE deleted_at IS NULL;
-- When the contact register last changed counts deleted entries too, which the kind index (live
-- documents only) does not hold: that read walked every document. Deleted documents are few.
CREATE INDEX documents_kind_deleted ON documents (kind) WHERE deleted_at IS NOT NULL;
