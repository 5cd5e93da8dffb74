-- The first journal schema: people, exchanges (with feelings inline), check-ins, and the
-- full-text index over exchanges. Vocabularies are checked here as a last line of defence;
-- the model validates first and names the field.

CREATE TABLE person (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    relationship  TEXT NOT NULL CHECK (relationship IN ('partner', 'family', 'close_friend',
                      'friend', 'neighbour', 'acquaintance', 'colleague', 'manager', 'report',
                      'client', 'community', 'online', 'stranger')),
    notes         TEXT NOT NULL DEFAULT '',
    archived_at   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- seq is an explicit INTEGER PRIMARY KEY so VACUUM never renumbers the rowids the
-- full-text index refers to.
CREATE TABLE exchange (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    person_id     TEXT NOT NULL REFERENCES person (id),
    direction     TEXT NOT NULL CHECK (direction IN ('given', 'received')),
    occurred_on   TEXT NOT NULL,
    occurred_at   TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('favour', 'gift', 'time_help',
                      'emotional_support', 'advice', 'introduction', 'hospitality', 'money',
                      'digital', 'slight')),
    what          TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
    note          TEXT NOT NULL DEFAULT '',
    value         INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    initiative    TEXT CHECK (initiative IN ('asked', 'offered', 'unsolicited')),
    sphere        TEXT CHECK (sphere IN ('personal', 'workplace', 'community')),
    reciprocates  TEXT REFERENCES exchange (id),
    settlement    TEXT CHECK (settlement IN ('open', 'thanked', 'returned', 'no_return_needed')),
    settled_on    TEXT,
    tags          TEXT NOT NULL DEFAULT '[]',
    gratitude     INTEGER CHECK (gratitude BETWEEN 0 AND 4),
    indebtedness  INTEGER CHECK (indebtedness BETWEEN 0 AND 4),
    pressure      INTEGER CHECK (pressure BETWEEN 0 AND 4),
    discomfort    INTEGER CHECK (discomfort BETWEEN 0 AND 4),
    warmth        INTEGER CHECK (warmth BETWEEN 0 AND 4),
    drained       INTEGER CHECK (drained BETWEEN 0 AND 4),
    expectation   INTEGER CHECK (expectation BETWEEN 0 AND 4),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);

CREATE INDEX exchange_by_date ON exchange (occurred_on, seq);
CREATE INDEX exchange_by_person ON exchange (person_id, occurred_on);
CREATE INDEX exchange_by_reciprocates ON exchange (reciprocates) WHERE reciprocates IS NOT NULL;

CREATE TABLE checkin (
    id            TEXT PRIMARY KEY NOT NULL,
    on_date       TEXT NOT NULL,
    mood          INTEGER NOT NULL CHECK (mood BETWEEN -2 AND 2),
    energy        INTEGER NOT NULL CHECK (energy BETWEEN -2 AND 2),
    owing         INTEGER NOT NULL CHECK (owing BETWEEN 0 AND 4),
    worry         INTEGER NOT NULL CHECK (worry BETWEEN 0 AND 4),
    pressured     INTEGER NOT NULL CHECK (pressured BETWEEN 0 AND 4),
    exhaustion    INTEGER NOT NULL CHECK (exhaustion BETWEEN 0 AND 4),
    reflection    TEXT NOT NULL DEFAULT '',
    prompt        TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);

CREATE INDEX checkin_by_date ON checkin (on_date);

-- The search index: what, note, tags and the person's name, kept in step by triggers.
CREATE VIRTUAL TABLE exchange_fts USING fts5 (what, note, tags, person_name);

CREATE TRIGGER exchange_fts_insert AFTER INSERT ON exchange BEGIN
    INSERT INTO exchange_fts (rowid, what, note, tags, person_name)
    VALUES (new.seq, new.what, new.note, new.tags,
            (SELECT name FROM person WHERE id = new.person_id));
END;

CREATE TRIGGER exchange_fts_update AFTER UPDATE OF what, note, tags, person_id ON exchange BEGIN
    DELETE FROM exchange_fts WHERE rowid = old.seq;
    INSERT INTO exchange_fts (rowid, what, note, tags, person_name)
    VALUES (new.seq, new.what, new.note, new.tags,
            (SELECT name FROM person WHERE id = new.person_id));
END;

CREATE TRIGGER exchange_fts_delete AFTER DELETE ON exchange BEGIN
    DELETE FROM exchange_fts WHERE rowid = old.seq;
END;

CREATE TRIGGER person_fts_rename AFTER UPDATE OF name ON person BEGIN
    UPDATE exchange_fts SET person_name = new.name
    WHERE rowid IN (SELECT seq FROM exchange WHERE person_id = new.id);
END;
