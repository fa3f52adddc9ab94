-- Creation-order marks (issue 16, ADR 0010): per account, two staircases of (id, created_at) pairs that let an id
-- seek start and stop at a created_at bound instead of reading every newer (or older) import.
--
-- import_created_suffix_minima: every import x has a mark m with m.id >= x.id and m.created_at <= x.created_at, and
--   marks rise in both id and created_at. So every import created before T has an id <= the id of the newest mark
--   created before T (no such mark: no such import).
-- import_created_prefix_maxima: every import x has a mark m with m.id <= x.id and m.created_at >= x.created_at, rising
--   in both. So every import created at or after T has an id >= the id of the oldest mark created at or after T.
--
-- The triggers keep both true on every insert and every change of created_at (or of id or account_id): the pair is
-- added unless a mark already covers it, and the marks it covers go. A delete keeps its marks: a mark then bounds
-- more loosely than it could, never wrongly. Each import enters and leaves a staircase at most once per write, and
-- the statements reach their marks by seeks on the two indexes, so a write costs a few seeks.

CREATE TABLE import_created_suffix_minima (
    account_id INTEGER NOT NULL,
    id         INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) WITHOUT ROWID;

CREATE INDEX ix_import_created_suffix_minima_created_at ON import_created_suffix_minima (account_id, created_at);

CREATE TABLE import_created_prefix_maxima (
    account_id INTEGER NOT NULL,
    id         INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) WITHOUT ROWID;

CREATE INDEX ix_import_created_prefix_maxima_created_at ON import_created_prefix_maxima (account_id, created_at);

-- Existing imports: a suffix minimum is created strictly before every import with a larger id, a prefix maximum
-- strictly after every import with a smaller id (ties go to the larger id, resp. the smaller one).
INSERT INTO import_created_suffix_minima (account_id, id, created_at)
SELECT account_id, id, created_at
FROM (
    SELECT account_id, id, created_at,
           min(created_at) OVER (PARTITION BY account_id ORDER BY id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later_min
    FROM imports
)
WHERE later_min IS NULL OR created_at < later_min;

INSERT INTO import_created_prefix_maxima (account_id, id, created_at)
SELECT account_id, id, created_at
FROM (
    SELECT account_id, id, created_at,
           max(created_at) OVER (PARTITION BY account_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_max
    FROM imports
)
WHERE earlier_max IS NULL OR created_at > earlier_max;

-- One body per staircase, for insert and for update. The marks a new pair covers are a contiguous run of the
-- staircase, bounded on both sides by seeks: for the suffix minima, created_at from NEW.created_at up to that of the
-- last mark with id <= NEW.id; for the prefix maxima, from the first mark with id >= NEW.id up to NEW.created_at.
CREATE TRIGGER tr_imports_created_marks_insert AFTER INSERT ON imports
BEGIN
    DELETE FROM import_created_suffix_minima
    WHERE account_id = NEW.account_id
      AND created_at >= NEW.created_at
      AND created_at <= (SELECT m.created_at FROM import_created_suffix_minima AS m
                         WHERE m.account_id = NEW.account_id AND m.id <= NEW.id ORDER BY m.id DESC LIMIT 1)
      AND id <= NEW.id
      AND NOT (id = NEW.id AND created_at = NEW.created_at);
    INSERT INTO import_created_suffix_minima (account_id, id, created_at)
    SELECT NEW.account_id, NEW.id, NEW.created_at
    WHERE coalesce((SELECT m.id FROM import_created_suffix_minima AS m
                    WHERE m.account_id = NEW.account_id AND m.created_at <= NEW.created_at
                    ORDER BY m.created_at DESC LIMIT 1) < NEW.id, 1);

    DELETE FROM import_created_prefix_maxima
    WHERE account_id = NEW.account_id
      AND created_at <= NEW.created_at
      AND created_at >= (SELECT m.created_at FROM import_created_prefix_maxima AS m
                         WHERE m.account_id = NEW.account_id AND m.id >= NEW.id ORDER BY m.id ASC LIMIT 1)
      AND id >= NEW.id
      AND NOT (id = NEW.id AND created_at = NEW.created_at);
    INSERT INTO import_created_prefix_maxima (account_id, id, created_at)
    SELECT NEW.account_id, NEW.id, NEW.created_at
    WHERE coalesce((SELECT m.id FROM import_created_prefix_maxima AS m
                    WHERE m.account_id = NEW.account_id AND m.created_at >= NEW.created_at
                    ORDER BY m.created_at ASC LIMIT 1) > NEW.id, 1);
END;

CREATE TRIGGER tr_imports_created_marks_update AFTER UPDATE OF id, account_id, created_at ON imports
BEGIN
    DELETE FROM import_created_suffix_minima
    WHERE account_id = NEW.account_id
      AND created_at >= NEW.created_at
      AND created_at <= (SELECT m.created_at FROM import_created_suffix_minima AS m
                         WHERE m.account_id = NEW.account_id AND m.id <= NEW.id ORDER BY m.id DESC LIMIT 1)
      AND id <= NEW.id
      AND NOT (id = NEW.id AND created_at = NEW.created_at);
    INSERT INTO import_created_suffix_minima (account_id, id, created_at)
    SELECT NEW.account_id, NEW.id, NEW.created_at
    WHERE coalesce((SELECT m.id FROM import_created_suffix_minima AS m
                    WHERE m.account_id = NEW.account_id AND m.created_at <= NEW.created_at
                    ORDER BY m.created_at DESC LIMIT 1) < NEW.id, 1);

    DELETE FROM import_created_prefix_maxima
    WHERE account_id = NEW.account_id
      AND created_at <= NEW.created_at
      AND created_at >= (SELECT m.created_at FROM import_created_prefix_maxima AS m
                         WHERE m.account_id = NEW.account_id AND m.id >= NEW.id ORDER BY m.id ASC LIMIT 1)
      AND id >= NEW.id
      AND NOT (id = NEW.id AND created_at = NEW.created_at);
    INSERT INTO import_created_prefix_maxima (account_id, id, created_at)
    SELECT NEW.account_id, NEW.id, NEW.created_at
    WHERE coalesce((SELECT m.id FROM import_created_prefix_maxima AS m
                    WHERE m.account_id = NEW.account_id AND m.created_at >= NEW.created_at
                    ORDER BY m.created_at ASC LIMIT 1) > NEW.id, 1);
END;
