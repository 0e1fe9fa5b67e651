package io.pomona.auth;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The claim checks that depend on the key or on the time (api-facts.md §1). They are cheap and
 * run on every request, cached token or not: a token expires while cached, and a key's team or
 * kind is read fresh from the directory each time.
 */
final class TokenRules {
  private TokenRules() {}

  static void check(TokenClaims claims, ApiKey key, Team team, Instant now, AuthSettings settings) {
    checkIdentity(claims, key, team);
    checkTimes(claims, now, settings);
  }

  /**
   * Team keys: {@code iss} is the team's issuer id ({@code sub} is not Apple's and is ignored).
   * Individual keys: {@code sub} is {@code "user"} and there is no {@code iss} at all.
   */
  private static void checkIdentity(TokenClaims claims, ApiKey key, Team team) {
    switch (key.kind()) {
      case TEAM -> {
        if (!claims.issuer().equals(Optional.of(team.issuerId()))) {
          throw Rejection.WRONG_ISSUER.exception();
        }
      }
      case INDIVIDUAL -> {
        if (claims.issuer().isPresent()) {
          throw Rejection.WRONG_ISSUER.exception();
        }
        if (!claims.subject().equals(Optional.of(TokenFormat.INDIVIDUAL_SUBJECT))) {
          throw Rejection.WRONG_SUBJECT.exception();
        }
      }
    }
  }

  /**
   * Lifetime is {@code exp − iat}, at most the configured maximum (20 minutes) inclusive, or
   * {@link LongLivedScopes#MAX_LIFETIME} for a scope that qualifies. Without {@code iat} the
   * lifetime is measured from now, with the skew allowed (api-facts.md §1, Inf).
   */
  private static void checkTimes(TokenClaims claims, Instant now, AuthSettings settings) {
    Duration skew = settings.clockSkew();
    Instant expiresAt = claims.expiresAt();
    if (now.isAfter(expiresAt.plus(skew))) {
      throw Rejection.EXPIRED.exception();
    }
    if (claims.notBefore().filter(notBefore -> notBefore.isAfter(now.plus(skew))).isPresent()) {
      throw Rejection.NOT_YET_VALID.exception();
    }
    Duration maxLifetime =
        claims.scope().filter(TokenScope::allowsLongLifetime).isPresent()
            ? LongLivedScopes.MAX_LIFETIME
            : settings.maxTokenLifetime();
    if (claims.issuedAt().isPresent()) {
      Instant issuedAt = claims.issuedAt().get();
      if (issuedAt.isAfter(now.plus(skew))) {
        throw Rejection.ISSUED_IN_FUTURE.exception();
      }
      if (!expiresAt.isAfter(issuedAt)) {
        throw Rejection.MALFORMED_CLAIM.exception(); // expires the moment it is issued, or before
      }
      if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
        throw Rejection.LIFETIME_TOO_LONG.exception();
      }
    } else if (Duration.between(now, expiresAt).compareTo(maxLifetime.plus(skew)) > 0) {
      throw Rejection.LIFETIME_TOO_LONG.exception();
    }
  }
}
