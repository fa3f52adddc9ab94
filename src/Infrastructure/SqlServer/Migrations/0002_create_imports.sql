-- Timestamps are datetime2(6) in UTC: one fixed precision (microseconds), so a value read into a cursor
-- compares equal to the row again. status holds the ImportStatus code (0..9).
-- type is a code from a small ASCII vocabulary: varchar. file_name and note come from people and may be
-- any script: nvarchar. Parameters are typed to match (AnsiString / String with these lengths).
CREATE TABLE dbo.imports (
    id           bigint IDENTITY(1, 1) NOT NULL,
    account_id   bigint        NOT NULL,
    type         varchar(50)   NOT NULL,
    status       tinyint       NOT NULL,
    file_name    nvarchar(255) NOT NULL,
    file_size    bigint        NOT NULL,
    note         nvarchar(1000) NULL,
    completed_at datetime2(6)  NULL,
    created_at   datetime2(6)  NOT NULL,
    updated_at   datetime2(6)  NOT NULL,
    CONSTRAINT pk_imports PRIMARY KEY NONCLUSTERED (id),
    CONSTRAINT fk_imports_accounts FOREIGN KEY (account_id) REFERENCES dbo.accounts (id),
    CONSTRAINT ck_imports_status CHECK (status BETWEEN 0 AND 9),
    CONSTRAINT ck_imports_file_size CHECK (file_size >= 0),
    -- An account's imports sit together in id order: sort[id] pages are a range of the table itself.
    INDEX cx_imports_account_id UNIQUE CLUSTERED (account_id, id)
);

-- One covering index per timestamp sort key: (account_id, key, id) for the keyset seek, every other
-- listed column INCLUDEd so a page and its count never look up the clustered index.
CREATE NONCLUSTERED INDEX ix_imports_account_created_at
    ON dbo.imports (account_id, created_at, id)
    INCLUDE (type, status, file_name, file_size, note, completed_at, updated_at);

CREATE NONCLUSTERED INDEX ix_imports_account_updated_at
    ON dbo.imports (account_id, updated_at, id)
    INCLUDE (type, status, file_name, file_size, note, completed_at, created_at);
