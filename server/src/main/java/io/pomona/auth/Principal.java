package io.pomona.auth;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who a request acts as, once its token has been accepted.
 *
 * @param key the active key that signed the token
 * @param team the key's team: every read and write of the request is scoped to it
 * @param scope the token's {@code scope} entries as sent, when it had one
 * @param expiresAt the token's {@code exp}
 */
public record Principal(ApiKey key, Team team, Optional<List<String>> scope, Instant expiresAt) {

  public Principal {
    scope = scope.map(List::copyOf);
  }
}
