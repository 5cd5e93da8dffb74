-- Sync through a folder: every synced row carries a hybrid logical clock (`hlc`), stamped by
-- triggers on every insert and update, so a write by any program (the window, `recip`, a
-- SQLite shell) is captured; a hard delete leaves a tombstone, kept forever.
--
-- An hlc is sortable text: wall milliseconds (13 digits), a counter (4 digits) and the device
-- id, `1764510829123-0000-5f3a9c0e12ab4d67`. Rows that existed before this migration get
-- the time of their last change and the device `0`, which every device already knows, so two
-- copies of one journal agree on them. A row whose `hlc` a write sets itself (a merge bringing
-- another device's version) is not stamped again.
--
-- The clock lives in the one-row `sync_clock` table, so the triggers need nothing from the
-- program that writes: `device` is this copy's id (kept outside the journal and written here
-- when sync is set up or when the copy is found to be a new one; '' until then), `wall` and
-- `counter` the last stamp given.

CREATE TABLE sync_clock (
    only     INTEGER PRIMARY KEY CHECK (only = 1),
    device   TEXT NOT NULL DEFAULT '',
    wall     INTEGER NOT NULL DEFAULT 0,
    counter  INTEGER NOT NULL DEFAULT 0,
    -- The random salt this device's key is derived with, hex; '' until a file is encrypted.
    salt     TEXT NOT NULL DEFAULT ''
);
INSERT INTO sync_clock (only) VALUES (1);

-- The last version of each hard-deleted row: (table, key) and the hlc of the delete.
CREATE TABLE sync_tombstone (
    tbl  TEXT NOT NULL,
    key  TEXT NOT NULL,
    hlc  TEXT NOT NULL,
    PRIMARY KEY (tbl, key)
);

-- Every change file written here or merged from another device, by (device, sequence): its
-- checksum, the highest hlc it holds (`mark`) and what its device had seen when writing it
-- (`knows`, JSON: device -> hlc), which tells a conflict from a later edit. A snapshot holds
-- every row its device wrote and stands for all its files from `first_seq` (1) on.
CREATE TABLE sync_file (
    device     TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    first_seq  INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    mark       TEXT NOT NULL,
    knows      TEXT NOT NULL DEFAULT '{}',
    rows       INTEGER NOT NULL,
    merged_at  TEXT NOT NULL,
    PRIMARY KEY (device, seq)
);

CREATE INDEX sync_file_by_mark ON sync_file (device, mark);

-- Files that could not be read (checksum, decryption, newer format), reported once and
-- tried again at each sync until they read.
CREATE TABLE sync_problem (
    name      TEXT PRIMARY KEY NOT NULL,
    sha256    TEXT NOT NULL,
    message   TEXT NOT NULL,
    found_at  TEXT NOT NULL
);

-- The losing version of a row changed on two devices that had not seen each other's change.
-- `lost_state` is the row as JSON, or NULL when the losing version was a deletion.
CREATE TABLE sync_conflict (
    id          INTEGER PRIMARY KEY,
    tbl         TEXT NOT NULL,
    key         TEXT NOT NULL,
    kept_hlc    TEXT NOT NULL,
    lost_hlc    TEXT NOT NULL,
    lost_state  TEXT,
    found_at    TEXT NOT NULL,
    UNIQUE (tbl, key, lost_hlc)
);

-- The folder this copy syncs through (local to this copy; never synced).
CREATE TABLE sync_folder (
    only    INTEGER PRIMARY KEY CHECK (only = 1),
    folder  TEXT NOT NULL
);

-- person
ALTER TABLE person ADD COLUMN hlc TEXT;
UPDATE person SET hlc = printf('%013d-0000-0', coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0));
UPDATE sync_clock SET wall = max(wall, coalesce((SELECT max(coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0)) FROM person), 0));
CREATE INDEX person_by_hlc ON person (hlc);

CREATE TRIGGER person_hlc_insert AFTER INSERT ON person WHEN new.hlc IS NULL BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE person SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER person_hlc_update AFTER UPDATE ON person WHEN new.hlc IS old.hlc BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE person SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER person_tombstone AFTER DELETE ON person BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    INSERT OR REPLACE INTO sync_tombstone (tbl, key, hlc) VALUES ('person', old.id, (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock));
END;

-- exchange
ALTER TABLE exchange ADD COLUMN hlc TEXT;
UPDATE exchange SET hlc = printf('%013d-0000-0', coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0));
UPDATE sync_clock SET wall = max(wall, coalesce((SELECT max(coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0)) FROM exchange), 0));
CREATE INDEX exchange_by_hlc ON exchange (hlc);

