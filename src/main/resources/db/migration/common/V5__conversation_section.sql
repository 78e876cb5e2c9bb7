-- The section the last turn of a conversation was answered from ("<doc id>#<anchor>", '' when
-- it was not answered from a section), so that "and in spanish?" can answer from the same
-- section of the page's translation. A KB address, nothing about the reader. Portable SQL.

ALTER TABLE conversations ADD COLUMN section TEXT NOT NULL DEFAULT '';
