-- Pomona's first schema for PostgreSQL: the tables of the SQLite schema (its V1), in PostgreSQL's
-- own types. Every name is unqualified, so the schema lands in the connection's current schema
-- (the URL's currentSchema, else public).
--
-- Keys and ids use the "C" collation: they compare as bytes, as in SQLite, whatever the database's
-- locale (sources page by source id in that order).

CREATE TABLE teams (
  id         text COLLATE "C" NOT NULL PRIMARY KEY,
  issuer_id  text COLLATE "C" NOT NULL UNIQUE,
  name       text             NOT NULL,
  created_at timestamptz      NOT NULL
);

CREATE TABLE api_keys (
  key_id         text COLLATE "C" NOT NULL PRIMARY KEY,
  team_id        text COLLATE "C" NOT NULL REFERENCES teams (id),
  name           text             NOT NULL,
  roles          jsonb            NOT NULL, -- JSON array of Apple's UserRole values
  kind           text             NOT NULL,
  user_id        text,
  public_key_pem text             NOT NULL,
  created_at     timestamptz      NOT NULL,
  revoked_at     timestamptz
);
CREATE INDEX api_keys_by_team ON api_keys (team_id, created_at);

-- Generic resources. The logical key is (team_id, type, id); team_id '*' holds global reference
-- data. seq numbers inserts; since write transactions are serialized (see write_lock), numbers
-- are handed out in commit order, so paging after a seq never skips a later insert.
--
-- attributes keeps the JSON text as written (json keeps key order, which jsonb does not) and is
-- what reads return. attribute_values is the same object as jsonb without null members, derived
-- by PostgreSQL so that the two never disagree: filters, sorts and the attribute indexes read it,
-- and there an absent member and a JSON null are both SQL NULL.
CREATE TABLE resources (
  seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id          text COLLATE "C" NOT NULL,
  type             text COLLATE "C" NOT NULL,
  id               text COLLATE "C" NOT NULL,
  attributes       json             NOT NULL,
  attribute_values jsonb GENERATED ALWAYS AS (jsonb_strip_nulls(attributes::jsonb)) STORED,
  created_at       timestamptz      NOT NULL,
  updated_at       timestamptz      NOT NULL,
  version          bigint           NOT NULL,
  CONSTRAINT resources_key UNIQUE (team_id, type, id)
);
CREATE INDEX resources_by_type ON resources (team_id, type, seq);

-- How many resources each (team, type) holds, kept by a trigger: a list's total is then one
-- lookup instead of a count of the type's rows.
CREATE TABLE resource_counts (
  team_id text COLLATE "C" NOT NULL,
  type    text COLLATE "C" NOT NULL,
  count   bigint           NOT NULL,
  PRIMARY KEY (team_id, type)
);

-- SET search_path FROM CURRENT: the function finds its tables in the schema it was created in,
-- whatever the session's search_path.
CREATE FUNCTION count_resources() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO resource_counts AS c (team_id, type, count) VALUES (NEW.team_id, NEW.type, 1)
      ON CONFLICT (team_id, type) DO UPDATE SET count = c.count + 1;
  ELSE
    UPDATE resource_counts SET count = count - 1 WHERE team_id = OLD.team_id AND type = OLD.type;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER resources_count AFTER INSERT OR DELETE ON resources
  FOR EACH ROW EXECUTE FUNCTION count_resources();

-- Store-wide counters. edge_position numbers links in the order they are made: a link added
-- while a client pages through targets lands after every position the client has seen.
CREATE TABLE counters (
  name  text COLLATE "C" NOT NULL PRIMARY KEY,
  value bigint           NOT NULL
);
INSERT INTO counters (name, value) VALUES ('edge_position', 0);

-- One row per link of a relationship. rel is the caller's canonical key; the end types are kept
-- so that deleting a resource drops exactly its edges.
CREATE TABLE edges (
  team_id   text COLLATE "C" NOT NULL,
  rel       text COLLATE "C" NOT NULL,
  from_type text COLLATE "C" NOT NULL,
  from_id   text COLLATE "C" NOT NULL,
  to_type   text COLLATE "C" NOT NULL,
  to_id     text COLLATE "C" NOT NULL,
  position  bigint           NOT NULL,
  PRIMARY KEY (team_id, rel, from_id, to_id)
);
CREATE INDEX edges_targets ON edges (team_id, rel, from_id, position);
CREATE INDEX edges_sources ON edges (team_id, rel, to_id, from_id);
-- Led by type and id (not team) so that deleting a global resource finds its edges in all teams.
CREATE INDEX edges_by_from ON edges (from_type, from_id, team_id);
CREATE INDEX edges_by_to ON edges (to_type, to_id, team_id);

-- Every write transaction locks this one row first (SELECT ... FOR UPDATE) and holds it until it
-- ends, so writes are serialized across every Pomona node that shares this schema, as the store
-- contract requires; reads never touch it.
CREATE TABLE write_lock (
  id smallint NOT NULL PRIMARY KEY CHECK (id = 1)
);
INSERT INTO write_lock (id) VALUES (1);
