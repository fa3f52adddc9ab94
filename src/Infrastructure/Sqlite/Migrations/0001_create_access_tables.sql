-- Accounts, users, hashed API keys and memberships: what authentication needs.
CREATE TABLE accounts (
    id    INTEGER PRIMARY KEY,
    token TEXT    NOT NULL UNIQUE,
    name  TEXT    NOT NULL
);

CREATE TABLE users (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL
);

-- key_hash is the SHA-256 of the key; the key itself is never stored.
CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    key_hash   BLOB    NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL
);

CREATE TABLE memberships (
    account_id       INTEGER NOT NULL REFERENCES accounts (id),
    user_id          INTEGER NOT NULL REFERENCES users (id),
    can_read_imports INTEGER NOT NULL CHECK (can_read_imports IN (0, 1)),
    PRIMARY KEY (account_id, user_id)
) WITHOUT ROWID;
