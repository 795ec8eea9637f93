-- Which process executes each running analysis run, and when it last said it still does. A process that finds a
-- run 'running' closes it as interrupted only when the owner is gone (its pid is dead on this host, or, for an
-- owner on another host sharing the folder, its heartbeat is stale), not while the app is still executing it.
CREATE TABLE run_locks (
  run_id INTEGER PRIMARY KEY REFERENCES analysis_runs (id) ON DELETE CASCADE,
  owner_pid INTEGER NOT NULL,
  owner_host TEXT NOT NULL,
  -- Epoch milliseconds of the owner's last heartbeat.
  heartbeat_at INTEGER NOT NULL
) STRICT;
