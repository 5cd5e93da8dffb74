-- Requests (asks): what one person asked of the other, the answer, whether it was done, and
-- how being asked felt. Vocabularies and ranges are checked here as a last line of defence;
-- the model validates first and names the field. An exchange may name the request it
-- fulfils.

-- seq is an explicit INTEGER PRIMARY KEY so VACUUM never renumbers the rowids the
-- full-text index refers to.
CREATE TABLE request (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    person_id         TEXT NOT NULL REFERENCES person (id),
    direction         TEXT NOT NULL CHECK (direction IN ('to_you', 'by_you')),
    on_date           TEXT NOT NULL,
    what              TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
    size              INTEGER NOT NULL CHECK (size BETWEEN 1 AND 5),
    answer            TEXT NOT NULL CHECK (answer IN ('agreed', 'declined', 'partly', 'pending')),
    followed_through  TEXT CHECK (followed_through IN ('yes', 'no', 'not_yet')),
    pressure          INTEGER CHECK (pressure BETWEEN 0 AND 4),
    obligation        INTEGER CHECK (obligation BETWEEN 0 AND 4),
    free_to_refuse    INTEGER CHECK (free_to_refuse BETWEEN 0 AND 4),
    sweetened         INTEGER NOT NULL DEFAULT 0 CHECK (sweetened IN (0, 1)),
    follows           TEXT REFERENCES request (id),
    note              TEXT NOT NULL DEFAULT '',
    tags              TEXT NOT NULL DEFAULT '[]',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    -- Something can be done only after a yes.
    CHECK (followed_through IS NULL OR answer IN ('agreed', 'partly')),
    -- The journal knows only how being asked felt to the user.
    CHECK (direction = 'to_you'
           OR (pressure IS NULL AND obligation IS NULL AND free_to_refuse IS NULL))
);

CREATE INDEX request_by_date ON request (on_date, seq);
CREATE INDEX request_by_person ON request (person_id, on_date);

ALTER TABLE exchange ADD COLUMN fulfils TEXT REFERENCES request (id);

CREATE INDEX exchange_by_fulfils ON exchange (fulfils) WHERE fulfils IS NOT NULL;

-- The search index over asks: what, note, tags and the person's name, kept in step by
-- triggers, as for exchanges.
CREATE VIRTUAL TABLE request_fts USING fts5 (what, note, tags, person_name);

CREATE TRIGGER request_fts_insert AFTER INSERT ON request BEGIN
    INSERT INTO request_fts (rowid, what, note, tags, person_name)
    VALUES (new.seq, new.what, new.note, new.tags,
            (SELECT name FROM person WHERE id = new.person_id));
END;

CREATE TRIGGER request_fts_update AFTER UPDATE OF what, note, tags, person_id ON request BEGIN
    DELETE FROM request_fts WHERE rowid = old.seq;
    INSERT INTO request_fts (rowid, what, note, tags, person_name)
    VALUES (new.seq, new.what, new.note, new.tags,
            (SELECT name FROM person WHERE id = new.person_id));
END;

CREATE TRIGGER request_fts_delete AFTER DELETE ON request BEGIN
    DELETE FROM request_fts WHERE rowid = old.seq;
END;

CREATE TRIGGER person_request_fts_rename AFTER UPDATE OF name ON person BEGIN
    UPDATE request_fts SET person_name = new.name
    WHERE rowid IN (SELECT seq FROM request WHERE person_id = new.id);
END;
