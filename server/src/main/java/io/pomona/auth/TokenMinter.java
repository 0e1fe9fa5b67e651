package io.pomona.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Makes ES256 tokens the way Apple's documentation tells clients to, so Apple would accept them
 * too: header {@code alg ES256, kid, typ JWT}; claims {@code iss} (team keys) or {@code sub
 * "user"} (individual keys), {@code iat}, {@code exp}, {@code aud "appstoreconnect-v1"} and an
 * optional {@code scope}. Used by {@code pomona token} and by tests.
 */
public final class TokenMinter {
  private final String keyId;
  private final ECDSASigner signer;
  private final Clock clock;

  /**
   * @param keyId the key's id, sent as {@code kid}
   * @param privateKey the key's P-256 private half
   * @param clock the source of {@code iat}
   */
  public TokenMinter(String keyId, ECPrivateKey privateKey, Clock clock) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      this.signer = new ECDSASigner(privateKey);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not a P-256 private key", e);
    }
  }

  /**
   * A token for a team key.
   *
   * @param issuerId the team's issuer id, sent as {@code iss}
   * @param lifetime {@code exp − iat}; any positive duration (the server decides what it accepts)
   * @param scope the {@code scope} entries; an empty list sends no {@code scope} claim
   */
  public String teamToken(String issuerId, Duration lifetime, List<String> scope) {
    return sign(claims(lifetime, scope).issuer(Objects.requireNonNull(issuerId)).build());
  }

  /** A token for an individual key: {@code sub "user"} and no {@code iss}. */
  public String individualToken(Duration lifetime, List<String> scope) {
    return sign(claims(lifetime, scope).subject(TokenFormat.INDIVIDUAL_SUBJECT).build());
  }

  /** Signs any claims with this key's header ({@code alg ES256, kid, typ JWT}). */
  public String sign(JWTClaimsSet claims) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
    return jwt.serialize();
  }

  private JWTClaimsSet.Builder claims(Duration lifetime, List<String> scope) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(lifetime)))
            .audience(TokenFormat.AUDIENCE);
    if (!scope.isEmpty()) {
      claims.claim("scope", List.copyOf(scope));
    }
    return claims;
  }
}
