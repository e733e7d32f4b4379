-- Consultations for SME owners and artisans: a request without an account, a private link, a
-- member who volunteers on its topics, an appointment (the room or a desk held in the calendar),
-- and a public library of resources written by staff.

-- Personal fields of a request are blanked this many days after it is closed (two years); its
-- trade, town, size, topics and dates stay for the statistics.
INSERT INTO settings (key, value) VALUES ('consultation_retention_days', '730');

-- The topics a business can ask about (France Num's list, edited by staff). A topic is never
-- deleted, only hidden, so old requests and resources keep their words.
CREATE TABLE consultation_topics (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO consultation_topics (slug, label_fr, label_en, position) VALUES
    ('website', 'Site internet', 'Website', 1),
    ('online-shop', 'Boutique en ligne', 'Online shop', 2),
    ('online-booking', 'Prise de rendez-vous en ligne', 'Online booking', 3),
    ('social-networks', 'Réseaux sociaux', 'Social networks', 4),
    ('maps-listings', 'Cartes et fiches en ligne', 'Maps and online listings', 5),
    ('invoicing', 'Facturation et comptabilité', 'Invoicing and accounting tools', 6),
    ('online-payment', 'Paiement en ligne', 'Online payment', 7),
    ('email-newsletters', 'Courriel et lettres d''information', 'Email and newsletters', 8),
    ('security-backups', 'Cybersécurité et sauvegardes', 'Cybersecurity and backups', 9),
    ('other', 'Autre', 'Other', 10);

-- The library: guides, checklists and links, in Markdown (rendered and sanitised by the worker).
CREATE TABLE library_items (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('guide', 'checklist', 'link')),
    -- NULL: every business; else the trade it is written for.
    audience   TEXT CHECK (audience IN ('artisan', 'shop', 'sme', 'liberal', 'association', 'other')),
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    published  INTEGER NOT NULL DEFAULT 1 CHECK (published IN (0, 1)),
    updated_by INTEGER REFERENCES members (id),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE TABLE library_item_topics (
    item_id  INTEGER NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES consultation_topics (id),
    PRIMARY KEY (item_id, topic_id)
) STRICT;

-- Members who volunteer: on which topics, and how many new consultations a month at most.
ALTER TABLE members ADD COLUMN volunteer INTEGER NOT NULL DEFAULT 0 CHECK (volunteer IN (0, 1));
ALTER TABLE members ADD COLUMN volunteer_cap INTEGER NOT NULL DEFAULT 2 CHECK (volunteer_cap BETWEEN 1 AND 20);
CREATE TABLE volunteer_topics (
    member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    topic_id  INTEGER NOT NULL REFERENCES consultation_topics (id),
    PRIMARY KEY (member_id, topic_id)
) STRICT;

CREATE TABLE consultations (
    id              INTEGER PRIMARY KEY,
    -- The private link (we keep its hash); NULL once the personal fields are erased.
    token_hash      TEXT UNIQUE,
    business        TEXT NOT NULL,
    trade           TEXT NOT NULL CHECK (trade IN ('artisan', 'shop', 'sme', 'liberal', 'association', 'other')),
    size            TEXT CHECK (size IN ('solo', 'small', 'medium', 'large')),
    town            TEXT NOT NULL,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT NOT NULL DEFAULT '',
    goal            TEXT NOT NULL,
    mornings        INTEGER NOT NULL CHECK (mornings IN (0, 1)),
    afternoons      INTEGER NOT NULL CHECK (afternoons IN (0, 1)),
    evenings        INTEGER NOT NULL CHECK (evenings IN (0, 1)),
    lang            TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    consent_at      TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'assigned', 'scheduled', 'done', 'declined', 'cancelled')),
    -- The member it is offered to (assigned) or who has it (accepted_at set).
    volunteer_id    INTEGER REFERENCES members (id),
    assigned_at     TEXT,
    accepted_at     TEXT,
    -- Why a request came back to the board: the volunteer declined, or left it unanswered.
    returned        TEXT CHECK (returned IN ('declined', 'unanswered')),
    start_local     TEXT,
    end_local       TEXT,
    start_utc       TEXT,
    end_utc         TEXT,
    place           TEXT CHECK (place IN ('cantine', 'phone', 'video')),
    scheduled_at    TEXT,
    -- The requester said the appointment does not suit (cleared when a new one is set).
    unsuitable      TEXT,
    closed_at       TEXT,
    close_note      TEXT NOT NULL DEFAULT '',
    decline_reason  TEXT NOT NULL DEFAULT '',
    feedback_useful INTEGER CHECK (feedback_useful IN (0, 1)),
    feedback_note   TEXT NOT NULL DEFAULT '',
    feedback_at     TEXT,
    reminded_at     TEXT,
    erased_at       TEXT,
    -- The nonce of the batch that last changed it: the batch's later statements apply only if its first did.
    op_nonce        TEXT,
    version         INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    CHECK (status NOT IN ('assigned', 'scheduled') OR volunteer_id IS NOT NULL),
    CHECK (status <> 'scheduled' OR (start_utc IS NOT NULL AND place IS NOT NULL)),
    CHECK (end_utc IS NULL OR end_utc > start_utc)
) STRICT;
CREATE INDEX consultations_status ON consultations (status, created_at);
CREATE INDEX consultations_volunteer ON consultations (volunteer_id, status);

CREATE TABLE consultation_topics_asked (
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    topic_id        INTEGER NOT NULL REFERENCES consultation_topics (id),
    PRIMARY KEY (consultation_id, topic_id)
) STRICT;

-- Each time a request is offered to a volunteer, and how it ended: accepted, declined (with the
-- volunteer's reason, for staff), withdrawn (staff gave it to someone else) or unanswered.
CREATE TABLE consultation_offers (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    member_id       INTEGER NOT NULL REFERENCES members (id),
    offered_by      INTEGER REFERENCES members (id),
    offered_at      TEXT NOT NULL,
    answer          TEXT CHECK (answer IN ('accepted', 'declined', 'withdrawn', 'unanswered')),
    answered_at     TEXT,
    reason          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX consultation_offers_member ON consultation_offers (member_id, offered_at);
CREATE INDEX consultation_offers_consultation ON consultation_offers (consultation_id);
-- At most one open offer per request.
CREATE UNIQUE INDEX consultation_offers_open ON consultation_offers (consultation_id) WHERE answer IS NULL;

-- The resources the volunteer recommends when the consultation is done.
CREATE TABLE consultation_resources (
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    item_id         INTEGER NOT NULL REFERENCES library_items (id),
    PRIMARY KEY (consultation_id, item_id)
) STRICT;

-- An appointment at the cantine holds the room (a block) or a desk (a booking in the volunteer's
-- name) in the calendar, in the same batch that sets it.
ALTER TABLE bookings ADD COLUMN consultation_id INTEGER REFERENCES consultations (id);
CREATE UNIQUE INDEX bookings_consultation ON bookings (consultation_id) WHERE consultation_id IS NOT NULL AND status = 'confirmed';
