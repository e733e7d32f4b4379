-- A consultation as one aggregate, like an event's seats (migration 0008): every change is one
-- batch whose first statement moves the request's version from the one read to the next. A writer
-- that read an older version is refused here, so its whole batch rolls back and it reads again.
-- (This replaces the per-batch `op_nonce` compare-and-set, which is no longer written.)
CREATE TRIGGER consultations_version_guard BEFORE UPDATE OF version ON consultations
WHEN NEW.version <> OLD.version + 1
BEGIN
    SELECT RAISE(ABORT, 'stale consultation version');
END;

-- How many times the appointment was set or moved: the calendar file's SEQUENCE, so a calendar
-- that imported the first one replaces it (same UID) instead of showing two.
ALTER TABLE consultations ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0;

-- What the requester said each time an appointment did not suit: kept with the request (its data
-- download shows every message, also after a new appointment replaced the one refused) and
-- erased with its personal fields.
CREATE TABLE consultation_messages (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    said_at         TEXT NOT NULL,
    message         TEXT NOT NULL
) STRICT;
CREATE INDEX consultation_messages_of ON consultation_messages (consultation_id);
