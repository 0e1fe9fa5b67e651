package io.pomona.store.sqlite;

import io.pomona.error.Errors;
import io.pomona.store.Page;
import io.pomona.store.Relation;
import io.pomona.store.StoreException;
import io.pomona.store.StoredEdge;
import io.pomona.store.StoredResource;
import io.pomona.store.TeamStateCount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL for a whole team's state at once: read it out page by page, write it back exactly
 * (seqs, times, versions, edge positions), and clear it. Operator work, not request work: reads
 * scan the team's rows.
 */
final class TeamStateSql {
  private static final String RESOURCE_COLUMNS =
      "team_id, type, id, attributes, created_at, updated_at, version, seq";
  private static final String EDGE_COLUMNS = "rel, from_type, from_id, to_type, to_id, position";

  private final Jdbc jdbc;
  private final Json json;

  TeamStateSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Page<StoredResource> resources(String teamId, Optional<Long> afterSeq, int limit) {
    ResourceSql.requirePositive(limit);
    List<StoredResource> rows =
        jdbc.list(
            "SELECT " + RESOURCE_COLUMNS + " FROM resources"
                + " WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            this::resource,
            teamId,
            afterSeq.orElse(0L),
            limit + 1);
    long total =
        jdbc.number(
            "SELECT coalesce(sum(count), 0) FROM resource_counts WHERE team_id = ?", teamId);
    return page(rows, limit, total);
  }

  Page<StoredEdge> edges(String teamId, Optional<StoredEdge> after, int limit) {
    ResourceSql.requirePositive(limit);
    String select = "SELECT " + EDGE_COLUMNS + " FROM edges WHERE team_id = ?";
    String order = " ORDER BY rel, from_id, to_id LIMIT ?";
    List<StoredEdge> rows =
        after.isEmpty()
            ? jdbc.list(select + order, TeamStateSql::edge, teamId, limit + 1)
            : jdbc.list(
                select + " AND (rel, from_id, to_id) > (?, ?, ?)" + order,
                TeamStateSql::edge,
                teamId,
                after.get().relation().key(),
                after.get().fromId(),
                after.get().toId(),
                limit + 1);
    long total = jdbc.number("SELECT count(*) FROM edges WHERE team_id = ?", teamId);
    return page(rows, limit, total);
  }

  boolean restoreResources(List<StoredResource> resources) {
    if (resources.isEmpty()) {
      return true;
    }
    boolean keepSeqs = seqsAreFree(resources);
    List<Object[]> rows = new ArrayList<>();
    for (StoredResource resource : resources) {
      if (jdbc.number(
              "SELECT count(*) FROM resources WHERE team_id = ? AND type = ? AND id = ?",
              resource.teamId(),
              resource.type(),
              resource.id())
          > 0) {
        throw Errors.alreadyExists(resource.type(), resource.id());
      }
      rows.add(
          new Object[] {
            keepSeqs ? resource.seq() : null,
            resource.teamId(),
            resource.type(),
            resource.id(),
            json.writeObject(resource.attributes()),
            Millis.of(resource.createdAt()),
            Millis.of(resource.updatedAt()),
            resource.version()
          });
    }
    // A NULL seq makes SQLite pick the next one (AUTOINCREMENT), so fresh seqs follow the given
    // order; an explicit larger seq moves AUTOINCREMENT's high-water mark past it.
    jdbc.batch(
        "INSERT INTO resources (seq, team_id, type, id, attributes, created_at, updated_at,"
            + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return keepSeqs;
  }

  void restoreEdges(String teamId, List<StoredEdge> edges) {
    if (edges.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    long largest = 0;
    for (StoredEdge edge : edges) {
      Relation relation = edge.relation();
      rows.add(
          new Object[] {
            teamId,
            relation.key(),
            relation.fromType(),
            edge.fromId(),
            relation.toType(),
            edge.toId(),
            edge.position()
          });
      largest = Math.max(largest, edge.position());
    }
    jdbc.batch(
        "INSERT INTO edges (team_id, rel, from_type, from_id, to_type, to_id, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        rows);
    int moved =
        jdbc.update(
            "UPDATE counters SET value = max(value, ?) WHERE name = 'edge_position'", largest);
    if (moved != 1) {
      throw new StoreException("the edge_position counter is missing", null);
    }
  }

  TeamStateCount clear(String teamId) {
    if (teamId.equals(StoredResource.GLOBAL_TEAM)) {
      throw new IllegalArgumentException("the global reference data is not a team's state");
    }
    long edges = jdbc.update("DELETE FROM edges WHERE team_id = ?", teamId);
    long resources = jdbc.update("DELETE FROM resources WHERE team_id = ?", teamId);
    return new TeamStateCount(resources, edges);
  }

  private boolean seqsAreFree(List<StoredResource> resources) {
    List<Long> seqs = resources.stream().map(StoredResource::seq).distinct().toList();
    if (seqs.size() != resources.size() || seqs.stream().anyMatch(seq -> seq < 1)) {
      return false;
    }
    for (List<Long> chunk : Chunks.of(seqs)) {
      Sql sql = new Sql().add("SELECT count(*) FROM resources WHERE seq IN (").placeholders(chunk).add(")");
      if (jdbc.number(sql.text(), sql.parameters()) > 0) {
        return false;
      }
    }
    return true;
  }

  private StoredResource resource(ResultSet row) throws SQLException {
    return new StoredResource(
        row.getString("team_id"),
        row.getString("type"),
        row.getString("id"),
        json.readObject(row.getString("attributes")),
        Millis.read(row, "created_at"),
        Millis.read(row, "updated_at"),
        row.getLong("version"),
        row.getLong("seq"));
  }

  private static StoredEdge edge(ResultSet row) throws SQLException {
    return new StoredEdge(
        new Relation(row.getString("rel"), row.getString("from_type"), row.getString("to_type")),
        row.getString("from_id"),
        row.getString("to_id"),
        row.getLong("position"));
  }

  private static <T> Page<T> page(List<T> rows, int limit, long total) {
    boolean hasMore = rows.size() > limit;
    return new Page<>(hasMore ? rows.subList(0, limit) : rows, total, hasMore);
  }
}
