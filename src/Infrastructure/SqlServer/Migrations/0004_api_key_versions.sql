-- Each API key is locked to the API release current when it was created (date-based versions, issue 7):
-- api_version is that release. Every key stored before this script was created while 2024-01-01 was the
-- only release, so that is what they are locked to. NULL stays allowed (a key written by a release that does
-- not know the column) and means the same: the first release.
ALTER TABLE dbo.api_keys ADD api_version date NULL;
GO

UPDATE dbo.api_keys SET api_version = '2024-01-01' WHERE api_version IS NULL;

-- The caller lookup reads the version too: keep it one seek on the unique hash, with no key lookup.
CREATE UNIQUE NONCLUSTERED INDEX ux_api_keys_key_hash ON dbo.api_keys (key_hash) INCLUDE (user_id, revoked_at, api_version)
    WITH (DROP_EXISTING = ON);
