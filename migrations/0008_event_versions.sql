-- The event as one aggregate: every change to its seats (a sign-up, a change of seats, a
-- cancellation, a new capacity, the promotions they cause) is one batch whose first statement moves
-- the event's version from the one read to the next. A writer that read an older version is
-- refused by the trigger, so its whole batch rolls back and it reads again.
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER events_version_guard BEFORE UPDATE OF version ON events
WHEN NEW.version <> OLD.version + 1
BEGIN
    SELECT RAISE(ABORT, 'stale event version');
END;

-- A batch's assertion: inserting a false value aborts the whole batch (nothing is ever stored).
-- `room_held`: an event in the meeting room holds it in the same batch that publishes or moves it.
CREATE VIEW batch_checks AS SELECT 1 AS room_held;
CREATE TRIGGER batch_checks_room_held INSTEAD OF INSERT ON batch_checks
WHEN NOT NEW.room_held
BEGIN
    SELECT RAISE(ABORT, 'room not held');
END;

-- A sign-up's private links. A second sign-up with the same email gets no link: a new one is
-- emailed to that address, and the first one keeps working.
CREATE TABLE registration_links (
    token_hash      TEXT PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX registration_links_registration ON registration_links (registration_id);
INSERT INTO registration_links (token_hash, registration_id)
    SELECT token_hash, id FROM registrations WHERE token_hash IS NOT NULL;
UPDATE registrations SET token_hash = NULL;

-- The operation that last wrote an event (creating it and holding the room in one batch).
ALTER TABLE events ADD COLUMN op_nonce TEXT;
