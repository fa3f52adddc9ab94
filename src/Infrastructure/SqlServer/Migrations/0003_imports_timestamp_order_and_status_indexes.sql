-- Every listing shape costs a bounded amount (issue 8, ADR 0007).
--
-- 1. created_at <= updated_at is an invariant of an import, now enforced by the schema: the keyset reader derives
--    seek bounds on one timestamp from a filter on the other and relies on it. WITH CHECK: existing rows are
--    checked too, and a row that breaks the invariant makes this script fail (DbUp rolls it back) instead of being
--    changed silently; find such rows with SELECT id FROM dbo.imports WHERE created_at > updated_at;
ALTER TABLE dbo.imports WITH CHECK
    ADD CONSTRAINT ck_imports_created_not_after_updated CHECK (created_at <= updated_at);

-- 2. The clustered key (account_id, id) becomes the primary key. The nonclustered primary key on id alone goes: it
--    spans every tenant, and a count the optimizer ran on it would read other accounts' rows. SQL Server cannot turn
--    a unique index into a primary key, so the clustered index is dropped and the key added; the nonclustered
--    indexes are dropped first and created after, so they are built once, on the final clustered key.
DROP INDEX ix_imports_account_created_at ON dbo.imports;
DROP INDEX ix_imports_account_updated_at ON dbo.imports;
ALTER TABLE dbo.imports DROP CONSTRAINT pk_imports;
DROP INDEX cx_imports_account_id ON dbo.imports;
ALTER TABLE dbo.imports ADD CONSTRAINT pk_imports PRIMARY KEY CLUSTERED (account_id, id);

-- One covering index per timestamp sort key, as 0002 created them: (account_id, key, id), every other listed
-- column INCLUDEd so a page and its count never look up the clustered index.
CREATE NONCLUSTERED INDEX ix_imports_account_created_at
    ON dbo.imports (account_id, created_at, id)
    INCLUDE (type, status, file_name, file_size, note, completed_at, updated_at);

CREATE NONCLUSTERED INDEX ix_imports_account_updated_at
    ON dbo.imports (account_id, updated_at, id)
    INCLUDE (type, status, file_name, file_size, note, completed_at, created_at);

-- 3. The same per status, for every sort key: (account_id, status, key, id) covering the listed columns, so a
--    status filter reads one range per status.
CREATE NONCLUSTERED INDEX ix_imports_account_status_id
    ON dbo.imports (account_id, status, id)
    INCLUDE (type, file_name, file_size, note, completed_at, created_at, updated_at);

CREATE NONCLUSTERED INDEX ix_imports_account_status_created_at
    ON dbo.imports (account_id, status, created_at, id)
    INCLUDE (type, file_name, file_size, note, completed_at, updated_at);

CREATE NONCLUSTERED INDEX ix_imports_account_status_updated_at
    ON dbo.imports (account_id, status, updated_at, id)
    INCLUDE (type, file_name, file_size, note, completed_at, created_at);
