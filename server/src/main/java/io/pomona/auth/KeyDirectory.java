package io.pomona.auth;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.util.Optional;

/**
 * Where the authenticator finds keys and teams; the server wires it to the store.
 *
 * <p>It is called on every authenticated request, also when the token itself was verified
 * before, so that a revoked or deleted key is refused from the next request on. Implementations
 * must therefore be cheap (an in-memory index or a cache that revocation invalidates) and
 * thread-safe.
 */
public interface KeyDirectory {

  /**
   * The key with this id ({@code kid}), revoked or not; empty when no such key exists.
   *
   * @param keyId the token's {@code kid} header, untrusted input of any content
   */
  Optional<ApiKey> key(String keyId);

  /** The team with this id; empty when no such team exists. */
  Optional<Team> team(String teamId);

  /**
   * A directory answering the lookups of one request (its key, then the key's team) from one state
   * of the data. A directory that checks for changes on every lookup checks once here instead: on
   * the hot path of every request, each check costs a database round trip.
   */
  default KeyDirectory forOneRequest() {
    return this;
  }
}
