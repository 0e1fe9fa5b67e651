package io.pomona.auth;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A key directory over two maps, with revocation as the store would do it. */
final class InMemoryKeyDirectory implements KeyDirectory {
  private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
  private final Map<String, Team> teams = new ConcurrentHashMap<>();

  void add(Team team) {
    teams.put(team.id(), team);
  }

  void add(ApiKey key) {
    keys.put(key.keyId(), key);
  }

  void remove(String keyId) {
    keys.remove(keyId);
  }

  void revoke(String keyId, Instant at) {
    keys.computeIfPresent(
        keyId,
        (id, key) ->
            new ApiKey(
                key.keyId(),
                key.teamId(),
                key.name(),
                key.roles(),
                key.kind(),
                key.userId(),
                key.publicKeyPem(),
                key.createdAt(),
                Optional.of(at)));
  }

  @Override
  public Optional<ApiKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public Optional<Team> team(String teamId) {
    return Optional.ofNullable(teams.get(teamId));
  }
}
