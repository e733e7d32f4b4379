-- Who takes a seat at an event: everyone who comes, the children (the adult who comes with them
-- takes none), or adults only. Events published before keep counting everyone, except the
-- teacher trainings and the clubs' meetings, which never had children.
ALTER TABLE events ADD COLUMN seats_for TEXT NOT NULL DEFAULT 'everyone'
    CHECK (seats_for IN ('everyone', 'children', 'adults'));
UPDATE events SET seats_for = 'adults' WHERE kind IN ('teacher_training', 'club_meeting');

-- Away from the cantine, the place's street and town (families must find it): asked of every
-- event published or edited from now on; empty for the meeting room.
ALTER TABLE events ADD COLUMN address TEXT NOT NULL DEFAULT '';

-- English texts are stored as staff wrote them: a copy of the French (what the form used to store
-- when none was written) becomes empty again, so English pages can say "(in French)".
UPDATE events SET title_en = '' WHERE title_en = title_fr;
UPDATE events SET description_en = '' WHERE description_en = description_fr;
UPDATE events SET bring_en = '' WHERE bring_en = bring_fr;
