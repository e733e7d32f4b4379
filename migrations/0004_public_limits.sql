-- What people without an account create (membership applications, room rental requests), per client
-- address, so that one client cannot flood the staff's queues.
CREATE TABLE public_requests (
    id     INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL,
    client TEXT NOT NULL,
    at     TEXT NOT NULL
) STRICT;
CREATE INDEX public_requests_client ON public_requests (kind, client, at);
