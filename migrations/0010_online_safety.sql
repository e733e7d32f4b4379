-- Safe to put online (issue 34).

-- Devices that signed in before: a long-lived cookie (only its hash is kept here). Failed logins
-- from elsewhere never lock a known device out of its own account.
CREATE TABLE known_devices (
    device_hash  TEXT PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    last_used_at TEXT NOT NULL
) STRICT;
CREATE INDEX known_devices_member ON known_devices (member_id);

-- An email a person is waiting for (the link they just asked for) leaves at once, ahead of
-- reminders; `about` names what it concerns (`event:12`, `consultation:…`, `rental:…`), so erasing
-- that thing removes its emails in the same batch.
ALTER TABLE outbox ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1));
ALTER TABLE outbox ADD COLUMN about TEXT;
CREATE INDEX outbox_about ON outbox (about, to_email);
CREATE INDEX outbox_urgent ON outbox (status, urgent, id);

-- A sign-up remembers the client it came from and the mailbox it reaches (hashes), so one client
-- holds a few live sign-ups per event and one mailbox one, whatever `+tag` it is given.
ALTER TABLE registrations ADD COLUMN client_hash TEXT;
ALTER TABLE registrations ADD COLUMN mailbox_hash TEXT;

-- Limits count per route and per what they count (a client, a mailbox, a link): `kind` is the
-- route and the counter, `client` the hashed key.
CREATE INDEX public_requests_at ON public_requests (at);
