package io.pomona.store.sqlite;

import io.pomona.store.jdbc.Limits;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Json;
import io.pomona.store.jdbc.Sql;
import io.pomona.error.Errors;
import io.pomona.store.Page;
import io.pomona.store.StoredResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL for reading and writing generic resources by id. Lists page by {@code seq} on the index
 * {@code (team_id, type, seq)}, so a page costs one index seek plus the rows it returns, wherever
 * it starts; the total comes from {@code resource_counts}, which triggers keep in step with
 * inserts and deletes. Filtered and sorted queries are {@link QuerySql}'s.
 */
final class ResourceSql {
  private static final String COLUMNS =
      "team_id, type, id, attributes, created_at, updated_at, version, seq";

  private final Jdbc jdbc;
  private final Json json;

  ResourceSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  StoredResource insert(
      String teamId, String type, String id, Map<String, Object> attributes, Instant now) {
    long millis = Millis.of(now);
    Optional<Long> seq =
        jdbc.one(
            "INSERT INTO resources (team_id, type, id, attributes, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1)"
                + " ON CONFLICT (team_id, type, id) DO NOTHING RETURNING seq",
            row -> row.getLong(1),
            teamId,
            type,
            id,
            json.writeObject(attributes),
            millis,
            millis);
    if (seq.isEmpty()) {
      throw Errors.alreadyExists(type, id);
    }
    return new StoredResource(teamId, type, id, attributes, now, now, 1, seq.get());
  }

  Optional<StoredResource> get(String teamId, String type, String id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM resources WHERE team_id = ? AND type = ? AND id = ?",
        this::resource,
        teamId,
        type,
        id);
  }

  /** The rows with any of {@code ids}, a few hundred ids per statement. */
  List<StoredResource> getAll(String teamId, String type, Collection<String> ids) {
    List<StoredResource> found = new ArrayList<>();
    for (List<String> chunk : Chunks.of(List.copyOf(new LinkedHashSet<>(ids)))) {
      Sql sql =
          new Sql()
              .add("SELECT " + COLUMNS + " FROM resources WHERE team_id = ? AND type = ?",
                  teamId, type)
              .add(" AND id IN (")
              .placeholders(chunk)
              .add(")");
      found.addAll(jdbc.list(sql.text(), this::resource, sql.parameters()));
    }
    return found;
  }

  StoredResource update(
      String teamId,
      String type,
      String id,
      Map<String, Object> attributes,
      Optional<Long> expectedVersion,
      Instant now) {
    StoredResource current = get(teamId, type, id).orElseThrow(() -> Errors.notFound(type, id));
    if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
      throw Errors.staleVersion(type, id);
    }
    long version = current.version() + 1;
    // Writes are serialized, so nothing changes the row between the read above and this update.
    jdbc.update(
        "UPDATE resources SET attributes = ?, updated_at = ?, version = ? WHERE seq = ?",
        json.writeObject(attributes),
        Millis.of(now),
        version,
        current.seq());
    return new StoredResource(
        teamId, type, id, attributes, current.createdAt(), now, version, current.seq());
  }

  /** Deletes the row alone; the caller drops its edges. */
  void delete(String teamId, String type, String id) {
    int deleted =
        jdbc.update(
            "DELETE FROM resources WHERE team_id = ? AND type = ? AND id = ?", teamId, type, id);
    if (deleted == 0) {
      throw Errors.notFound(type, id);
    }
  }

  Page<StoredResource> list(String teamId, String type, Optional<Long> afterSeq, int limit) {
    Limits.requirePositive(limit);
    // One extra row tells whether another page follows.
    List<StoredResource> rows =
        jdbc.list(
            "SELECT "
                + COLUMNS
                + " FROM resources"
                + " WHERE team_id = ? AND type = ? AND seq > ? ORDER BY seq LIMIT ?",
            this::resource,
            teamId,
            type,
            afterSeq.orElse(0L),
            limit + 1);
    long total =
        jdbc.number(
            "SELECT coalesce(max(count), 0) FROM resource_counts WHERE team_id = ? AND type = ?",
            teamId,
            type);
    boolean hasMore = rows.size() > limit;
    return new Page<>(hasMore ? rows.subList(0, limit) : rows, total, hasMore);
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
}
