-- The general assembly on its day (issue 40): who is in (checked in at the door, or joined from
-- afar), each vote the chair opens and closes, the voices cast on a resolution (one per voter per
-- question: the key), and the board's secret ballot, stored in two tables that share nothing but
-- the question: who voted (no choice), and what was voted (no voter, under a random receipt that
-- orders the table, so that its order says nothing of who voted when).

ALTER TABLE assembly_answers ADD COLUMN checked_in_at TEXT;

ALTER TABLE assembly_items ADD COLUMN vote_status TEXT NOT NULL DEFAULT 'pending'
    CHECK (vote_status IN ('pending', 'open', 'closed'));
ALTER TABLE assembly_items ADD COLUMN opened_at TEXT;
ALTER TABLE assembly_items ADD COLUMN closed_at TEXT;

CREATE TABLE assembly_votes (
    item_id  INTEGER NOT NULL REFERENCES assembly_items (id),
    voice_of INTEGER NOT NULL REFERENCES members (id),  -- whose voice: the voter's own, or a proxy's giver
    cast_by  INTEGER NOT NULL REFERENCES members (id),  -- who cast it: the voter, or the proxy's holder
    choice   TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
    PRIMARY KEY (item_id, voice_of)
) STRICT;

CREATE TABLE assembly_ballot_voices (
    item_id  INTEGER NOT NULL REFERENCES assembly_items (id),
    voice_of INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (item_id, voice_of)
) STRICT;

CREATE TABLE assembly_ballots (
    item_id INTEGER NOT NULL REFERENCES assembly_items (id),
    receipt TEXT NOT NULL,                               -- random, given to the voter alone
    choices TEXT NOT NULL CHECK (json_valid(choices)),   -- the candidates' member ids
    PRIMARY KEY (item_id, receipt)
) STRICT, WITHOUT ROWID;
