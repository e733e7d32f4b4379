-- A library resource in English beside the French: staff may write its title, summary and text
-- in English; empty means written in French only (an English reader then gets the French, with a
-- note saying so). The French stays the resource's own text: its address, search and order.
ALTER TABLE library_items ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
ALTER TABLE library_items ADD COLUMN summary_en TEXT NOT NULL DEFAULT '';
ALTER TABLE library_items ADD COLUMN body_en TEXT NOT NULL DEFAULT '';
