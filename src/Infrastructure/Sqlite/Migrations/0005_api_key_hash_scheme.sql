-- How each key's hash was computed (Domain ApiKeyHashScheme): 0 = SHA-256 of the key (every key stored before
-- this script, the demo keys), 1 = HMAC-SHA256 of the key under a server-side pepper (ApiKeys:Pepper), which
-- every key the service issues from now on uses. Existing rows keep working as SHA-256. Lookups name the scheme,
-- so a hash is only ever compared with hashes of the same kind.
ALTER TABLE api_keys ADD COLUMN hash_scheme INTEGER NOT NULL DEFAULT 0 CHECK (hash_scheme IN (0, 1));
