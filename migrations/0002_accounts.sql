-- Accounts, membership, sessions, single-use tokens, login throttling and the email outbox.

CREATE TABLE members (
    id               INTEGER PRIMARY KEY,
    email            TEXT NOT NULL UNIQUE,            -- lower-cased by the domain before storing
    name             TEXT NOT NULL,
    phone            TEXT NOT NULL DEFAULT '',
    company          TEXT NOT NULL DEFAULT '',
    skills           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
    bio              TEXT NOT NULL DEFAULT '',
    in_directory     INTEGER NOT NULL DEFAULT 0 CHECK (in_directory IN (0, 1)),
    lang             TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    role             TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'staff', 'admin')),
    -- active: can log in; deactivated: by staff; deleted: personal data erased at the member's request.
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated', 'deleted')),
    password_hash    TEXT,                             -- Argon2id PHC string; NULL until the invitation is used
    membership_until TEXT,                             -- last day of the paid period (YYYY-MM-DD)
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX members_until ON members (membership_until) WHERE status = 'active';

CREATE TABLE applications (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL,
    name           TEXT NOT NULL,
    phone          TEXT NOT NULL DEFAULT '',
    company        TEXT NOT NULL DEFAULT '',
    skills         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
    motivation     TEXT NOT NULL DEFAULT '',
    clubs          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(clubs)),
    lang           TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    consent_at     TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
    decline_reason TEXT,
    decided_by     INTEGER REFERENCES members (id),
    decided_at     TEXT,
    member_id      INTEGER REFERENCES members (id),
    -- A random value written by the request that last changed this row: the later statements of the
    -- same batch act only if it is theirs (D1 has no interactive transactions).
    op_nonce       TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE UNIQUE INDEX applications_op_nonce ON applications (op_nonce);
-- One pending application per email: a second one is refused by the database itself.
CREATE UNIQUE INDEX applications_one_pending ON applications (email) WHERE status = 'pending';

CREATE TABLE member_clubs (
    member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    club_id   INTEGER NOT NULL REFERENCES clubs (id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (member_id, club_id)
) STRICT;

-- Membership fees. Kept for the association's accounts when a member erases their data (the member
-- row then carries no identity).
CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members (id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents BETWEEN 0 AND 1000000),
    paid_on      TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cash', 'cheque', 'transfer', 'card')),
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    recorded_by  INTEGER REFERENCES members (id),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX payments_member ON payments (member_id);

-- Only the SHA-256 of a session id is stored: a leaked table cannot be replayed.
CREATE TABLE sessions (
    id_hash          TEXT PRIMARY KEY,
    member_id        INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at       TEXT NOT NULL,
    last_seen_at     TEXT NOT NULL,
    idle_expires_at  TEXT NOT NULL,
    expires_at       TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_member ON sessions (member_id);

-- Single-use links sent by email (invitation: 72 h; password reset: 1 h). Hash only.
CREATE TABLE tokens (
    hash       TEXT PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT;

CREATE TABLE login_attempts (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    email   TEXT NOT NULL,
    client  TEXT NOT NULL,
    success INTEGER NOT NULL CHECK (success IN (0, 1))
) STRICT;
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_client ON login_attempts (client, at);

-- Every email is stored here first, then sent by the scheduled run. dedupe_key makes a reminder
-- impossible to queue twice.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    to_email   TEXT NOT NULL,
    member_id  INTEGER REFERENCES members (id) ON DELETE SET NULL,
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body_text  TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    lang       TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    dedupe_key TEXT UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at    TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (status, id);
