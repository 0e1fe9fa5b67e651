package io.pomona.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.auth.Rejection.TokenRejected;
import io.pomona.error.Errors;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides who a request acts as, from its {@code Authorization} header, exactly as App Store
 * Connect does (api-facts.md §1). Thread-safe; one instance serves the whole server.
 *
 * <p>ES256 verification costs about 0.4 ms (perf-baselines.md), so verified tokens are remembered
 * until they expire, keyed on the whole token. What depends on the request or on the present is
 * checked on every request, remembered or not: the expiry, the key still existing and active
 * (revocation takes effect on the next request), the claims against the key and its team, and
 * the scope against this request.
 */
public final class Authenticator {

  /** Parsed public keys, one per key id and PEM; a handful per team in practice. */
  private static final int VERIFIER_CACHE_SIZE = 10_000;

  private final KeyDirectory keys;
  private final AuthSettings settings;
  private final Clock clock;
  private final Optional<VerifiedTokens<VerifiedToken>> verifiedTokens;
  private final Cache<KeyVersion, JWSVerifier> verifiers;
  private final LongAdder signatureVerifications = new LongAdder();

  public Authenticator(KeyDirectory keys, AuthSettings settings, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Expiry is measured on the injected clock, so tests can move time without sleeping.
    this.verifiedTokens = settings.tokenCacheEnabled()
        ? Optional.of(new VerifiedTokens<>(settings.tokenCacheSize(), clock))
        : Optional.empty();
    this.verifiers = Caffeine.newBuilder().maximumSize(VERIFIER_CACHE_SIZE).build();
  }

  /**
   * The principal of a request whose token is acceptable.
   *
   * @param authorizationHeader the {@code Authorization} value; {@code null} when absent
   * @param method the request method, such as {@code GET}
   * @param path the request path as sent, such as {@code /v1/apps}
   * @param rawQuery the query string as sent, without {@code ?}; {@code null} or empty if none
   * @throws io.pomona.error.ApiException 401 {@code NOT_AUTHORIZED} with Apple's texts, whatever
   *     the reason, so nothing about keys or tokens leaks
   */
  public Principal authenticate(
      String authorizationHeader, String method, String path, String rawQuery) {
    try {
      return principal(authorizationHeader, method, path, rawQuery);
    } catch (TokenRejected rejected) {
      // The reason stays inside: Apple answers every token problem with the same 401 text.
      throw Errors.notAuthorized();
    }
  }

  /** As {@link #authenticate}, but failing with the reason; for tests of this package. */
  Principal principal(String authorizationHeader, String method, String path, String rawQuery) {
    String token = BearerToken.extract(authorizationHeader);
    Instant now = clock.instant();
    VerifiedToken remembered = verifiedTokens.isPresent() ? verifiedTokens.get().get(token) : null;
    if (remembered != null) {
      TokenClaims claims = remembered.claims();
      Access access = admit(claims, now);
      // A key id that now names another public key (a reset, a re-import) must verify again.
      if (access.key().publicKeyPem().equals(remembered.publicKeyPem())) {
        return grant(claims, access, method, path, rawQuery);
      }
    }
    ParsedToken parsed = ParsedToken.parse(token);
    Access access = admit(parsed.claims(), now);
    verifySignature(parsed, access.key());
    verifiedTokens.ifPresent(cache -> cache.put(token,
        new VerifiedToken(parsed.claims(), access.key().publicKeyPem()), forgetAt(parsed.claims())));
    return grant(parsed.claims(), access, method, path, rawQuery);
  }

  /** How many ES256 signatures were checked; tests use it to see the cache at work. */
  long signatureVerifications() {
    return signatureVerifications.sum();
  }

  private Access admit(TokenClaims claims, Instant now) {
    KeyDirectory directory = keys.forOneRequest();
    ApiKey key = directory.key(claims.keyId()).orElseThrow(Rejection.UNKNOWN_KEY::exception);
    if (!key.active()) {
      throw Rejection.REVOKED_KEY.exception();
    }
    Team team = directory.team(key.teamId()).orElseThrow(Rejection.UNKNOWN_TEAM::exception);
    TokenRules.check(claims, key, team, now, settings);
    return new Access(key, team);
  }

  private void verifySignature(ParsedToken parsed, ApiKey key) {
    // Raw R || S only. Nimbus 10.10 refuses other lengths too; this keeps the rule visible and
    // independent of the library version. DER output of SHA256withECDSA is 70–72 bytes.
    if (parsed.jws().getSignature().decode().length != TokenFormat.ES256_SIGNATURE_BYTES) {
      throw Rejection.BAD_SIGNATURE.exception();
    }
    JWSVerifier verifier =
        verifiers.get(new KeyVersion(key.keyId(), key.publicKeyPem()), Authenticator::verifier);
    signatureVerifications.increment();
    boolean valid;
    try {
      valid = parsed.jws().verify(verifier);
    } catch (JOSEException e) {
      throw Rejection.BAD_SIGNATURE.exception(); // the verifier refused the header or the key
    }
    if (!valid) {
      throw Rejection.BAD_SIGNATURE.exception();
    }
  }

  private static JWSVerifier verifier(KeyVersion version) {
    try {
      return new ECDSAVerifier(KeyMaterial.readPublicKey(version.publicKeyPem()));
    } catch (IllegalArgumentException | JOSEException e) {
      // The stored key is ours, not the client's: a server fault, not a 401.
      throw new IllegalStateException(
          "stored public key of API key " + version.keyId() + " is not a P-256 PEM", e);
    }
  }

  private static Principal grant(
      TokenClaims claims, Access access, String method, String path, String rawQuery) {
    // The request is only taken apart when a scope needs it: most tokens have none.
    if (claims.scope().isPresent()
        && !claims.scope().get().permits(RequestTarget.of(method, path, rawQuery))) {
      throw Rejection.SCOPE_MISMATCH.exception();
    }
    return new Principal(
        access.key(), access.team(), claims.scope().map(TokenScope::entries), claims.expiresAt());
  }

  private record Access(ApiKey key, Team team) {}

  private record KeyVersion(String keyId, String publicKeyPem) {}

  /** A token whose signature was good under this public key. */
  private record VerifiedToken(TokenClaims claims, String publicKeyPem) {}

  /**
   * When to forget a verified token: once it can no longer pass the expiry check. The entry
   * outlives the last acceptable instant ({@code exp} + skew, inclusive) by a second; the check
   * decides.
   */
  private Instant forgetAt(TokenClaims claims) {
    return claims.expiresAt().plus(settings.clockSkew()).plusSeconds(1);
  }
}
