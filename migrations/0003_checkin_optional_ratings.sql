-- Check-in ratings become optional: a check-in brought in from another app may carry only a
-- mood, and an unrated item must read as unknown, never as zero. SQLite cannot relax NOT NULL
-- in place, so the table is rebuilt with its rows.

CREATE TABLE checkin_new (
    id            TEXT PRIMARY KEY NOT NULL,
    on_date       TEXT NOT NULL,
    mood          INTEGER CHECK (mood BETWEEN -2 AND 2),
    energy        INTEGER CHECK (energy BETWEEN -2 AND 2),
    owing         INTEGER CHECK (owing BETWEEN 0 AND 4),
    worry         INTEGER CHECK (worry BETWEEN 0 AND 4),
    pressured     INTEGER CHECK (pressured BETWEEN 0 AND 4),
    exhaustion    INTEGER CHECK (exhaustion BETWEEN 0 AND 4),
    reflection    TEXT NOT NULL DEFAULT '',
    prompt        TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);

INSERT INTO checkin_new SELECT id, on_date, mood, energy, owing, worry, pressured, exhaustion,
    reflection, prompt, created_at, updated_at, deleted_at FROM checkin;
DROP TABLE checkin;
ALTER TABLE checkin_new RENAME TO checkin;
CREATE INDEX checkin_by_date ON checkin (on_date);
