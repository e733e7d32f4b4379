-- The booking calendar: member bookings, staff blocks, room rentals; the calendar feed token.

INSERT INTO settings (key, value) VALUES
    ('booking_rules', '{"horizon_days":60,"desk_morning":["09:00","13:00"],"desk_afternoon":["13:00","18:00"],"room_slot_minutes":30,"room_min_minutes":30,"room_max_minutes":240,"room_weekly_quota_minutes":360,"room_cancel_notice_hours":24}');

ALTER TABLE members ADD COLUMN calendar_token_hash TEXT;
CREATE UNIQUE INDEX members_calendar_token ON members (calendar_token_hash) WHERE calendar_token_hash IS NOT NULL;

CREATE TABLE rentals (
    id             INTEGER PRIMARY KEY,
    organisation   TEXT NOT NULL,
    contact_name   TEXT NOT NULL,
    email          TEXT NOT NULL,
    phone          TEXT NOT NULL DEFAULT '',
    day            TEXT NOT NULL,
    period         TEXT NOT NULL CHECK (period IN ('morning', 'afternoon', 'day')),
    start_local    TEXT NOT NULL,
    end_local      TEXT NOT NULL,
    start_utc      TEXT NOT NULL,
    end_utc        TEXT NOT NULL,
    attendees      INTEGER NOT NULL CHECK (attendees BETWEEN 1 AND 200),
    needs_visio    INTEGER NOT NULL DEFAULT 0 CHECK (needs_visio IN (0, 1)),
    message        TEXT NOT NULL DEFAULT '',
    lang           TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    price_cents    INTEGER NOT NULL CHECK (price_cents >= 0),
    status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined', 'cancelled')),
    token_hash     TEXT NOT NULL UNIQUE,              -- the requester's private link, hashed
    decline_reason TEXT,
    decided_by     INTEGER REFERENCES members (id),
    decided_at     TEXT,
    op_nonce       TEXT UNIQUE,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE TABLE bookings (
    id              INTEGER PRIMARY KEY,
    resource_id     INTEGER NOT NULL REFERENCES resources (id),
    kind            TEXT NOT NULL CHECK (kind IN ('member', 'rental', 'block')),
    member_id       INTEGER REFERENCES members (id),
    rental_id       INTEGER REFERENCES rentals (id),
    day             TEXT NOT NULL,                    -- Paris date
    start_local     TEXT NOT NULL,                    -- Paris wall clock, YYYY-MM-DDTHH:MM
    end_local       TEXT NOT NULL,
    start_utc       TEXT NOT NULL,                    -- instants, for overlaps and feeds
    end_utc         TEXT NOT NULL,
    period          TEXT CHECK (period IN ('morning', 'afternoon', 'day')),
    minutes         INTEGER NOT NULL,
    week            TEXT NOT NULL,                    -- ISO week, for the room quota
    status          TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
    reason          TEXT NOT NULL DEFAULT '',         -- a block's reason
    booked_by       INTEGER REFERENCES members (id),
    idempotency_key TEXT,
    checked_in_at   TEXT,
    no_show         INTEGER NOT NULL DEFAULT 0 CHECK (no_show IN (0, 1)),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    cancelled_at    TEXT,
    CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX bookings_resource_time ON bookings (resource_id, start_utc) WHERE status = 'confirmed';
CREATE INDEX bookings_member ON bookings (member_id, start_utc);
CREATE INDEX bookings_day ON bookings (day);
-- A phone retrying a request with the same Idempotency-Key creates one booking.
CREATE UNIQUE INDEX bookings_idempotency ON bookings (member_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- A rental books the room once.
CREATE UNIQUE INDEX bookings_rental ON bookings (rental_id) WHERE rental_id IS NOT NULL AND status = 'confirmed';
