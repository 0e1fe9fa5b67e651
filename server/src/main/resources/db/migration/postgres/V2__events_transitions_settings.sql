-- The Apple side: the event log, scheduled transitions and the simulation's own settings (the
-- tables of the SQLite schema's V2). Times are the simulated clock's.

-- Every create, update, delete and state change, in the order it happened. Write transactions
-- are serialized (write_lock), so seq is handed out in commit order: readers such as the webhook
-- dispatcher page after the last seq they saw and never miss or repeat an event.
CREATE TABLE events (
  seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id       text COLLATE "C" NOT NULL,
  at            timestamptz      NOT NULL,
  event_type    text             NOT NULL,
  resource_type text COLLATE "C" NOT NULL,
  resource_id   text COLLATE "C" NOT NULL,
  old_state     text,
  new_state     text,
  payload       json             NOT NULL -- a JSON object, its key order kept
);
CREATE INDEX events_by_team ON events (team_id, seq);

-- Transitions of simulated processes. due_at NULL means the transition waits for an operator's
-- decision (to_state is then set when decided). state: PENDING until it FIRED or was CANCELLED; a
-- PENDING -> FIRED update that changes one row, inside a serialized write transaction, is the
-- claim that makes each transition fire exactly once, whichever node gets there first.
CREATE TABLE transitions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id       text COLLATE "C" NOT NULL,
  process       text COLLATE "C" NOT NULL,
  resource_type text COLLATE "C" NOT NULL,
  resource_id   text COLLATE "C" NOT NULL,
  from_state    text             NOT NULL,
  to_state      text,
  due_at        timestamptz,
  state         text             NOT NULL,
  outcome       text,
  reason        text,
  created_at    timestamptz      NOT NULL,
  finished_at   timestamptz
);
-- The worker's question: what is due? Only pending rows are indexed.
CREATE INDEX transitions_due ON transitions (due_at, id) WHERE state = 'PENDING';
CREATE INDEX transitions_by_resource ON transitions (team_id, resource_type, resource_id, state);
CREATE INDEX transitions_by_team ON transitions (team_id, id);

-- Named values the simulation keeps across restarts (the clock's offset, policies set at run time).
CREATE TABLE settings (
  name  text COLLATE "C" NOT NULL PRIMARY KEY,
  value text             NOT NULL
);
