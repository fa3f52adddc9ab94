-- Accounts, users, hashed API keys and memberships: what authentication needs.
-- Tokens are ASCII and compared byte for byte: varchar with a binary collation, so 'DEMO-ACCOUNT-TOKEN'
-- is not the account 'demo-account-token' (the server's default collation is usually case-insensitive).
CREATE TABLE dbo.accounts (
    id    bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_accounts PRIMARY KEY CLUSTERED,
    token varchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT uq_accounts_token UNIQUE,
    name  nvarchar(200) NOT NULL
);

CREATE TABLE dbo.users (
    id   bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_users PRIMARY KEY CLUSTERED,
    name nvarchar(200) NOT NULL
);

-- key_hash is the SHA-256 of the key; the key itself is never stored. The unique index carries what the
-- caller lookup reads, so authenticating a request is one seek.
CREATE TABLE dbo.api_keys (
    id         bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY CLUSTERED,
    user_id    bigint       NOT NULL CONSTRAINT fk_api_keys_users REFERENCES dbo.users (id),
    key_hash   binary(32)   NOT NULL,
    created_at datetime2(6) NOT NULL,
    revoked_at datetime2(6) NULL
);

CREATE UNIQUE NONCLUSTERED INDEX ux_api_keys_key_hash ON dbo.api_keys (key_hash) INCLUDE (user_id, revoked_at);

CREATE NONCLUSTERED INDEX ix_api_keys_user_id ON dbo.api_keys (user_id);

CREATE TABLE dbo.memberships (
    account_id       bigint NOT NULL CONSTRAINT fk_memberships_accounts REFERENCES dbo.accounts (id),
    user_id          bigint NOT NULL CONSTRAINT fk_memberships_users REFERENCES dbo.users (id),
    can_read_imports bit    NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY CLUSTERED (account_id, user_id)
);

CREATE NONCLUSTERED INDEX ix_memberships_user_id ON dbo.memberships (user_id);