CREATE TRIGGER exchange_hlc_insert AFTER INSERT ON exchange WHEN new.hlc IS NULL BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE exchange SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER exchange_hlc_update AFTER UPDATE ON exchange WHEN new.hlc IS old.hlc BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE exchange SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER exchange_tombstone AFTER DELETE ON exchange BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    INSERT OR REPLACE INTO sync_tombstone (tbl, key, hlc) VALUES ('exchange', old.id, (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock));
END;

-- checkin
ALTER TABLE checkin ADD COLUMN hlc TEXT;
UPDATE checkin SET hlc = printf('%013d-0000-0', coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0));
UPDATE sync_clock SET wall = max(wall, coalesce((SELECT max(coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0)) FROM checkin), 0));
CREATE INDEX checkin_by_hlc ON checkin (hlc);

CREATE TRIGGER checkin_hlc_insert AFTER INSERT ON checkin WHEN new.hlc IS NULL BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE checkin SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER checkin_hlc_update AFTER UPDATE ON checkin WHEN new.hlc IS old.hlc BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE checkin SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER checkin_tombstone AFTER DELETE ON checkin BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    INSERT OR REPLACE INTO sync_tombstone (tbl, key, hlc) VALUES ('checkin', old.id, (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock));
END;

-- request
ALTER TABLE request ADD COLUMN hlc TEXT;
UPDATE request SET hlc = printf('%013d-0000-0', coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0));
UPDATE sync_clock SET wall = max(wall, coalesce((SELECT max(coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0)) FROM request), 0));
CREATE INDEX request_by_hlc ON request (hlc);

CREATE TRIGGER request_hlc_insert AFTER INSERT ON request WHEN new.hlc IS NULL BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE request SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER request_hlc_update AFTER UPDATE ON request WHEN new.hlc IS old.hlc BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE request SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE id = new.id;
END;

CREATE TRIGGER request_tombstone AFTER DELETE ON request BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    INSERT OR REPLACE INTO sync_tombstone (tbl, key, hlc) VALUES ('request', old.id, (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock));
END;

-- insight_dismissal
ALTER TABLE insight_dismissal ADD COLUMN hlc TEXT;
UPDATE insight_dismissal SET hlc = printf('%013d-0000-0', coalesce(CAST(round((julianday(created_at) - 2440587.5) * 86400000) AS INTEGER), 0));
UPDATE sync_clock SET wall = max(wall, coalesce((SELECT max(coalesce(CAST(round((julianday(created_at) - 2440587.5) * 86400000) AS INTEGER), 0)) FROM insight_dismissal), 0));
CREATE INDEX insight_dismissal_by_hlc ON insight_dismissal (hlc);

CREATE TRIGGER insight_dismissal_hlc_insert AFTER INSERT ON insight_dismissal WHEN new.hlc IS NULL BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE insight_dismissal SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE insight_id = new.insight_id;
END;

CREATE TRIGGER insight_dismissal_hlc_update AFTER UPDATE ON insight_dismissal WHEN new.hlc IS old.hlc BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE insight_dismissal SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE insight_id = new.insight_id;
END;

CREATE TRIGGER insight_dismissal_tombstone AFTER DELETE ON insight_dismissal BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    INSERT OR REPLACE INTO sync_tombstone (tbl, key, hlc) VALUES ('insight_dismissal', old.insight_id, (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock));
END;

-- setting
ALTER TABLE setting ADD COLUMN hlc TEXT;
UPDATE setting SET hlc = printf('%013d-0000-0', coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0));
UPDATE sync_clock SET wall = max(wall, coalesce((SELECT max(coalesce(CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0)) FROM setting), 0));
CREATE INDEX setting_by_hlc ON setting (hlc);

CREATE TRIGGER setting_hlc_insert AFTER INSERT ON setting WHEN new.hlc IS NULL BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE setting SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE key = new.key;
END;

CREATE TRIGGER setting_hlc_update AFTER UPDATE ON setting WHEN new.hlc IS old.hlc BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    UPDATE setting SET hlc = (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock) WHERE key = new.key;
END;

CREATE TRIGGER setting_tombstone AFTER DELETE ON setting BEGIN
    UPDATE sync_clock SET
        counter = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN 0 WHEN counter >= 9999 THEN 0 ELSE counter + 1 END,
        wall = CASE WHEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) > wall THEN CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHEN counter >= 9999 THEN wall + 1 ELSE wall END;
    INSERT OR REPLACE INTO sync_tombstone (tbl, key, hlc) VALUES ('setting', old.key, (SELECT printf('%013d-%04d-%s', wall, counter, device) FROM sync_clock));
END;
