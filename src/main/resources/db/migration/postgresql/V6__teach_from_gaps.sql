-- A curator can answer a content gap by adding its question to the questions a section answers
-- (Curation.teach). A gap keeps what the reader was offered: whether the question was asked as a
-- follow-up (its words then lean on the turn before, so it is not taught), and the closest
-- sections ("<doc id>#<heading>", one per line). The journal of changes in flight gains the kind
-- 'teach' and what finishing one needs: the gap to close and the note for the version history.

ALTER TABLE gaps ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0;
ALTER TABLE gaps ADD COLUMN sections TEXT NOT NULL DEFAULT '';

ALTER TABLE changes DROP CONSTRAINT changes_kind_check;
ALTER TABLE changes ADD CONSTRAINT changes_kind_check CHECK (kind IN ('approve', 'review', 'teach'));
ALTER TABLE changes ADD COLUMN note TEXT;
ALTER TABLE changes ADD COLUMN gap_key TEXT;
ALTER TABLE changes ADD COLUMN gap_language TEXT;
