-- Id zones (ADR 0012): per account, the range of created_at and of updated_at over every block of ids, at two sizes
-- (256 ids, and 65,536 ids = 256 blocks of 256). An id seek with a time window reads only the zones whose range meets
-- the window, so it skips runs of ids created outside it wherever they lie, which one id range (ADR 0010) cannot.
-- import_status_id_zones holds the same per status, for the status filter's arms: an arm walks the zones of its own
-- status, so a status with few imports has few zones to walk.
--
-- A zone's range holds the timestamps of every import in it, and may hold more: the trigger only ever widens it (on an
-- insert, and on a change of a timestamp, status or account), and a delete leaves it. A wider range costs rows read,
-- never a row missed. Column names differ from those of imports (but account_id), so a seek joined to
-- zones keeps its unqualified predicates on imports.

CREATE TABLE dbo.import_id_zones (
    account_id     bigint       NOT NULL,
    zone_size      int          NOT NULL,
    zone_no        bigint       NOT NULL,
    min_created_at datetime2(6) NOT NULL,
    max_created_at datetime2(6) NOT NULL,
    min_updated_at datetime2(6) NOT NULL,
    max_updated_at datetime2(6) NOT NULL,
    CONSTRAINT pk_import_id_zones PRIMARY KEY CLUSTERED (account_id, zone_size, zone_no),
    CONSTRAINT ck_import_id_zones_size CHECK (zone_size IN (256, 65536))
);

CREATE TABLE dbo.import_status_id_zones (
    account_id     bigint       NOT NULL,
    zone_status    tinyint      NOT NULL,
    zone_size      int          NOT NULL,
    zone_no        bigint       NOT NULL,
    min_created_at datetime2(6) NOT NULL,
    max_created_at datetime2(6) NOT NULL,
    min_updated_at datetime2(6) NOT NULL,
    max_updated_at datetime2(6) NOT NULL,
    CONSTRAINT pk_import_status_id_zones PRIMARY KEY CLUSTERED (account_id, zone_status, zone_size, zone_no),
    CONSTRAINT ck_import_status_id_zones_size CHECK (zone_size IN (256, 65536))
);

