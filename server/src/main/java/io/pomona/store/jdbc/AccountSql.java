package io.pomona.store.jdbc;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL for teams and API keys. Duplicates are checked before inserting: write transactions are
 * serialized, so nothing can slip in between.
 */
public final class AccountSql {
  private static final String TEAM_COLUMNS = "id, issuer_id, name, created_at";
  private static final String KEY_COLUMNS =
      "key_id, team_id, name, roles, kind, user_id, public_key_pem, created_at, revoked_at";

  private final Jdbc jdbc;
  private final Json json;

  public AccountSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Team createTeam(Team team) {
    if (team.id().equals(StoredResource.GLOBAL_TEAM)) {
      throw new IllegalArgumentException("'" + team.id() + "' is reserved for global data");
    }
    if (findTeam(team.id()).isPresent()) {
      throw Errors.alreadyExists("teams", team.id());
    }
    if (findTeamByIssuer(team.issuerId()).isPresent()) {
      throw Errors.duplicate("There is already a team with issuer id '" + team.issuerId() + "'");
    }
    jdbc.update(
        "INSERT INTO teams (" + TEAM_COLUMNS + ") VALUES (?, ?, ?, ?)",
        team.id(),
        team.issuerId(),
        team.name(),
        team.createdAt());
    return findTeam(team.id()).orElseThrow();
  }

  public List<Team> teams() {
    return jdbc.list("SELECT " + TEAM_COLUMNS + " FROM teams ORDER BY id", this::team);
  }

  public Optional<Team> findTeam(String teamId) {
    return jdbc.one(
        "SELECT " + TEAM_COLUMNS + " FROM teams WHERE id = ?", this::team, teamId);
  }

  public Optional<Team> findTeamByIssuer(String issuerId) {
    return jdbc.one(
        "SELECT " + TEAM_COLUMNS + " FROM teams WHERE issuer_id = ?", this::team, issuerId);
  }

  public ApiKey insertKey(ApiKey key) {
    if (findTeam(key.teamId()).isEmpty()) {
      throw Errors.notFound("teams", key.teamId());
    }
    if (findKey(key.keyId()).isPresent()) {
      throw Errors.alreadyExists("keys", key.keyId());
    }
    jdbc.update(
        "INSERT INTO api_keys ("
            + KEY_COLUMNS
            + ") VALUES (?, ?, ?, " + jdbc.dialect().jsonbParameter() + ", ?, ?, ?, ?, ?)",
        key.keyId(),
        key.teamId(),
        key.name(),
        json.writeStrings(key.roles()),
        key.kind().name(),
        key.userId().orElse(null),
        key.publicKeyPem(),
        key.createdAt(),
        key.revokedAt().orElse(null));
    return findKey(key.keyId()).orElseThrow();
  }

  public List<ApiKey> keys(String teamId) {
    return jdbc.list(
        "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE team_id = ? ORDER BY created_at, key_id",
        this::key,
        teamId);
  }

  public Optional<ApiKey> findKey(String keyId) {
    return jdbc.one("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_id = ?", this::key, keyId);
  }

  public ApiKey revokeKey(String keyId, Instant at) {
    // COALESCE keeps the first revocation time when a key is revoked twice.
    int changed =
        jdbc.update(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE key_id = ?",
            at,
            keyId);
    if (changed == 0) {
      throw Errors.notFound("keys", keyId);
    }
    return findKey(keyId).orElseThrow();
  }

  private Team team(ResultSet row) throws SQLException {
    return new Team(
        row.getString("id"),
        row.getString("issuer_id"),
        row.getString("name"),
        jdbc.instant(row, "created_at"));
  }

  private ApiKey key(ResultSet row) throws SQLException {
    return new ApiKey(
        row.getString("key_id"),
        row.getString("team_id"),
        row.getString("name"),
        json.readStrings(row.getString("roles")),
        KeyKind.valueOf(row.getString("kind")),
        Optional.ofNullable(row.getString("user_id")),
        row.getString("public_key_pem"),
        jdbc.instant(row, "created_at"),
        jdbc.optionalInstant(row, "revoked_at"));
  }
}
