package io.pomona.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a token says, read strictly from its header and payload: the parts checked on every
 * request, cached together with the fact that the signature was good.
 *
 * @param keyId the header's {@code kid}
 * @param issuer {@code iss}, when present
 * @param subject {@code sub}, when present
 * @param expiresAt {@code exp}
 * @param issuedAt {@code iat}, when present (many clients omit it; api-facts.md §15)
 * @param notBefore {@code nbf}, when present (Apple does not mention it; RFC 7519 honoured)
 * @param scope {@code scope}, when present
 */
record TokenClaims(
    String keyId,
    Optional<String> issuer,
    Optional<String> subject,
    Instant expiresAt,
    Optional<Instant> issuedAt,
    Optional<Instant> notBefore,
    Optional<TokenScope> scope) {

  /** NumericDates beyond 9999-12-31 are nonsense; bounding them keeps all arithmetic exact. */
  private static final long LATEST_NUMERIC_DATE = 253_402_300_799L;

  /**
   * Reads the claims of a parsed payload. {@code aud} is checked here as it never depends on the
   * key: it must be the string {@code "appstoreconnect-v1"} or an array holding exactly that one
   * string (RFC 7519 allows both, and some Swift clients send the array form).
   *
   * @param payload the payload as a JSON object, as Nimbus parsed it
   */
  static TokenClaims read(String keyId, Map<String, Object> payload) {
    Object audience = payload.get("aud");
    boolean audienceOk =
        TokenFormat.AUDIENCE.equals(audience)
            || (audience instanceof List<?> list
                && list.size() == 1
                && TokenFormat.AUDIENCE.equals(list.get(0)));
    if (!audienceOk) {
      throw Rejection.WRONG_AUDIENCE.exception();
    }
    if (!payload.containsKey("exp")) {
      throw Rejection.MISSING_EXPIRY.exception();
    }
    return new TokenClaims(
        keyId,
        optionalString(payload, "iss"),
        optionalString(payload, "sub"),
        numericDate(payload.get("exp")),
        optionalDate(payload, "iat"),
        optionalDate(payload, "nbf"),
        scope(payload));
  }

  private static Optional<String> optionalString(Map<String, Object> payload, String name) {
    if (!payload.containsKey(name)) {
      return Optional.empty();
    }
    if (payload.get(name) instanceof String value) {
      return Optional.of(value);
    }
    throw Rejection.MALFORMED_CLAIM.exception();
  }

  private static Optional<Instant> optionalDate(Map<String, Object> payload, String name) {
    return payload.containsKey(name)
        ? Optional.of(numericDate(payload.get(name)))
        : Optional.empty();
  }

  /**
   * Seconds since the epoch (RFC 7519 NumericDate). Fractions are allowed by the RFC and dropped;
   * a negative, non-numeric or absurdly large value is malformed.
   */
  private static Instant numericDate(Object value) {
    long seconds =
        switch (value) {
          case Long whole -> whole;
          case Integer whole -> whole;
          case Double fraction when Double.isFinite(fraction) && fraction >= 0 ->
              (long) Math.min(Math.floor(fraction), LATEST_NUMERIC_DATE + 1.0);
          case null, default -> throw Rejection.MALFORMED_CLAIM.exception();
        };
    if (seconds < 0 || seconds > LATEST_NUMERIC_DATE) {
      throw Rejection.MALFORMED_CLAIM.exception();
    }
    return Instant.ofEpochSecond(seconds);
  }

  private static Optional<TokenScope> scope(Map<String, Object> payload) {
    if (!payload.containsKey("scope")) {
      return Optional.empty();
    }
    if (!(payload.get("scope") instanceof List<?> list)) {
      throw Rejection.MALFORMED_CLAIM.exception();
    }
    List<String> entries = new ArrayList<>(list.size());
    for (Object entry : list) {
      if (!(entry instanceof String text)) {
        throw Rejection.MALFORMED_CLAIM.exception();
      }
      entries.add(text);
    }
    return Optional.of(TokenScope.of(entries));
  }
}
