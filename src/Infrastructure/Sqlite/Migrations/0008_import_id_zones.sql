-- Id zones (ADR 0012): per account, the range of created_at and of updated_at over every block of ids, at two sizes
-- (256 ids, and 65,536 ids = 256 blocks of 256). An id seek with a time window reads only the zones whose range meets
-- the window, so it skips runs of ids created outside it wherever they lie, which one id range (ADR 0010) cannot.
-- import_status_id_zones holds the same per status, for the status filter's arms: an arm walks the zones of its own
-- status, so a status with few imports has few zones to walk.
--
-- A zone's range holds the timestamps of every import in it, and may hold more: the triggers only ever widen it (on an
-- insert, and on a change of a timestamp, status, id or account), and a delete leaves it. A wider range costs rows
-- read, never a row missed. Column names differ from those of imports (but account_id), so a seek joined
-- to zones keeps its unqualified predicates on imports.

CREATE TABLE import_id_zones (
    account_id     INTEGER NOT NULL,
    zone_size      INTEGER NOT NULL CHECK (zone_size IN (256, 65536)),
    zone_no        INTEGER NOT NULL,
    min_created_at INTEGER NOT NULL,
    max_created_at INTEGER NOT NULL,
    min_updated_at INTEGER NOT NULL,
    max_updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, zone_size, zone_no)
) WITHOUT ROWID;

CREATE TABLE import_status_id_zones (
    account_id     INTEGER NOT NULL,
    zone_status    INTEGER NOT NULL,
    zone_size      INTEGER NOT NULL CHECK (zone_size IN (256, 65536)),
    zone_no        INTEGER NOT NULL,
    min_created_at INTEGER NOT NULL,
    max_created_at INTEGER NOT NULL,
    min_updated_at INTEGER NOT NULL,
    max_updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, zone_status, zone_size, zone_no)
) WITHOUT ROWID;

INSERT INTO import_id_zones (account_id, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
SELECT account_id, sizes.zone_size, id / sizes.zone_size, min(created_at), max(created_at), min(updated_at), max(updated_at)
FROM imports CROSS JOIN (SELECT 256 AS zone_size UNION ALL SELECT 65536) AS sizes
GROUP BY account_id, sizes.zone_size, id / sizes.zone_size;

INSERT INTO import_status_id_zones (account_id, zone_status, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
SELECT account_id, status, sizes.zone_size, id / sizes.zone_size, min(created_at), max(created_at), min(updated_at), max(updated_at)
FROM imports CROSS JOIN (SELECT 256 AS zone_size UNION ALL SELECT 65536) AS sizes
GROUP BY account_id, status, sizes.zone_size, id / sizes.zone_size;

CREATE TRIGGER tr_imports_id_zones_insert AFTER INSERT ON imports
BEGIN
    INSERT INTO import_id_zones (account_id, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    VALUES (NEW.account_id, 256, NEW.id / 256, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at),
           (NEW.account_id, 65536, NEW.id / 65536, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at)
    ON CONFLICT (account_id, zone_size, zone_no) DO UPDATE SET
        min_created_at = min(min_created_at, excluded.min_created_at),
        max_created_at = max(max_created_at, excluded.max_created_at),
        min_updated_at = min(min_updated_at, excluded.min_updated_at),
        max_updated_at = max(max_updated_at, excluded.max_updated_at);
    INSERT INTO import_status_id_zones (account_id, zone_status, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    VALUES (NEW.account_id, NEW.status, 256, NEW.id / 256, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at),
           (NEW.account_id, NEW.status, 65536, NEW.id / 65536, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at)
    ON CONFLICT (account_id, zone_status, zone_size, zone_no) DO UPDATE SET
        min_created_at = min(min_created_at, excluded.min_created_at),
        max_created_at = max(max_created_at, excluded.max_created_at),
        min_updated_at = min(min_updated_at, excluded.min_updated_at),
        max_updated_at = max(max_updated_at, excluded.max_updated_at);
END;

-- The same statements as on insert: SQLite has no trigger for both events.
CREATE TRIGGER tr_imports_id_zones_update AFTER UPDATE OF id, account_id, status, created_at, updated_at ON imports
BEGIN
    INSERT INTO import_id_zones (account_id, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    VALUES (NEW.account_id, 256, NEW.id / 256, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at),
           (NEW.account_id, 65536, NEW.id / 65536, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at)
    ON CONFLICT (account_id, zone_size, zone_no) DO UPDATE SET
        min_created_at = min(min_created_at, excluded.min_created_at),
        max_created_at = max(max_created_at, excluded.max_created_at),
        min_updated_at = min(min_updated_at, excluded.min_updated_at),
        max_updated_at = max(max_updated_at, excluded.max_updated_at);
    INSERT INTO import_status_id_zones (account_id, zone_status, zone_size, zone_no, min_created_at, max_created_at, min_updated_at, max_updated_at)
    VALUES (NEW.account_id, NEW.status, 256, NEW.id / 256, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at),
           (NEW.account_id, NEW.status, 65536, NEW.id / 65536, NEW.created_at, NEW.created_at, NEW.updated_at, NEW.updated_at)
    ON CONFLICT (account_id, zone_status, zone_size, zone_no) DO UPDATE SET
        min_created_at = min(min_created_at, excluded.min_created_at),
        max_created_at = max(max_created_at, excluded.max_created_at),
        min_updated_at = min(min_updated_at, excluded.min_updated_at),
        max_updated_at = max(max_updated_at, excluded.max_updated_at);
END;
