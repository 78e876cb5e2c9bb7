-- Per-client rate limits (suggestions, console logins, reader feedback), kept here rather than
-- in each node's memory so that a client meets the same limit whichever node behind the load
-- balancer serves it (org.metshub.store.RateLimits). One row per (limit, client, window):
-- window is the window's number since the epoch (epoch seconds / window length), client the
-- SHA-256 of the client's address, so no address is kept. Rows older than the previous window
-- are swept as hits come in. Portable SQL.

CREATE TABLE rate_limit_hits (
  bucket TEXT NOT NULL,
  client TEXT NOT NULL,
  window_number BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (bucket, client, window_number)
);
CREATE INDEX rate_limit_hits_window ON rate_limit_hits (bucket, window_number);
