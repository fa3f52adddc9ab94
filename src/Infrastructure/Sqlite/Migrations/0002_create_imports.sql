-- Timestamps are INTEGER microseconds since 1970-01-01T00:00:00Z (UTC), one fixed precision, so a
-- value read into a cursor compares equal to the row again. status holds the ImportStatus code (0..9).
CREATE TABLE imports (
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
    updated_at   INTEGER NOT NULL
);

-- One covering index per sort key: (account_id, key, id) for the keyset seek, then every other listed
-- column so a page and its count never leave the index. SQLite has no INCLUDE, so they are trailing keys.
CREATE INDEX ix_imports_account_id
    ON imports (account_id, id, status, created_at, updated_at, completed_at, type, file_name, file_size, note);

CREATE INDEX ix_imports_account_created_at
    ON imports (account_id, created_at, id, status, updated_at, completed_at, type, file_name, file_size, note);

CREATE INDEX ix_imports_account_updated_at
    ON imports (account_id, updated_at, id, status, created_at, completed_at, type, file_name, file_size, note);
