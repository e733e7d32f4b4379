-- E-education sessions, workshops, open days and club meetings; sign-ups without an account, the
-- waiting list, children's data kept with an adult's consent until the retention delay.

-- Reminders 48 h before an event; children's first names and ages erased 30 days after it.
INSERT INTO settings (key, value) VALUES ('event_reminder_hours', '48');
INSERT INTO settings (key, value) VALUES ('children_retention_days', '30');

CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('teacher_training', 'children_workshop', 'open_day', 'club_meeting', 'other')),
    audience          TEXT NOT NULL CHECK (audience IN ('everyone', 'teachers', 'families', 'members')),
    title_fr          TEXT NOT NULL,
    title_en          TEXT NOT NULL,
    description_fr    TEXT NOT NULL DEFAULT '',
    description_en    TEXT NOT NULL DEFAULT '',
    bring_fr          TEXT NOT NULL DEFAULT '',
    bring_en          TEXT NOT NULL DEFAULT '',
    start_local       TEXT NOT NULL,                  -- Paris wall clock, YYYY-MM-DDTHH:MM
    end_local         TEXT NOT NULL,
    start_utc         TEXT NOT NULL,
    end_utc           TEXT NOT NULL,
    in_room           INTEGER NOT NULL CHECK (in_room IN (0, 1)),
    place             TEXT NOT NULL DEFAULT '',
    capacity          INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    max_per_signup    INTEGER NOT NULL CHECK (max_per_signup BETWEEN 1 AND 500),
    age_min           INTEGER,
    age_max           INTEGER,
    partner           TEXT NOT NULL DEFAULT '',
    signup_opens_utc  TEXT NOT NULL,
    signup_closes_utc TEXT NOT NULL,
    asks_children     INTEGER NOT NULL CHECK (asks_children IN (0, 1)),
    club_id           INTEGER REFERENCES clubs (id),
    -- A club meeting generated from its club's rule: the day the rule gave it (kept when moved,
    -- so the rule never creates it twice).
    occurrence_of     TEXT,
    status            TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'cancelled')),
    created_by        INTEGER REFERENCES members (id),
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX events_start ON events (start_utc);
CREATE UNIQUE INDEX events_occurrence ON events (club_id, occurrence_of) WHERE occurrence_of IS NOT NULL;

-- The room, held for an event in the calendar.
ALTER TABLE bookings ADD COLUMN event_id INTEGER REFERENCES events (id);
CREATE UNIQUE INDEX bookings_event ON bookings (event_id) WHERE event_id IS NOT NULL AND status = 'confirmed';

CREATE TABLE registrations (
    id                   INTEGER PRIMARY KEY,
    event_id             INTEGER NOT NULL REFERENCES events (id),
    token_hash           TEXT UNIQUE,
    member_id            INTEGER REFERENCES members (id),
    name                 TEXT NOT NULL,
    email                TEXT NOT NULL,
    phone                TEXT NOT NULL DEFAULT '',
    adults               INTEGER NOT NULL CHECK (adults >= 0),
    children             INTEGER NOT NULL CHECK (children >= 0),
    -- The seats asked for, and those confirmed (0 while waiting).
    seats_requested      INTEGER NOT NULL CHECK (seats_requested >= 1),
    seats                INTEGER NOT NULL CHECK (seats >= 0 AND seats <= seats_requested),
    accept_fewer         INTEGER NOT NULL CHECK (accept_fewer IN (0, 1)),
    status               TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    consent_children_at  TEXT,
    consent_version      TEXT,
    consent_photos       INTEGER NOT NULL DEFAULT 0 CHECK (consent_photos IN (0, 1)),
    children_erased_at   TEXT,
    lang                 TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    present              INTEGER,
    checked_in_at        TEXT,
    promoted_at          TEXT,
    reminded_at          TEXT,
    op_nonce             TEXT,
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    cancelled_at         TEXT,
    CHECK (status <> 'confirmed' OR seats >= 1)
) STRICT;
CREATE INDEX registrations_event ON registrations (event_id, status, id);
-- One sign-up per email and event: a second one changes the first.
CREATE UNIQUE INDEX registrations_email ON registrations (event_id, email) WHERE status <> 'cancelled';
CREATE UNIQUE INDEX registrations_member ON registrations (event_id, member_id) WHERE member_id IS NOT NULL AND status <> 'cancelled';

-- Children's first names and ages, for workshops that ask; erased after the retention delay.
CREATE TABLE registration_children (
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    n               INTEGER NOT NULL,
    first_name      TEXT NOT NULL,
    age             INTEGER NOT NULL,
    PRIMARY KEY (registration_id, n)
) STRICT;
