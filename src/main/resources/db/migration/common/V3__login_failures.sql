-- Failed console logins per (user name as typed, client address), for the lockout in
-- org.metshub.curation.Users: a wrong password from one address never locks the account for
-- another address, and a name that is no account counts exactly like one that is, so the
-- answers do not tell which accounts exist. A success deletes the pair's row; rows untouched
-- for a day are swept. (users.failed_logins and users.locked_until, the per-account lockout of
-- version 1, are no longer used.) Portable SQL.

CREATE TABLE login_failures (
  username TEXT NOT NULL,
  client TEXT NOT NULL,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (username, client)
);
CREATE INDEX login_failures_updated ON login_failures (updated_at);
