package io.pomona.engine;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;

/** Who an operation runs for: the team whose data it sees, and the key (roles) it acts with. */
public record Caller(Team team, ApiKey key) {
  public String teamId() {
    return team.id();
  }
}
