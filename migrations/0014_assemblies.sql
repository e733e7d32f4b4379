-- The general assembly (issue 40): staff prepare it (its date, place, agenda), convene every voter
-- by email, and each voter answers on their private page: I come, I follow from afar, I give my
-- proxy to another voter (who accepts or refuses); I stand for the board.
--
-- Who may vote is never stored: the adhérents on the assembly's date (the portal's one definition,
-- repo::adherent_on), so a member who renews after the convocation is a voter as soon as the fee is
-- recorded.

-- What the statutes say, as a setting staff keep: the quorum (percent of the voters present or
-- represented, 0 for none), the proxies one voter may hold, whether voting from afar is allowed,
-- and the notice (15 days to a month).
INSERT INTO settings (key, value) VALUES
    ('assembly_statutes', '{"quorum_percent":25,"proxies_per_member":2,"remote_voting":true,"notice_days":15}');

CREATE TABLE assemblies (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('ordinary', 'extraordinary')),
    start_local        TEXT NOT NULL,                 -- Paris wall clock, YYYY-MM-DDTHH:MM
    end_local          TEXT NOT NULL,
    start_utc          TEXT NOT NULL,
    end_utc            TEXT NOT NULL,
    in_room            INTEGER NOT NULL CHECK (in_room IN (0, 1)),  -- held in the meeting room (held in the same write)
    place              TEXT NOT NULL DEFAULT '',      -- elsewhere: where
    candidacy_until    TEXT NOT NULL,                 -- last day to stand for the board, YYYY-MM-DD
    status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'convened', 'closed')),
    -- The statutes as they stood when it was prepared: a later change of the setting does not
    -- change the rules of an assembly already called.
    quorum_percent     INTEGER NOT NULL CHECK (quorum_percent BETWEEN 0 AND 100),
    proxies_per_member INTEGER NOT NULL CHECK (proxies_per_member BETWEEN 0 AND 10),
    remote_voting      INTEGER NOT NULL CHECK (remote_voting IN (0, 1)),
    notice_days        INTEGER NOT NULL CHECK (notice_days BETWEEN 15 AND 31),
    convened_at        TEXT,
    created_by         INTEGER REFERENCES members (id),
    op_nonce           TEXT UNIQUE,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (end_utc > start_utc),
    CHECK (in_room = 1 OR place <> '')
) STRICT;

-- The agenda, in order: items to read, resolutions with their majority, the board's election
-- with its seats, and "Questions diverses" last. Bodies are Markdown, as the library's.
CREATE TABLE assembly_items (
    id          INTEGER PRIMARY KEY,
    assembly_id INTEGER NOT NULL REFERENCES assemblies (id),
    position    INTEGER NOT NULL CHECK (position > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('information', 'resolution', 'election', 'questions')),
    title_fr    TEXT NOT NULL,
    title_en    TEXT NOT NULL DEFAULT '',
    body_fr     TEXT NOT NULL DEFAULT '',
    body_en     TEXT NOT NULL DEFAULT '',
    majority    TEXT CHECK (majority IN ('simple', 'absolute', 'two_thirds')),
    seats       INTEGER CHECK (seats BETWEEN 1 AND 30),
    UNIQUE (assembly_id, position),
    CHECK ((kind = 'resolution') = (majority IS NOT NULL)),
    CHECK ((kind = 'election') = (seats IS NOT NULL))
) STRICT;

-- A voter's answers: how they take part, and whether they stand for the board. A row exists once
-- they answered something; its absence means "not answered yet", never "may not vote".
CREATE TABLE assembly_answers (
    assembly_id  INTEGER NOT NULL REFERENCES assemblies (id),
    member_id    INTEGER NOT NULL REFERENCES members (id),
    intent       TEXT CHECK (intent IN ('present', 'remote', 'proxy')),
    proxy_to     INTEGER REFERENCES members (id),
    proxy_status TEXT CHECK (proxy_status IN ('asked', 'accepted', 'refused')),
    candidate    INTEGER NOT NULL DEFAULT 0 CHECK (candidate IN (0, 1)),
    answered_at  TEXT NOT NULL,
    PRIMARY KEY (assembly_id, member_id),
    CHECK ((intent IS 'proxy') = (proxy_to IS NOT NULL)),
    CHECK ((proxy_to IS NULL) = (proxy_status IS NULL)),
    CHECK (proxy_to IS NULL OR proxy_to <> member_id)
) STRICT;
CREATE INDEX assembly_answers_holder ON assembly_answers (assembly_id, proxy_to) WHERE proxy_to IS NOT NULL;

-- The room an assembly holds is a block like an event's.
ALTER TABLE bookings ADD COLUMN assembly_id INTEGER REFERENCES assemblies (id);
