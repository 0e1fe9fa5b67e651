package io.pomona.store.jdbc;

import io.pomona.error.Errors;
import io.pomona.store.Page;
import io.pomona.store.StoredResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
public final class ResourceSql {
  public static final String COLUMNS =
      "r.team_id, r.type, r.id, r.attributes, r.created_at, r.updated_at, r.version, r.seq";

  private final Jdbc jdbc;
  private final Json json;

  public ResourceSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public StoredResource insert(
      String teamId, String type, String id, Map<String, Object> attributes, Instant now) {
    Optional<Long> seq =
        jdbc.one(
            "INSERT INTO resources (team_id, type, id, attributes, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, " + jdbc.dialect().jsonParameter() + ", ?, ?, 1)"
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

  public Optional<StoredResource> get(String teamId, String type, String id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM resources r WHERE r.team_id = ? AND r.type = ? AND r.id = ?",
        this::resource,
        teamId,
        type,
        id);
  }

  /**
   * The rows with any of {@code ids}, in id order within each statement (as many as the dialect
   * needs for the list: one on PostgreSQL). The engine's {@code included} follows this order, and
   * without ORDER BY it would be PostgreSQL's heap order, which an update or an export and import
   * reshuffles, so the same request would answer differently (and differently from SQLite, whose
   * index probes return ids in order). Ids are ASCII, so the database's order and Java's agree.
   *
   * <p>The type is a literal, not a parameter: the per-type partial indexes make a bound type a
   * value the plan depends on, and SQLite then plans the statement again on every execution (about
   * 50 µs each time, more than the whole lookup; measured with sqlite-jdbc on the benchmark data).
   * A unique {@code id = ?} lookup skips that planning, which is why {@link #get} may bind it.
   */
  public List<StoredResource> getAll(String teamId, String type, Collection<String> ids) {
    List<StoredResource> found = new ArrayList<>();
    List<Sql> statements = jdbc.dialect().anyOf("r.id", List.copyOf(new LinkedHashSet<>(ids)));
    for (Sql anyId : statements) {
      Sql sql =
          new Sql()
              .add("SELECT " + COLUMNS + " FROM resources r WHERE r.team_id = ? AND r.type = ", teamId)
              .literal(type)
              .add(" AND ")
              .add(anyId)
              .add(" ORDER BY r.id");
      found.addAll(jdbc.list(sql.text(), row -> resource(row, teamId, type), sql.parameters()));
    }
    if (statements.size() > 1) {
      // Several statements (SQLite, hundreds of ids): one id order for all, as SnapshotRows keeps.
      found.sort(Comparator.comparing(StoredResource::id));
    }
    return found;
  }


  /**
   * Replaces the attributes in one statement; when it finds no row to change, a second read tells
   * a missing resource (404) from a stale version (409).
   */
  public StoredResource update(
      String teamId,
      String type,
      String id,
      Map<String, Object> attributes,
      Optional<Long> expectedVersion,
      Instant now) {
    String set =
        "UPDATE resources SET attributes = " + jdbc.dialect().jsonParameter() + ", updated_at = ?, version = version + 1"
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
  public void delete(String teamId, String type, String id) {
    int deleted =
        jdbc.update(
            "DELETE FROM resources WHERE team_id = ? AND type = ? AND id = ?", teamId, type, id);
    if (deleted == 0) {
      throw Errors.notFound(type, id);
    }
  }

  public Page<StoredResource> list(String teamId, String type, Optional<Long> afterSeq, int limit) {
    Limits.requirePositive(limit);
    // One extra row tells whether another page follows; the type is a literal as in getAll.
    Sql page =
        new Sql()
            .add("SELECT " + COLUMNS + " FROM resources r WHERE r.team_id = ? AND r.type = ", teamId)
            .literal(type)
            .add(" AND r.seq > ? ORDER BY r.seq LIMIT ?", afterSeq.orElse(0L), limit + 1);
    List<StoredResource> rows =
        jdbc.list(page.text(), row -> resource(row, teamId, type), page.parameters());
    boolean hasMore = rows.size() > limit;
    return new Page<>(hasMore ? rows.subList(0, limit) : rows, count(teamId, type), hasMore);
  }

  /** How many resources of {@code type} the team has: one row that a trigger keeps in step. */
  public long count(String teamId, String type) {
    return jdbc.number(
        "SELECT coalesce(max(count), 0) FROM resource_counts WHERE team_id = ? AND type = ?",
        teamId,
        type);
  }

  /** A row that starts with {@link #COLUMNS}, read by position (see {@link EdgeSql#edge}). */
  public StoredResource resource(ResultSet row) throws SQLException {
    return resource(row, row.getString(1), row.getString(2));
  }

  /**
   * A row that starts with {@link #COLUMNS}, from a statement that selected on {@code teamId} and
   * {@code type}: those two are not decoded again for every row.
   */
  public StoredResource resource(ResultSet row, String teamId, String type) throws SQLException {
    return new StoredResource(
        teamId,
        type,
        row.getString(3),
        ParsedAttributes.read(json, row.getString(4)),
        jdbc.instant(row, 5),
        jdbc.instant(row, 6),
        row.getLong(7),
        row.getLong(8));
  }

  private StoredResource updated(
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
        jdbc.instant(row, "created_at"),
        now,
        row.getLong("version"),
        row.getLong("seq"));
  }
}
