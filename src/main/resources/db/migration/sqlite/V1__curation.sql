-- MetsHub operational data, SQLite dialect. Keep in step with ../postgresql/V1__curation.sql:
-- the two differ only in how an id is generated. Times are ISO-8601 UTC text, flags 0/1.

CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('curator', 'admin')),
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE submissions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  reference TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  url_key TEXT NOT NULL,
  description TEXT NOT NULL,
  cancer_types TEXT NOT NULL,
  countries TEXT NOT NULL,
  contact TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approving', 'approved', 'rejected')),
  created_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  reason TEXT,
  publish_status TEXT,
  doc_id TEXT,
  doc_path TEXT
);
-- One open or approved suggestion per resource; a rejected one may be suggested again.
CREATE UNIQUE INDEX submissions_open_url ON submissions (url_key) WHERE status <> 'rejected';
CREATE INDEX submissions_status ON submissions (status, created_at);

-- Changes to KB files in flight: written (committed) before the file, deleted in the same
-- transaction that records the result. One per file at a time. What is left after a crash is
-- finished or undone on start (see Curation.recover).
CREATE TABLE changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('approve', 'review')),
  doc_path TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  hash_before TEXT,
  hash_after TEXT NOT NULL,
  content TEXT NOT NULL,
  actor TEXT NOT NULL,
  submission_id INTEGER REFERENCES submissions (id),
  created_at TEXT NOT NULL
);

CREATE TABLE doc_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  version TEXT,
  path TEXT NOT NULL,
  content TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  note TEXT NOT NULL,
  UNIQUE (doc_id, seq)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  hash_before TEXT,
  hash_after TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  question TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  helpful INTEGER NOT NULL,
  comment TEXT NOT NULL
);

-- Abstained questions, scrubbed and grouped by normalised text: counts only, no client data.
CREATE TABLE gaps (
  group_key TEXT NOT NULL,
  language TEXT NOT NULL,
  question TEXT NOT NULL,
  reason TEXT NOT NULL,
  count INTEGER NOT NULL,
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  PRIMARY KEY (group_key, language)
);
