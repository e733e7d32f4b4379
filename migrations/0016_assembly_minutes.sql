-- After the general assembly (issue 40): it is closed with the names of its chair and secretary
-- (the minutes' signature lines), and its election makes the board: the public board page lists
-- the elected, each with the role the board then gives them (president, treasurer, secretary…).

ALTER TABLE assemblies ADD COLUMN closed_at TEXT;
ALTER TABLE assemblies ADD COLUMN chair TEXT NOT NULL DEFAULT '';
ALTER TABLE assemblies ADD COLUMN secretary TEXT NOT NULL DEFAULT '';

ALTER TABLE board_members ADD COLUMN member_id INTEGER REFERENCES members (id);
ALTER TABLE board_members ADD COLUMN assembly_id INTEGER REFERENCES assemblies (id);
ALTER TABLE board_members ADD COLUMN role TEXT NOT NULL DEFAULT 'member'
    CHECK (role IN ('president', 'vice_president', 'treasurer', 'secretary', 'member'));
