-- Insight state: insights the user dismissed or snoozed, and settings (the insight
-- thresholds among them) stored as JSON text under a key.

CREATE TABLE insight_dismissal (
    insight_id  TEXT PRIMARY KEY NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('dismissed', 'snoozed')),
    until_date  TEXT,
    severity    TEXT NOT NULL CHECK (severity IN ('note', 'notice', 'concern')),
    strength    REAL NOT NULL,
    on_date     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (action = 'dismissed' OR until_date IS NOT NULL)
);

CREATE TABLE setting (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
