-- Each API key is locked to the API release current when it was created (date-based versions, issue 7):
-- api_version is that release as 'YYYY-MM-DD'. Every key stored before this script was created while
-- 2024-01-01 was the only release, so that is what they are locked to. NULL stays allowed (a key written by a
-- release that does not know the column) and means the same: the first release.
ALTER TABLE api_keys ADD COLUMN api_version TEXT NULL
    CHECK (api_version IS NULL OR (length(api_version) = 10 AND api_version GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'));

UPDATE api_keys SET api_version = '2024-01-01' WHERE api_version IS NULL;
