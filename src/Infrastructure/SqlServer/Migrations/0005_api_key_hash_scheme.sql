-- How each key's hash was computed (Domain ApiKeyHashScheme): 0 = SHA-256 of the key (every key stored before
-- this script, the demo keys), 1 = HMAC-SHA256 of the key under a server-side pepper (ApiKeys:Pepper), which
-- every key the service issues from now on uses. Existing rows get 0 from the default (a metadata-only change).
ALTER TABLE dbo.api_keys ADD hash_scheme tinyint NOT NULL
    CONSTRAINT df_api_keys_hash_scheme DEFAULT (0)
    CONSTRAINT ck_api_keys_hash_scheme CHECK (hash_scheme IN (0, 1));
GO

-- Authentication stays one seek: the unique hash index also carries the scheme the lookup checks (and, from
-- 0004, the key's api_version).
CREATE UNIQUE NONCLUSTERED INDEX ux_api_keys_key_hash ON dbo.api_keys (key_hash)
    INCLUDE (user_id, revoked_at, api_version, hash_scheme)
    WITH (DROP_EXISTING = ON);
