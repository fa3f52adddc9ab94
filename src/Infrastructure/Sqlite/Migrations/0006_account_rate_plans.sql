-- An account's rate plan (issue 9): the request budget the tenant pays for, stored with the account. NULL in
-- all three is "no plan": the service's configuration applies (RateLimiting:*). A plan is a token bucket of
-- rate_permits (the burst) refilled every rate_window_seconds; rate_plan is the name the RateLimit headers show.
ALTER TABLE accounts ADD COLUMN rate_plan TEXT NULL CHECK (rate_plan IS NULL OR length(rate_plan) BETWEEN 1 AND 50);
ALTER TABLE accounts ADD COLUMN rate_permits INTEGER NULL CHECK (rate_permits IS NULL OR rate_permits >= 1);
ALTER TABLE accounts ADD COLUMN rate_window_seconds INTEGER NULL CHECK (rate_window_seconds IS NULL OR rate_window_seconds >= 1);