INSERT INTO dbo.import_id_zones (account_id, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
SELECT i.account_id, s.zone_size, i.id / s.zone_size, MIN(i.created_at), MAX(i.created_at), MIN(i.updated_at), MAX(i.updated_at)
FROM dbo.imports AS i
CROSS JOIN (VALUES (256), (65536)) AS s (zone_size)
GROUP BY i.account_id, s.zone_size, i.id / s.zone_size;

INSERT INTO dbo.import_status_id_zones (account_id, zone_status, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
SELECT i.account_id, i.status, s.zone_size, i.id / s.zone_size, MIN(i.created_at), MAX(i.created_at), MIN(i.updated_at), MAX(i.updated_at)
FROM dbo.imports AS i
CROSS JOIN (VALUES (256), (65536)) AS s (zone_size)
GROUP BY i.account_id, i.status, s.zone_size, i.id / s.zone_size;
GO

-- Set-based, as T-SQL triggers fire once per statement: per table, the written rows' ranges per zone, adding the zones
-- that do not exist, then widening them all. UPDLOCK, HOLDLOCK makes two writers of one new zone take turns at adding
-- it, so the second finds the first's row and widens it, instead of failing on the key or losing its own range.
CREATE TRIGGER dbo.tr_imports_id_zones ON dbo.imports AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(created_at) OR UPDATE(updated_at) OR UPDATE(status) OR UPDATE(account_id))
        RETURN;

    DECLARE @written TABLE (
        account_id     bigint       NOT NULL,
        zone_status    tinyint      NOT NULL DEFAULT 0,
        zone_size      int          NOT NULL,
        zone_no        bigint       NOT NULL,
        min_created_at datetime2(6) NOT NULL,
        max_created_at datetime2(6) NOT NULL,
        min_updated_at datetime2(6) NOT NULL,
        max_updated_at datetime2(6) NOT NULL,
        PRIMARY KEY (account_id, zone_status, zone_size, zone_no)
    );

    INSERT INTO @written (account_id, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    SELECT n.account_id, s.zone_size, n.id / s.zone_size, MIN(n.created_at), MAX(n.created_at), MIN(n.updated_at), MAX(n.updated_at)
    FROM inserted AS n
    CROSS JOIN (VALUES (256), (65536)) AS s (zone_size)
    GROUP BY n.account_id, s.zone_size, n.id / s.zone_size;

    INSERT INTO dbo.import_id_zones (account_id, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    SELECT w.account_id, w.zone_size, w.zone_no, w.min_created_at, w.max_created_at, w.min_updated_at, w.max_updated_at
    FROM @written AS w
    WHERE NOT EXISTS (SELECT 1 FROM dbo.import_id_zones AS z WITH (UPDLOCK, HOLDLOCK) WHERE z.account_id = w.account_id AND z.zone_size = w.zone_size AND z.zone_no = w.zone_no);

    UPDATE z
    SET min_created_at = CASE WHEN w.min_created_at < z.min_created_at THEN w.min_created_at ELSE z.min_created_at END,
        max_created_at = CASE WHEN w.max_created_at > z.max_created_at THEN w.max_created_at ELSE z.max_created_at END,
        min_updated_at = CASE WHEN w.min_updated_at < z.min_updated_at THEN w.min_updated_at ELSE z.min_updated_at END,
        max_updated_at = CASE WHEN w.max_updated_at > z.max_updated_at THEN w.max_updated_at ELSE z.max_updated_at END
    FROM dbo.import_id_zones AS z WITH (UPDLOCK, HOLDLOCK)
    JOIN @written AS w ON z.account_id = w.account_id AND z.zone_size = w.zone_size AND z.zone_no = w.zone_no
    WHERE w.min_created_at < z.min_created_at OR w.max_created_at > z.max_created_at
       OR w.min_updated_at < z.min_updated_at OR w.max_updated_at > z.max_updated_at;

    DELETE FROM @written;
    INSERT INTO @written (account_id, zone_status, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    SELECT n.account_id, n.status, s.zone_size, n.id / s.zone_size, MIN(n.created_at), MAX(n.created_at), MIN(n.updated_at), MAX(n.updated_at)
    FROM inserted AS n
    CROSS JOIN (VALUES (256), (65536)) AS s (zone_size)
    GROUP BY n.account_id, n.status, s.zone_size, n.id / s.zone_size;

    INSERT INTO dbo.import_status_id_zones (account_id, zone_status, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    SELECT w.account_id, w.zone_status, w.zone_size, w.zone_no, w.min_created_at, w.max_created_at, w.min_updated_at, w.max_updated_at
    FROM @written AS w
    WHERE NOT EXISTS (SELECT 1 FROM dbo.import_status_id_zones AS z WITH (UPDLOCK, HOLDLOCK) WHERE z.account_id = w.account_id AND z.zone_status = w.zone_status AND z.zone_size = w.zone_size AND z.zone_no = w.zone_no);

    UPDATE z
    SET min_created_at = CASE WHEN w.min_created_at < z.min_created_at THEN w.min_created_at ELSE z.min_created_at END,
        max_created_at = CASE WHEN w.max_created_at > z.max_created_at THEN w.max_created_at ELSE z.max_created_at END,
        min_updated_at = CASE WHEN w.min_updated_at < z.min_updated_at THEN w.min_updated_at ELSE z.min_updated_at END,
        max_updated_at = CASE WHEN w.max_updated_at > z.max_updated_at THEN w.max_updated_at ELSE z.max_updated_at END
    FROM dbo.import_status_id_zones AS z WITH (UPDLOCK, HOLDLOCK)
    JOIN @written AS w ON z.account_id = w.account_id AND z.zone_status = w.zone_status AND z.zone_size = w.zone_size AND z.zone_no = w.zone_no
    WHERE w.min_created_at < z.min_created_at OR w.max_created_at > z.max_created_at
       OR w.min_updated_at < z.min_updated_at OR w.max_updated_at > z.max_updated_at;
END;
