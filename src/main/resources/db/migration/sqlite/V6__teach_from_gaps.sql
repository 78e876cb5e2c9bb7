-- A curator can answer a content gap by adding its question to the questions a section answers
-- (Curation.teach). A gap keeps what the reader was offered: whether the question was asked as a
-- follow-up (its words then lean on the turn before, so it is not taught), and the closest
-- sections ("<doc id>#<heading>", one per line). The journal of changes in flight gains the kind
-- 'teach' and what finishing one needs: the gap to close and the note for the version history.
-- SQLite cannot change a CHECK constraint, so the (normally empty) journal is copied over.

ALTER TABLE gaps ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0;
ALTER TABLE gaps ADD COLUMN sections TEXT NOT NULL DEFAULT '';

CREATE TABLE changes_v6 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('approve', 'review', 'teach')),
  doc_path TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  hash_before TEXT,
  hash_after TEXT NOT NULL,
  content TEXT NOT NULL,
  actor TEXT NOT NULL,
  submission_id INTEGER REFERENCES submissions (id),
  created_at TEXT NOT NULL,
  note TEXT,
  gap_key TEXT,
  gap_language TEXT
);
INSERT INTO changes_v6 (id, kind, doc_path, doc_id, hash_before, hash_after, content, actor,
  submission_id, created_at)
  SELECT id, kind, doc_path, doc_id, hash_before, hash_after, content, actor, submission_id,
    created_at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_v6 RENAME TO changes;
