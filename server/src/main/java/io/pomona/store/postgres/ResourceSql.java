package io.pomona.store.postgres;

import io.pomona.error.Errors;
import io.pomona.store.Page;
import io.pomona.store.StoredResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL for reading and writing generic resources by id. Lists page by {@code seq} on the index
 * {@code (team_id, type, seq)}, so a page costs one index seek plus the rows it returns, wherever
 * it starts; the total comes from {@code resource_counts}, which a trigger keeps in step with
 * inserts and deletes. Filtered and sorted queries are {@link QuerySql}'s.
 */
final class ResourceSql {
  static final String COLUMNS =
      "r.team_id, r.type, r.id, r.attributes, r.created_at, r.updated_at, r.version, r.seq";

  private final Jdbc jdbc;
  private final Json json;

  ResourceSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  StoredResource insert(
      String teamId, String type, String id, Map<String, Object> attributes, Instant now) {
    Optional<Long> seq =
        jdbc.one(
            "INSERT INTO resources (team_id, type, id, attributes, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, CAST(? AS json), ?, ?, 1)"
                + " ON CONFLICT (team_id, type, id) DO NOTHING RETURNING seq",
            row -> row.getLong(1),
            teamId,
            type,
            id,
            json.writeObject(attributes),
            now,
            now);
    if (seq.isEmpty()) {
      throw Errors.alreadyExists(type, id);
    }
    return new StoredResource(teamId, type, id, attributes, now, now, 1, seq.get());
  }

  Optional<StoredResource> get(String teamId, String type, String id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM resources r WHERE r.team_id = ? AND r.type = ? AND r.id = ?",
        this::resource,
        teamId,
        type,
        id);
  }

  /**
   * The rows with any of {@code ids}: one statement, one index probe per id. In id order, as
   * SQLite's index probes return them: the engine's {@code included} follows this order, and
   * without ORDER BY it would be the heap's, which an update or an export and import reshuffles,
   * so the same request would answer differently (and differently from SQLite).
   */
  List<StoredResource> getAll(String teamId, String type, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.list(
        "SELECT "
            + COLUMNS
            + " FROM resources r WHERE r.team_id = ? AND r.type = ? AND r.id = ANY(?) ORDER BY r.id",
        this::resource,
        teamId,
        type,
        Jdbc.Array.text(new LinkedHashSet<>(ids)));
  }

  /**
   * Replaces the attributes in one statement; when it finds no row to change, a second read tells
   * a missing resource (404) from a stale version (409).
   */
  StoredResource update(
      String teamId,
      String type,
      String id,
      Map<String, Object> attributes,
      Optional<Long> expectedVersion,
      Instant now) {
    String set =
        "UPDATE resources SET attributes = CAST(? AS json), updated_at = ?, version = version + 1"
            + " WHERE team_id = ? AND type = ? AND id = ?";
    String returning = " RETURNING created_at, version, seq";
    String text = json.writeObject(attributes);
    Optional<StoredResource> updated =
        expectedVersion.isPresent()
            ? jdbc.one(
                set + " AND version = ?" + returning,
                row -> updated(row, teamId, type, id, attributes, now),
                text,
                now,
                teamId,
                type,
                id,
                expectedVersion.get())
            : jdbc.one(
                set + returning,
                row -> updated(row, teamId, type, id, attributes, now),
                text,
                now,
                teamId,
                type,
                id);
    return updated.orElseThrow(
        () ->
            get(teamId, type, id).isPresent()
                ? Errors.staleVersion(type, id)
                : Errors.notFound(type, id));
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
    requirePositive(limit);
    // One extra row tells whether another page follows.
    List<StoredResource> rows =
        jdbc.list(
            "SELECT "
                + COLUMNS
                + " FROM resources r"
                + " WHERE r.team_id = ? AND r.type = ? AND r.seq > ? ORDER BY r.seq LIMIT ?",
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

  static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  /** A row of {@link #COLUMNS}. */
  StoredResource resource(ResultSet row) throws SQLException {
    return new StoredResource(
        row.getString("team_id"),
        row.getString("type"),
        row.getString("id"),
        json.readObject(row.getString("attributes")),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"),
        row.getLong("version"),
        row.getLong("seq"));
  }

  private static StoredResource updated(
      ResultSet row,
      String teamId,
      String type,
      String id,
      Map<String, Object> attributes,
      Instant now)
      throws SQLException {
    return new StoredResource(
        teamId,
        type,
        id,
        attributes,
        Jdbc.instant(row, "created_at"),
        now,
        row.getLong("version"),
        row.getLong("seq"));
  }
}
