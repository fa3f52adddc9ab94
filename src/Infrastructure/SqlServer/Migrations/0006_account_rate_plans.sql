-- An account's rate plan (issue 9): the request budget the tenant pays for, stored with the account. NULL in
-- all three is "no plan": the service's configuration applies (RateLimiting:*). A plan is a token bucket of
-- rate_permits (the burst) refilled every rate_window_seconds; rate_plan is the name the RateLimit headers show.
ALTER TABLE dbo.accounts ADD
    rate_plan           varchar(50) NULL,
    rate_permits        int         NULL,
    rate_window_seconds int         NULL;
GO

ALTER TABLE dbo.accounts ADD CONSTRAINT ck_accounts_rate_plan CHECK (
    (rate_plan IS NULL AND rate_permits IS NULL AND rate_window_seconds IS NULL)
    OR (rate_plan IS NOT NULL AND rate_permits >= 1 AND rate_window_seconds >= 1));
