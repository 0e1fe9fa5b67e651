-- The Apple side: the event log, scheduled transitions and the simulation's own settings.
-- Times are INTEGER milliseconds since the epoch (UTC), read from the simulated clock.

-- Every create, update, delete and state change, in the order it happened. seq is the rowid and
-- never reused (AUTOINCREMENT), so readers such as the webhook dispatcher page after the last seq
-- they saw and never miss or repeat an event.
CREATE TABLE events (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id       TEXT    NOT NULL,
  at            INTEGER NOT NULL,
  event_type    TEXT    NOT NULL,
  resource_type TEXT    NOT NULL,
  resource_id   TEXT    NOT NULL,
  old_state     TEXT,
  new_state     TEXT,
  payload       TEXT    NOT NULL -- a JSON object
);
CREATE INDEX events_by_team ON events (team_id, seq);

-- Transitions of simulated processes. due_at is on the simulated clock; NULL means the transition
-- waits for an operator's decision (a MANUAL policy), and to_state is then set when decided.
-- state: PENDING until it FIRED or was CANCELLED; a PENDING -> FIRED update that changes one row
-- is the claim that makes each transition fire exactly once.
CREATE TABLE transitions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id       TEXT    NOT NULL,
  process       TEXT    NOT NULL,
  resource_type TEXT    NOT NULL,
  resource_id   TEXT    NOT NULL,
  from_state    TEXT    NOT NULL,
  to_state      TEXT,
  due_at        INTEGER,
  state         TEXT    NOT NULL,
  outcome       TEXT,
  reason        TEXT,
  created_at    INTEGER NOT NULL,
  finished_at   INTEGER
);
-- The worker's question: what is due? Only pending rows are indexed.
CREATE INDEX transitions_due ON transitions (due_at, id) WHERE state = 'PENDING';
CREATE INDEX transitions_by_resource ON transitions (team_id, resource_type, resource_id, state);
CREATE INDEX transitions_by_team ON transitions (team_id, id);

-- Named values the simulation keeps across restarts (the clock's offset, policies set at run time).
CREATE TABLE settings (
  name  TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
