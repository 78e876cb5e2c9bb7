-- Anonymous conversation context between turns (org.metshub.answer.Conversation): the cancer
-- types, sites and topic words of the last question and its language; never the question, no
-- client data. id_hash is the SHA-256 of the conversation id. Rows expire 30 minutes after
-- their last turn (SqlConversations sweeps them). Portable SQL: this folder serves both
-- dialects; a migration that differs goes in ../sqlite and ../postgresql under one version.

CREATE TABLE conversations (
  id_hash TEXT PRIMARY KEY,
  cancer_types TEXT NOT NULL,
  sites TEXT NOT NULL,
  topic TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('en', 'es')),
  last_used TEXT NOT NULL
);
CREATE INDEX conversations_last_used ON conversations (last_used);
