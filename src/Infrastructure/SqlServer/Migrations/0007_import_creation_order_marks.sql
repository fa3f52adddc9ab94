-- Creation-order marks (issue 16, ADR 0010): per account, two staircases of (id, created_at) pairs that let an id
-- seek start and stop at a created_at bound instead of reading every newer (or older) import.
--
-- import_created_suffix_minima: every import x has a mark m with m.id >= x.id and m.created_at <= x.created_at, and
--   marks rise in both id and created_at. So every import created before T has an id <= the id of the newest mark
--   created before T (no such mark: no such import).
-- import_created_prefix_maxima: every import x has a mark m with m.id <= x.id and m.created_at >= x.created_at, rising
--   in both. So every import created at or after T has an id >= the id of the oldest mark created at or after T.
--
-- The trigger keeps both true on every insert and every change of created_at or account_id: the marks an inserted
-- pair covers go, then the pairs that no mark and no other inserted pair covers are added. A delete keeps its marks:
-- a mark then bounds more loosely than it could, never wrongly.

CREATE TABLE dbo.import_created_suffix_minima (
    account_id bigint       NOT NULL,
    id         bigint       NOT NULL,
    created_at datetime2(6) NOT NULL,
    CONSTRAINT pk_import_created_suffix_minima PRIMARY KEY CLUSTERED (account_id, id)
);

CREATE NONCLUSTERED INDEX ix_import_created_suffix_minima_created_at
    ON dbo.import_created_suffix_minima (account_id, created_at);

CREATE TABLE dbo.import_created_prefix_maxima (
    account_id bigint       NOT NULL,
    id         bigint       NOT NULL,
    created_at datetime2(6) NOT NULL,
    CONSTRAINT pk_import_created_prefix_maxima PRIMARY KEY CLUSTERED (account_id, id)
);

CREATE NONCLUSTERED INDEX ix_import_created_prefix_maxima_created_at
    ON dbo.import_created_prefix_maxima (account_id, created_at);

-- Existing imports: a suffix minimum is created strictly before every import with a larger id, a prefix maximum
-- strictly after every import with a smaller id (ties go to the larger id, resp. the smaller one).
INSERT INTO dbo.import_created_suffix_minima (account_id, id, created_at)
SELECT i.account_id, i.id, i.created_at
FROM (
    SELECT account_id, id, created_at,
           MIN(created_at) OVER (PARTITION BY account_id ORDER BY id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later_min
    FROM dbo.imports
) AS i
WHERE i.later_min IS NULL OR i.created_at < i.later_min;

INSERT INTO dbo.import_created_prefix_maxima (account_id, id, created_at)
SELECT i.account_id, i.id, i.created_at
FROM (
    SELECT account_id, id, created_at,
           MAX(created_at) OVER (PARTITION BY account_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_max
    FROM dbo.imports
) AS i
WHERE i.earlier_max IS NULL OR i.created_at > i.earlier_max;
GO

-- Set-based, as T-SQL triggers fire once per statement. The marks an inserted pair covers are a contiguous run of
-- its account's staircase, bounded on both sides by seeks, so a write costs a few seeks plus the marks it removes.
CREATE TRIGGER dbo.tr_imports_created_marks ON dbo.imports AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(created_at) OR UPDATE(account_id))
        RETURN;

    -- One account's writers take turns here until they commit, so each reads the marks the one before it left: two
    -- concurrent inserts that each missed the other's mark could leave the staircase out of order, and the seeks that
    -- read it rely on its order. (Under READ_COMMITTED_SNAPSHOT each later statement reads what was committed before it.)
    DECLARE @locked int = (SELECT COUNT(*) FROM dbo.accounts WITH (UPDLOCK, HOLDLOCK)
                           WHERE id IN (SELECT account_id FROM inserted));

    DELETE m
    FROM dbo.import_created_suffix_minima AS m
    JOIN inserted AS n ON n.account_id = m.account_id
    WHERE m.created_at >= n.created_at
      AND m.created_at <= (SELECT TOP (1) l.created_at FROM dbo.import_created_suffix_minima AS l
                           WHERE l.account_id = n.account_id AND l.id <= n.id ORDER BY l.id DESC)
      AND m.id <= n.id
      AND NOT (m.id = n.id AND m.created_at = n.created_at);

    INSERT INTO dbo.import_created_suffix_minima (account_id, id, created_at)
    SELECT n.account_id, n.id, n.created_at
    FROM inserted AS n
    WHERE NOT EXISTS (SELECT 1 FROM inserted AS o WHERE o.account_id = n.account_id AND o.id > n.id AND o.created_at <= n.created_at)
      AND COALESCE((SELECT TOP (1) l.id FROM dbo.import_created_suffix_minima AS l WITH (INDEX (ix_import_created_suffix_minima_created_at), FORCESEEK)
                    WHERE l.account_id = n.account_id AND l.created_at <= n.created_at ORDER BY l.created_at DESC), 0) < n.id;

    DELETE m
    FROM dbo.import_created_prefix_maxima AS m
    JOIN inserted AS n ON n.account_id = m.account_id
    WHERE m.created_at <= n.created_at
      AND m.created_at >= (SELECT TOP (1) f.created_at FROM dbo.import_created_prefix_maxima AS f
                           WHERE f.account_id = n.account_id AND f.id >= n.id ORDER BY f.id ASC)
      AND m.id >= n.id
      AND NOT (m.id = n.id AND m.created_at = n.created_at);

    INSERT INTO dbo.import_created_prefix_maxima (account_id, id, created_at)
    SELECT n.account_id, n.id, n.created_at
    FROM inserted AS n
    WHERE NOT EXISTS (SELECT 1 FROM inserted AS o WHERE o.account_id = n.account_id AND o.id < n.id AND o.created_at >= n.created_at)
      AND COALESCE((SELECT TOP (1) f.id FROM dbo.import_created_prefix_maxima AS f WITH (INDEX (ix_import_created_prefix_maxima_created_at), FORCESEEK)
                    WHERE f.account_id = n.account_id AND f.created_at >= n.created_at ORDER BY f.created_at ASC), 9223372036854775807) > n.id;
END;
