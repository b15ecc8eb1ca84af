-- The case list sorted references by SQLite's NOCASE, which orders by code point and folds ASCII only:
-- Å came before Æ and Ø, and a lower-case æ, ø or å after every capital. Lists now sort in Norwegian and
-- Danish order (shared/domain/nordic-order.ts): the index is on that key, written exactly as
-- nordicOrderSql('reference') writes it, so the case list's query (cases-repo.ts) is answered from it in
-- order, as the NOCASE index answered it before.
DROP INDEX cases_reference_nocase;
CREATE INDEX cases_reference_order ON cases (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(upper(reference), 'A' || char(778), char(197)), 'A' || char(776), char(198)), 'O' || char(776), char(216)), 'U' || char(776), 'Y'), 'E' || char(769), 'E'), 'E' || char(768), 'E'), char(230), char(198)), char(228), char(198)), char(196), char(198)), char(248), char(216)), char(246), char(216)), char(214), char(216)), char(229), char(197)), char(233), 'E'), char(201), 'E'), char(232), 'E'), char(200), 'E'), char(252), 'Y'), char(220), 'Y'), char(198), char(127) || '1'), char(216), char(127) || '2'), char(197), char(127) || '3'), reference, id) WHERE deleted_at IS NULL;
