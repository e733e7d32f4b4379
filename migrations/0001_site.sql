-- Site content, bookable resources, settings and the audit log.
-- Defaults for the settings the cantine changes (opening hours, prices, budget) live here because the
-- portal cannot run without them; staff edit them afterwards. Demo content is in seed/demo.sql.

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_by INTEGER
) STRICT;

CREATE TABLE site_texts (
    key TEXT PRIMARY KEY,
    fr  TEXT NOT NULL,
    en  TEXT NOT NULL
) STRICT;

CREATE TABLE clubs (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9-]*' AND length(slug) BETWEEN 1 AND 60),
    name_fr          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    description_fr   TEXT NOT NULL DEFAULT '',
    description_en   TEXT NOT NULL DEFAULT '',
    -- Monthly meeting: the n-th (1–4, or -1 for the last) ISO weekday (1 = Monday) at a Paris time.
    rule_ordinal     INTEGER NOT NULL CHECK (rule_ordinal IN (1, 2, 3, 4, -1)),
    rule_weekday     INTEGER NOT NULL CHECK (rule_weekday BETWEEN 1 AND 7),
    rule_time        TEXT NOT NULL CHECK (rule_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 720),
    sort             INTEGER NOT NULL DEFAULT 0,
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE partners (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    url            TEXT NOT NULL DEFAULT '',
    description_fr TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    sort           INTEGER NOT NULL DEFAULT 0,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE board_members (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    role_fr TEXT NOT NULL,
    role_en TEXT NOT NULL,
    sort    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE resources (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('desk', 'room')),
    name_fr        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    description_fr TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    capacity       INTEGER NOT NULL CHECK (capacity > 0),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- Days the cantine is closed besides weekends and public holidays (which are computed).
CREATE TABLE closure_days (
    date      TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    reason_fr TEXT NOT NULL DEFAULT '',
    reason_en TEXT NOT NULL DEFAULT ''
) STRICT;

-- Who changed what: every staff action writes a row, in the same batch as the change itself.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor_id    INTEGER,
    actor_label TEXT NOT NULL,
    action      TEXT NOT NULL,
    target_type TEXT NOT NULL DEFAULT '',
    target_id   TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);

INSERT INTO settings (key, value) VALUES
    ('opening_hours', '[{"weekday":1,"open":"09:00","close":"18:00"},{"weekday":2,"open":"09:00","close":"18:00"},{"weekday":3,"open":"09:00","close":"18:00"},{"weekday":4,"open":"09:00","close":"18:00"},{"weekday":5,"open":"09:00","close":"18:00"}]'),
    ('room_rates', '{"member_half_day_cents":3000,"member_day_cents":5000,"non_member_half_day_cents":9000,"non_member_day_cents":15000}'),
    ('yearly_budget_cents', '6000000'),
    ('founded_year', '2024'),
    ('general_assembly_date', '"2026-06-25"'),
    ('concierge_name', '""'),
    ('contact', '{"address":"","email":"","phone":"","website":""}');
