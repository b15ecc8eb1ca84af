-- The case list sorted references by SQLite's NOCASE, which orders by code point and folds ASCII only:
-- Å came before Æ and Ø, and a lower-case æ, ø or å after every capital. Lists now sort in Norwegian and
-- Danish order (shared/domain/nordic-order.ts): the index is on that key, written exactly as
-- nordicOrderSql('reference') writes it, so the case list's query (cases-repo.ts) is answered from it in
-- order, as the NOCASE index answered it before.
DROP INDEX cases_reference_nocase;
CREATE INDEX cases_reference_order ON cases (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(upper(reference), char(65, 778), char(197)), char(65, 776), char(198)), char(79, 776), char(216)), char(85, 776), char(89)), char(69, 769), char(69)), char(69, 768), char(69)), char(230), char(198)), char(228), char(198)), char(196), char(198)), char(248), char(216)), char(246), char(216)), char(214), char(216)), char(229), char(197)), char(233), char(69)), char(201), char(69)), char(232), char(69)), char(200), char(69)), char(252), char(89)), char(220), char(89)), char(198), char(127, 49)), char(216), char(127, 50)), char(197), char(127, 51)), reference, id) WHERE deleted_at IS NULL;
