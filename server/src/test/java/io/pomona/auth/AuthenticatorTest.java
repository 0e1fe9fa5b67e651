package io.pomona.auth;

import static io.pomona.auth.Rejection.BAD_SIGNATURE;
import static io.pomona.auth.Rejection.EXPIRED;
import static io.pomona.auth.Rejection.ISSUED_IN_FUTURE;
import static io.pomona.auth.Rejection.LIFETIME_TOO_LONG;
import static io.pomona.auth.Rejection.MALFORMED_CLAIM;
import static io.pomona.auth.Rejection.MALFORMED_TOKEN;
import static io.pomona.auth.Rejection.MISSING_CREDENTIALS;
import static io.pomona.auth.Rejection.MISSING_EXPIRY;
import static io.pomona.auth.Rejection.MISSING_KEY_ID;
import static io.pomona.auth.Rejection.NOT_BEARER;
import static io.pomona.auth.Rejection.NOT_YET_VALID;
import static io.pomona.auth.Rejection.REVOKED_KEY;
import static io.pomona.auth.Rejection.SCOPE_MISMATCH;
import static io.pomona.auth.Rejection.UNKNOWN_KEY;
import static io.pomona.auth.Rejection.UNKNOWN_TEAM;
import static io.pomona.auth.Rejection.UNSUPPORTED_ALGORITHM;
import static io.pomona.auth.Rejection.UNSUPPORTED_HEADER;
import static io.pomona.auth.Rejection.WRONG_AUDIENCE;
import static io.pomona.auth.Rejection.WRONG_ISSUER;
import static io.pomona.auth.Rejection.WRONG_SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.auth.Rejection.TokenRejected;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticatorTest {
  private static final long SIX_MONTHS = Duration.ofDays(182).toSeconds();

  private final AuthFixture fx = new AuthFixture();

  /** What the http layer passes in. */
  record Call(String header, String method, String path, String query) {
    static Call get(String header, String path) {
      return new Call(header, "GET", path, "");
    }

    static Call get(String header, String path, String query) {
      return new Call(header, "GET", path, query);
    }

    @Override
    public String toString() {
      return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
  }

  Stream<Arguments> rejected() throws Exception {
    long now = fx.now();
    String publicPem = fx.teamKey.publicKeyPem();
    return Stream.of(
        // The header itself.
        rejected("missing header", Call.get(null, "/v1/apps"), MISSING_CREDENTIALS),
        rejected("blank header", Call.get("  ", "/v1/apps"), MISSING_CREDENTIALS),
        rejected("Basic scheme", Call.get("Basic dXNlcjpwYXNz", "/v1/apps"), NOT_BEARER),
        rejected(
            "token without scheme", Call.get(fx.teamToken().compact(), "/v1/apps"), NOT_BEARER),
        rejected("scheme without token", Call.get("Bearer", "/v1/apps"), NOT_BEARER),
        rejected("garbage token", Call.get("Bearer hello", "/v1/apps"), MALFORMED_TOKEN),
        rejected("three garbage segments", Call.get("Bearer a.b.c", "/v1/apps"), MALFORMED_TOKEN),
        rejected(
            "padded segments",
            Call.get(fx.teamToken().bearer() + "==", "/v1/apps"),
            MALFORMED_TOKEN),
        rejected(
            "oversized token",
            Call.get("Bearer " + "a".repeat(20_000) + ".b.c", "/v1/apps"),
            MALFORMED_TOKEN),
        // Algorithms: ES256 only.
        rejected(
            "alg none, empty signature",
            Call.get(fx.teamToken().header("alg", "none").signedWith(input -> new byte[0])
                .bearer(), "/v1/apps"),
            MALFORMED_TOKEN),
        rejected(
            "alg none, some signature",
            Call.get(fx.teamToken().header("alg", "none").signedWith(input -> new byte[64])
                .bearer(), "/v1/apps"),
            MALFORMED_TOKEN),
        rejected(
            "HS256 keyed with the public key PEM (algorithm confusion)",
            Call.get(fx.teamToken().header("alg", "HS256")
                .signedWith(TestToken.hmac("HmacSHA256", publicPem.getBytes(StandardCharsets.US_ASCII)))
                .bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        rejected(
            "HS384",
            Call.get(fx.teamToken().header("alg", "HS384")
                .signedWith(TestToken.hmac("HmacSHA384", publicPem.getBytes(StandardCharsets.US_ASCII)))
                .bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        rejected(
            "HS512",
            Call.get(fx.teamToken().header("alg", "HS512")
                .signedWith(TestToken.hmac("HmacSHA512", publicPem.getBytes(StandardCharsets.US_ASCII)))
                .bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        rejected(
            "RS256",
            Call.get(fx.teamToken().header("alg", "RS256")
                .signedWith(TestToken.jdk("SHA256withRSA", keyPair("RSA", 2048).getPrivate()))
                .bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        rejected(
            "PS256",
            Call.get(fx.teamToken().header("alg", "PS256")
                .signedWith(TestToken.jdk("SHA256withRSA", keyPair("RSA", 2048).getPrivate()))
                .bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        rejected(
            "ES384 with a P-384 key",
            Call.get(fx.teamToken().header("alg", "ES384")
                .signedWith(TestToken.rawEcdsa("SHA384", ecKeyPair("secp384r1").getPrivate()))
                .bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        rejected(
            "ES512 with a P-521 key",
            Call.get(fx.teamToken().header("alg", "ES512")
                .signedWith(TestToken.rawEcdsa("SHA512", ecKeyPair("secp521r1").getPrivate()))
                .bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        rejected(
            "lower-case es256",
            Call.get(fx.teamToken().header("alg", "es256").bearer(), "/v1/apps"),
            UNSUPPORTED_ALGORITHM),
        // Signatures.
        rejected(
            "DER-encoded ES256 signature by the right key",
            Call.get(fx.teamToken().signedWith(TestToken.derEcdsa(fx.teamPair.getPrivate()))
                .bearer(), "/v1/apps"),
            BAD_SIGNATURE),
        rejected(
            "signature by another key",
            Call.get(fx.teamToken().signedWith(TestToken.rawEcdsa("SHA256",
                fx.strangerPair.getPrivate())).bearer(), "/v1/apps"),
            BAD_SIGNATURE),
        rejected(
            "all-zero signature",
            Call.get(fx.teamToken().signedWith(input -> new byte[64]).bearer(), "/v1/apps"),
            BAD_SIGNATURE),
        rejected(
            "claims changed after signing",
            Call.get(tamperedPayload(), "/v1/apps"),
            BAD_SIGNATURE),
        // Header parameters.
        rejected(
            "no kid", Call.get(fx.teamToken().withoutHeader("kid").bearer(), "/v1/apps"),
            MISSING_KEY_ID),
        rejected(
            "unknown kid",
            Call.get(TestToken.es256("NOSUCHKEY1", fx.strangerPair.getPrivate())
                .claim("iss", fx.team.issuerId()).claim("iat", now).claim("exp", now + 1200)
                .claim("aud", "appstoreconnect-v1").bearer(), "/v1/apps"),
            UNKNOWN_KEY),
        rejected(
            "revoked kid",
            Call.get(TestToken.es256(fx.revokedKey.keyId(), fx.revokedPair.getPrivate())
                .claim("iss", fx.team.issuerId()).claim("iat", now).claim("exp", now + 1200)
                .claim("aud", "appstoreconnect-v1").bearer(), "/v1/apps"),
            REVOKED_KEY),
        rejected(
            "typ other than JWT",
            Call.get(fx.teamToken().header("typ", "at+jwt").bearer(), "/v1/apps"),
            UNSUPPORTED_HEADER),
        rejected(
            "crit header",
            Call.get(fx.teamToken().header("crit", List.of("exp")).bearer(), "/v1/apps"),
            UNSUPPORTED_HEADER),
        // Lifetime.
        rejected(
            "missing exp", Call.get(fx.teamToken().without("exp").bearer(), "/v1/apps"),
            MISSING_EXPIRY),
        rejected(
            "exp as a string",
            Call.get(fx.teamToken().claim("exp", String.valueOf(now + 600)).bearer(), "/v1/apps"),
            MALFORMED_CLAIM),
        rejected(
            "expired beyond the skew",
            Call.get(fx.teamToken().claim("iat", now - 1200).claim("exp", now - 61).bearer(),
                "/v1/apps"),
            EXPIRED),
        rejected(
            "iat in the future beyond the skew",
            Call.get(fx.teamToken().claim("iat", now + 61).claim("exp", now + 600).bearer(),
                "/v1/apps"),
            ISSUED_IN_FUTURE),
        rejected(
            "nbf in the future beyond the skew",
            Call.get(fx.teamToken().claim("nbf", now + 61).bearer(), "/v1/apps"),
            NOT_YET_VALID),
        rejected(
            "lifetime 1201 s",
            Call.get(fx.teamToken().claim("iat", now - 1).claim("exp", now + 1200).bearer(),
                "/v1/apps"),
            LIFETIME_TOO_LONG),
        rejected(
            "no iat and exp beyond 1200 s plus skew",
            Call.get(fx.teamToken().without("iat").claim("exp", now + 1261).bearer(), "/v1/apps"),
            LIFETIME_TOO_LONG),
        rejected(
            "exp before iat",
            Call.get(fx.teamToken().claim("iat", now).claim("exp", now - 10).bearer(), "/v1/apps"),
            MALFORMED_CLAIM),
        // Audience.
        rejected(
            "wrong aud",
            Call.get(fx.teamToken().claim("aud", "appstoreconnect-v2").bearer(), "/v1/apps"),
            WRONG_AUDIENCE),
        rejected(
            "missing aud", Call.get(fx.teamToken().without("aud").bearer(), "/v1/apps"),
            WRONG_AUDIENCE),
        rejected(
            "aud array with a second audience",
            Call.get(fx.teamToken().claim("aud", List.of("appstoreconnect-v1", "other")).bearer(),
                "/v1/apps"),
            WRONG_AUDIENCE),
        // Issuer and subject.
        rejected(
            "team key with another team's iss",
            Call.get(fx.teamToken().claim("iss", "00000000-0000-0000-0000-000000000000").bearer(),
                "/v1/apps"),
            WRONG_ISSUER),
        rejected(
            "team key without iss (sub user instead)",
            Call.get(fx.teamToken().without("iss").claim("sub", "user").bearer(), "/v1/apps"),
            WRONG_ISSUER),
        rejected(
            "team key with iss as a number",
            Call.get(fx.teamToken().claim("iss", 42).bearer(), "/v1/apps"),
            MALFORMED_CLAIM),
        rejected(
            "individual key with iss",
            Call.get(fx.individualToken().claim("iss", fx.team.issuerId()).bearer(), "/v1/apps"),
            WRONG_ISSUER),
        rejected(
            "individual key without sub",
            Call.get(fx.individualToken().without("sub").bearer(), "/v1/apps"),
            WRONG_SUBJECT),
        rejected(
            "individual key with another sub",
            Call.get(fx.individualToken().claim("sub", "admin").bearer(), "/v1/apps"),
            WRONG_SUBJECT),
        // Scope.
        rejected(
            "scope for another method",
            new Call(scoped("GET /v1/apps").bearer(), "POST", "/v1/apps", ""),
            SCOPE_MISMATCH),
        rejected(
            "scope for another path",
            Call.get(scoped("GET /v1/apps").bearer(), "/v1/builds"),
            SCOPE_MISMATCH),
        rejected(
            "scope for one app, request for another",
            Call.get(scoped("GET /v1/apps/111").bearer(), "/v1/apps/222"),
            SCOPE_MISMATCH),
        rejected(
            "scope for another filter value",
            Call.get(scoped("GET /v1/apps?filter[platform]=IOS").bearer(), "/v1/apps",
                "filter[platform]=MAC_OS"),
            SCOPE_MISMATCH),
        rejected(
            "request without the scope's filter",
            Call.get(scoped("GET /v1/apps?filter[platform]=IOS").bearer(), "/v1/apps"),
            SCOPE_MISMATCH),
        rejected(
            "request with a filter the scope lacks",
            Call.get(scoped("GET /v1/apps").bearer(), "/v1/apps", "filter[bundleId]=com.x"),
            SCOPE_MISMATCH),
        rejected(
            "scope versioned v2, request v1",
            Call.get(scoped("GET /v2/inAppPurchases/9").bearer(), "/v1/inAppPurchases/9"),
            SCOPE_MISMATCH),
        rejected(
            "empty scope array",
            Call.get(fx.teamToken().claim("scope", List.of()).bearer(), "/v1/apps"),
            SCOPE_MISMATCH),
        rejected(
            "scope that is a string, not an array",
            Call.get(fx.teamToken().claim("scope", "GET /v1/apps").bearer(), "/v1/apps"),
            MALFORMED_CLAIM),
        rejected(
            "unparseable scope entry",
            Call.get(scoped("/v1/apps").bearer(), "/v1/apps"),
            SCOPE_MISMATCH),
        // Long-lived tokens.
        rejected(
            "6 months without scope",
            Call.get(fx.teamToken().claim("exp", now + SIX_MONTHS).bearer(), "/v1/ciProducts"),
            LIFETIME_TOO_LONG),
        rejected(
            "6 months with a POST scope",
            new Call(scoped("POST /v1/ciBuildRuns").claim("exp", now + SIX_MONTHS).bearer(),
                "POST", "/v1/ciBuildRuns", ""),
            LIFETIME_TOO_LONG),
        rejected(
            "6 months with a scope mixing ciProducts and apps",
            Call.get(scoped("GET /v1/ciProducts", "GET /v1/apps").claim("exp", now + SIX_MONTHS)
                .bearer(), "/v1/ciProducts"),
            LIFETIME_TOO_LONG),
        rejected(
            "6 months with a scope reading builds of an app",
            Call.get(scoped("GET /v1/apps/1/builds").claim("exp", now + SIX_MONTHS).bearer(),
                "/v1/apps/1/builds"),
            LIFETIME_TOO_LONG),
        rejected(
            "182 days and one second with a ciProducts scope",
            Call.get(scoped("GET /v1/ciProducts").claim("exp", now + SIX_MONTHS + 1).bearer(),
                "/v1/ciProducts"),
            LIFETIME_TOO_LONG));
  }

  Stream<Arguments> accepted() {
    long now = fx.now();
    return Stream.of(
        accepted("team token", Call.get(fx.teamToken().bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "individual token", Call.get(fx.individualToken().bearer(), "/v1/apps"),
            fx.individualKey),
        accepted(
            "scheme in lower case", Call.get("bearer " + fx.teamToken().compact(), "/v1/apps"),
            fx.teamKey),
        accepted(
            "scheme in upper case, extra spaces",
            Call.get("BEARER   " + fx.teamToken().compact() + " ", "/v1/apps"), fx.teamKey),
        accepted(
            "lifetime exactly 1200 s",
            Call.get(fx.teamToken().claim("iat", now - 100).claim("exp", now + 1100).bearer(),
                "/v1/apps"),
            fx.teamKey),
        accepted(
            "lifetime 600 s", Call.get(fx.teamToken().claim("exp", now + 600).bearer(), "/v1/apps"),
            fx.teamKey),
        accepted(
            "no iat, exp = now + 1200",
            Call.get(fx.teamToken().without("iat").claim("exp", now + 1200).bearer(), "/v1/apps"),
            fx.teamKey),
        accepted(
            "no iat, exp = now + 1200 + skew",
            Call.get(fx.teamToken().without("iat").claim("exp", now + 1260).bearer(), "/v1/apps"),
            fx.teamKey),
        accepted(
            "no typ header",
            Call.get(fx.teamToken().withoutHeader("typ").bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "typ in lower case",
            Call.get(fx.teamToken().header("typ", "jwt").bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "iat 60 s in the future (within skew)",
            Call.get(fx.teamToken().claim("iat", now + 60).claim("exp", now + 1260).bearer(),
                "/v1/apps"),
            fx.teamKey),
        accepted(
            "exp 60 s ago (within skew)",
            Call.get(fx.teamToken().claim("iat", now - 660).claim("exp", now - 60).bearer(),
                "/v1/apps"),
            fx.teamKey),
        accepted(
            "fractional exp",
            Call.get(fx.teamToken().claim("exp", now + 600.5).bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "aud as a one-element array",
            Call.get(fx.teamToken().claim("aud", List.of("appstoreconnect-v1")).bearer(),
                "/v1/apps"),
            fx.teamKey),
        accepted(
            "team key with an extra sub",
            Call.get(fx.teamToken().claim("sub", "ci-bot").bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "extra header parameters",
            Call.get(fx.teamToken().header("x5t", "ignored").bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "scope with /v1", Call.get(scoped("GET /v1/apps").bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "scope without /v1", Call.get(scoped("GET /apps").bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "scope without version, request under v2",
            Call.get(scoped("GET /inAppPurchases/9").bearer(), "/v2/inAppPurchases/9"),
            fx.teamKey),
        accepted(
            "second scope entry matches",
            Call.get(scoped("GET /v1/builds", "GET /v1/apps/1").bearer(), "/v1/apps/1"),
            fx.teamKey),
        accepted(
            "scope method in lower case",
            Call.get(scoped("get /v1/apps").bearer(), "/v1/apps"), fx.teamKey),
        accepted(
            "params in another order plus limit, cursor and sort",
            Call.get(
                scoped("GET /v1/apps?filter[platform]=IOS&fields[apps]=name,bundleId").bearer(),
                "/v1/apps",
                "sort=name&fields[apps]=name,bundleId&limit=5&cursor=AQ&filter[platform]=IOS"),
            fx.teamKey),
        accepted(
            "percent-encoded brackets in the request",
            Call.get(scoped("GET /v1/apps?filter[platform]=IOS").bearer(), "/v1/apps",
                "filter%5Bplatform%5D=IOS"),
            fx.teamKey),
        accepted(
            "percent-encoded brackets in the scope",
            Call.get(scoped("GET /v1/apps?filter%5bplatform%5d=IOS").bearer(), "/v1/apps",
                "filter[platform]=IOS"),
            fx.teamKey),
        accepted(
            "trailing slash on the request",
            Call.get(scoped("GET /v1/apps").bearer(), "/v1/apps/"), fx.teamKey),
        accepted(
            "6-month GET-only ciProducts scope",
            Call.get(scoped("GET /v1/ciProducts", "GET /v1/ciProducts/abc/workflows")
                .claim("exp", now + SIX_MONTHS).bearer(), "/v1/ciProducts"),
            fx.teamKey),
        accepted(
            "6-month GET-only Xcode Cloud scope without /v1",
            Call.get(scoped("GET /ciBuildRuns/run-1", "GET /scmRepositories")
                .claim("exp", now + SIX_MONTHS).bearer(), "/v1/ciBuildRuns/run-1"),
            fx.teamKey),
        accepted(
            "6-month metrics scope",
            Call.get(scoped("GET /v1/apps/1234567890/perfPowerMetrics",
                "GET /v1/builds/b-1/diagnosticSignatures",
                "GET /v1/diagnosticSignatures/sig-1/logs")
                .claim("exp", now + SIX_MONTHS).bearer(), "/v1/diagnosticSignatures/sig-1/logs"),
            fx.teamKey),
        accepted(
            "6-month ciProducts scope without iat",
            Call.get(scoped("GET /v1/ciProducts").without("iat").claim("exp", now + SIX_MONTHS)
                .bearer(), "/v1/ciProducts"),
            fx.teamKey),
        accepted(
            "6-month individual-key metrics scope",
            Call.get(fx.individualToken()
                .claim("scope", List.of("GET /v1/apps/1/perfPowerMetrics?filter[deviceType]=iPhone"))
                .claim("exp", now + SIX_MONTHS).bearer(),
                "/v1/apps/1/perfPowerMetrics", "filter%5BdeviceType%5D=iPhone"),
            fx.individualKey));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectedRequestGets401WithAppleTextsOnly(String name, Call call, Rejection reason) {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults());

    assertThatThrownBy(
            () -> authenticator.authenticate(call.header(), call.method(), call.path(), call.query()))
        .isInstanceOfSatisfying(ApiException.class, AuthenticatorTest::isAppleNotAuthorized);
    assertThatThrownBy(
            () -> authenticator.principal(call.header(), call.method(), call.path(), call.query()))
        .isInstanceOfSatisfying(
            TokenRejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(reason));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptedRequestActsAsTheSigningKey(String name, Call call, ApiKey expectedKey) {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults());

    Principal principal =
        authenticator.authenticate(call.header(), call.method(), call.path(), call.query());

    assertThat(principal.key()).isEqualTo(expectedKey);
    assertThat(principal.team()).isEqualTo(fx.team);
  }

  @Test
  void principalCarriesScopeAndExpiry() {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults());
    String token = scoped("GET /v1/apps", "GET /v1/builds").claim("exp", fx.now() + 900).bearer();

    Principal principal = authenticator.authenticate(token, "GET", "/v1/builds", null);

    assertThat(principal.scope()).contains(List.of("GET /v1/apps", "GET /v1/builds"));
    assertThat(principal.expiresAt()).isEqualTo(AuthFixture.START.plusSeconds(900));
    assertThat(authenticator.authenticate(fx.teamToken().bearer(), "GET", "/v1/apps", "").scope())
        .isEmpty();
  }

  @Test
  void revocationAfterCachedVerificationGets401OnNextRequest() {
    AuthFixture own = new AuthFixture();
    Authenticator authenticator = own.authenticator(AuthSettings.defaults());
    String token = own.teamToken().bearer();
    authenticator.authenticate(token, "GET", "/v1/apps", "");
    authenticator.authenticate(token, "GET", "/v1/apps", "");
    assertThat(authenticator.signatureVerifications()).isEqualTo(1);

    own.directory.revoke(own.teamKey.keyId(), own.clock.instant());

    assertThatThrownBy(() -> authenticator.authenticate(token, "GET", "/v1/apps", ""))
        .isInstanceOfSatisfying(ApiException.class, AuthenticatorTest::isAppleNotAuthorized);
    assertThat(reason(() -> authenticator.principal(token, "GET", "/v1/apps", "")))
        .isEqualTo(REVOKED_KEY);
  }

  @Test
  void deletedKeyAfterCachedVerificationGets401() {
    AuthFixture own = new AuthFixture();
    Authenticator authenticator = own.authenticator(AuthSettings.defaults());
    String token = own.teamToken().bearer();
    authenticator.authenticate(token, "GET", "/v1/apps", "");

    own.directory.remove(own.teamKey.keyId());

    assertThat(reason(() -> authenticator.principal(token, "GET", "/v1/apps", "")))
        .isEqualTo(UNKNOWN_KEY);
  }

  @Test
  void keyWhoseTeamIsGoneGets401() {
    AuthFixture own = new AuthFixture();
    own.directory.add(
        new ApiKey("ORPHAN0001", "NOSUCHTEAM", "orphan", Set.of("ADMIN"),
            KeyKind.TEAM, Optional.empty(), own.teamKey.publicKeyPem(),
            AuthFixture.START, Optional.empty()));
    String token =
        TestToken.es256("ORPHAN0001", own.teamPair.getPrivate())
            .claim("iss", own.team.issuerId()).claim("iat", own.now())
            .claim("exp", own.now() + 600).claim("aud", "appstoreconnect-v1").bearer();

    assertThat(reason(() -> own.authenticator(AuthSettings.defaults())
        .principal(token, "GET", "/v1/apps", "")))
        .isEqualTo(UNKNOWN_TEAM);
  }

  @Test
  void secondRequestWithSameTokenIsNotVerifiedAgain() {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults());
    String token = fx.teamToken().bearer();

    authenticator.authenticate(token, "GET", "/v1/apps", "");
    authenticator.authenticate(token, "GET", "/v1/apps/1", "include=builds");
    authenticator.authenticate(token, "DELETE", "/v1/apps/1", "");

    assertThat(authenticator.signatureVerifications()).isEqualTo(1);

    authenticator.authenticate(fx.individualToken().bearer(), "GET", "/v1/apps", "");
    assertThat(authenticator.signatureVerifications()).isEqualTo(2);
  }

  @Test
  void withTokenCacheOffEveryRequestIsVerified() {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults().withTokenCache(false));
    String token = fx.teamToken().bearer();

    for (int i = 0; i < 3; i++) {
      authenticator.authenticate(token, "GET", "/v1/apps", "");
    }

    assertThat(authenticator.signatureVerifications()).isEqualTo(3);
  }

  @Test
  void rejectedTokenIsNeverRemembered() {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults());
    String forged =
        fx.teamToken().signedWith(TestToken.rawEcdsa("SHA256", fx.strangerPair.getPrivate()))
            .bearer();

    for (int i = 0; i < 2; i++) {
      assertThat(reason(() -> authenticator.principal(forged, "GET", "/v1/apps", "")))
          .isEqualTo(BAD_SIGNATURE);
    }
    assertThat(authenticator.signatureVerifications()).isEqualTo(2);
  }

  @Test
  void cachedTokenIsCheckedAgainstEachRequestsScope() {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults());
    String token = scoped("GET /v1/apps").bearer();
    authenticator.authenticate(token, "GET", "/v1/apps", "");

    assertThat(reason(() -> authenticator.principal(token, "GET", "/v1/builds", "")))
        .isEqualTo(SCOPE_MISMATCH);
    assertThat(authenticator.signatureVerifications()).isEqualTo(1);
  }

  @Test
  void cachedTokenExpiresWhileCached() {
    AuthFixture own = new AuthFixture();
    Authenticator authenticator = own.authenticator(AuthSettings.defaults());
    String token = own.teamToken().bearer(); // exp = start + 1200 s
    authenticator.authenticate(token, "GET", "/v1/apps", "");

    own.clock.advance(Duration.ofSeconds(1200 + 60));
    authenticator.authenticate(token, "GET", "/v1/apps", ""); // still within the skew

    own.clock.advance(Duration.ofSeconds(1));
    assertThat(reason(() -> authenticator.principal(token, "GET", "/v1/apps", "")))
        .isEqualTo(EXPIRED);
    assertThat(authenticator.signatureVerifications()).isEqualTo(1);
  }

  @Test
  void keyIdThatNowNamesAnotherPublicKeyIsVerifiedAgain() {
    AuthFixture own = new AuthFixture();
    Authenticator authenticator = own.authenticator(AuthSettings.defaults());
    String token = own.teamToken().bearer();
    authenticator.authenticate(token, "GET", "/v1/apps", "");

    ApiKey old = own.teamKey;
    own.directory.add(
        new ApiKey(old.keyId(), old.teamId(), old.name(), old.roles(), old.kind(), old.userId(),
            KeyMaterial.publicKeyPem((ECPublicKey) own.strangerPair.getPublic()),
            old.createdAt(), Optional.empty()));

    assertThat(reason(() -> authenticator.principal(token, "GET", "/v1/apps", "")))
        .isEqualTo(BAD_SIGNATURE);
    assertThat(authenticator.signatureVerifications()).isEqualTo(2);
  }

  @Test
  void customSkewIsHonoured() {
    Authenticator strict = fx.authenticator(AuthSettings.defaults().withClockSkew(Duration.ZERO));
    long now = fx.now();

    assertThat(reason(() -> strict.principal(
        fx.teamToken().claim("iat", now + 1).claim("exp", now + 600).bearer(), "GET", "/v1/apps",
        "")))
        .isEqualTo(ISSUED_IN_FUTURE);
    assertThat(reason(() -> strict.principal(
        fx.teamToken().without("iat").claim("exp", now + 1201).bearer(), "GET", "/v1/apps", "")))
        .isEqualTo(LIFETIME_TOO_LONG);
  }

  @Test
  void storedKeyThatIsNotPemIsAServerFaultNotA401() {
    AuthFixture own = new AuthFixture();
    ApiKey old = own.teamKey;
    own.directory.add(
        new ApiKey(old.keyId(), old.teamId(), old.name(), old.roles(), old.kind(), old.userId(),
            "not a key", old.createdAt(), Optional.empty()));

    assertThatThrownBy(() -> own.authenticator(AuthSettings.defaults())
        .authenticate(own.teamToken().bearer(), "GET", "/v1/apps", ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(old.keyId());
  }

  static void isAppleNotAuthorized(ApiException e) {
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.errors()).hasSize(1);
    ApiError error = e.errors().get(0);
    assertThat(error.status()).isEqualTo(401);
    assertThat(error.code()).isEqualTo("NOT_AUTHORIZED");
    assertThat(error.title()).isEqualTo("Authentication credentials are missing or invalid.");
    assertThat(error.detail())
        .contains(
            "Provide a properly configured and signed bearer token, and make sure that it has not"
                + " expired.");
    assertThat(error.source()).isEmpty();
    assertThat(error.meta()).isEmpty();
  }

  private static Rejection reason(Runnable call) {
    try {
      call.run();
    } catch (TokenRejected rejected) {
      return rejected.reason();
    }
    throw new AssertionError("expected the token to be rejected");
  }

  private TestToken scoped(String... entries) {
    return fx.teamToken().claim("scope", List.of(entries));
  }

  /** A valid token whose payload was swapped for another, keeping the original signature. */
  private String tamperedPayload() {
    String[] genuine = fx.teamToken().compact().split("\\.");
    String[] other = fx.teamToken().claim("exp", fx.now() + 1100).compact().split("\\.");
    return "Bearer " + genuine[0] + "." + other[1] + "." + genuine[2];
  }

  private static Arguments rejected(String name, Call call, Rejection reason) {
    return arguments(name, call, reason);
  }

  private static Arguments accepted(String name, Call call, ApiKey key) {
    return arguments(name, call, key);
  }

  private static KeyPair keyPair(String algorithm, int size) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(size);
    return generator.generateKeyPair();
  }

  private static KeyPair ecKeyPair(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }
}
