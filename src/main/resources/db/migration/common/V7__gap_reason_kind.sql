-- A gap keeps its reason's kind and the values the reason names (a heading, a page, words,
-- figures; one per line), so the curator console can say why in the curator's language. Gaps
-- recorded before keep their English text, with no kind.

ALTER TABLE gaps ADD COLUMN reason_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE gaps ADD COLUMN reason_args TEXT NOT NULL DEFAULT '';
