-- Every listing shape costs a bounded amount (issue 8, ADR 0007).
--
-- 1. created_at <= updated_at is an invariant of an import, now enforced by the schema: the keyset reader derives
--    seek bounds on one timestamp from a filter on the other and relies on it. SQLite cannot add a CHECK to an
--    existing table, so the table is rebuilt: same columns, same ids, the AUTOINCREMENT high-water mark carried over
--    (an id is never reused, even one whose row was deleted), every index recreated. A row that breaks the invariant
--    makes this script fail, and DbUp roll it back, instead of being changed silently; find such rows with
--    SELECT id FROM imports WHERE created_at > updated_at;
-- 2. One covering index per sort key led by (account_id, status): a status filter reads one range per status.

CREATE TABLE imports_rebuilt (
    -- AUTOINCREMENT: an id is never reused, even after the newest import is deleted.
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    type         TEXT    NOT NULL,
    status       INTEGER NOT NULL CHECK (status BETWEEN 0 AND 9),
    file_name    TEXT    NOT NULL,
    file_size    INTEGER NOT NULL CHECK (file_size >= 0),
    note         TEXT    NULL,
    completed_at INTEGER NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    CONSTRAINT ck_imports_created_not_after_updated CHECK (created_at <= updated_at)
);

INSERT INTO imports_rebuilt (id, account_id, type, status, file_name, file_size, note, completed_at, created_at, updated_at)
SELECT id, account_id, type, status, file_name, file_size, note, completed_at, created_at, updated_at
FROM imports
ORDER BY id;

-- The copy set the new table's sequence to its largest id; the old one may be higher (its newest rows deleted).
DELETE FROM sqlite_sequence WHERE name = 'imports_rebuilt';
INSERT INTO sqlite_sequence (name, seq) SELECT 'imports_rebuilt', seq FROM sqlite_sequence WHERE name = 'imports';

-- No table references imports, so dropping it checks no foreign key; renaming carries the sequence row along.
DROP TABLE imports;
ALTER TABLE imports_rebuilt RENAME TO imports;

-- The covering index of each sort key, as 0002 created them: (account_id, key, id), then every other listed column.
CREATE INDEX ix_imports_account_id
    ON imports (account_id, id, status, created_at, updated_at, completed_at, type, file_name, file_size, note);

CREATE INDEX ix_imports_account_created_at
    ON imports (account_id, created_at, id, status, updated_at, completed_at, type, file_name, file_size, note);

CREATE INDEX ix_imports_account_updated_at
    ON imports (account_id, updated_at, id, status, created_at, completed_at, type, file_name, file_size, note);

-- The same per status: (account_id, status, key, id), then every other listed column.
CREATE INDEX ix_imports_account_status_id
    ON imports (account_id, status, id, created_at, updated_at, completed_at, type, file_name, file_size, note);

CREATE INDEX ix_imports_account_status_created_at
    ON imports (account_id, status, created_at, id, updated_at, completed_at, type, file_name, file_size, note);

CREATE INDEX ix_imports_account_status_updated_at
    ON imports (account_id, status, updated_at, id, created_at, completed_at, type, file_name, file_size, note);
