package io.pomona.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever arrives in the header, the path or the query, the outcome is either a principal or
 * Apple's 401; never another exception (which the http layer would have to turn into a 500).
 */
class AuthenticatorPropertiesTest {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final AuthFixture fx = new AuthFixture();
  private final Authenticator authenticator = fx.authenticator(AuthSettings.defaults());

  @Property(tries = 500)
  void randomHeaderGets401(@ForAll String header) {
    assertRejected(header, "GET", "/v1/apps", "");
    assertRejected("Bearer " + header, "GET", "/v1/apps", "");
  }

  @Property(tries = 500)
  void randomJwtShapedSegmentsGet401(@ForAll("segments") @Size(3) List<String> segments) {
    assertRejected("Bearer " + String.join(".", segments), "GET", "/v1/apps", "");
  }

  /**
   * Segments from a genuine token, mixed with random Base64URL and random JSON; the one
   * combination that is the genuine token is excluded.
   */
  @Provide
  Arbitrary<List<String>> segments() {
    String[] genuine = fx.teamToken().compact().split("\\.");
    Arbitrary<String> randomBytes =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(BASE64URL::encodeToString);
    Arbitrary<String> randomJson =
        jsonValues().map(value -> BASE64URL.encodeToString(json(value)));
    Arbitrary<String> anySegment =
        Arbitraries.oneOf(
            Arbitraries.of(genuine), randomBytes, randomJson, Arbitraries.strings().ofMaxLength(12));
    return anySegment.list().ofSize(3).filter(parts -> !parts.equals(Arrays.asList(genuine)));
  }

  @Property(tries = 500)
  void randomClaimValuesSignedByTheRightKeyNeverEscapeAs500(
      @ForAll("claims") Map<String, Object> claims) {
    TestToken token = TestToken.es256(fx.teamKey.keyId(), fx.teamPair.getPrivate());
    claims.forEach(token::claim);

    assertAcceptedOrRejected(token.bearer(), "GET", "/v1/apps", "");
  }

  @Property(tries = 300)
  void anyAudienceButAppStoreConnectsGets401(@ForAll("jsonValues") Object audience) {
    String token = fx.teamToken().claim("aud", audience).bearer();
    boolean isTheAudience =
        "appstoreconnect-v1".equals(audience) || List.of("appstoreconnect-v1").equals(audience);

    if (!isTheAudience) {
      assertRejected(token, "GET", "/v1/apps", "");
    }
  }

  @Property(tries = 300)
  void randomHeaderParametersNeverEscapeAs500(
      @ForAll("jsonValues") Object alg,
      @ForAll("jsonValues") Object kid,
      @ForAll("jsonValues") Object typ,
      @ForAll("jsonValues") Object extra) {
    String token =
        fx.teamToken().header("alg", alg).header("kid", kid).header("typ", typ)
            .header("crit", extra).bearer();

    assertAcceptedOrRejected(token, "GET", "/v1/apps", "");
  }

  @Property(tries = 500)
  void randomRequestsAgainstAScopedTokenNeverEscapeAs500(
      @ForAll("methods") String method,
      @ForAll("paths") String path,
      @ForAll("queries") String query) {
    String token =
        fx.teamToken().claim("scope", List.of("GET /v1/apps?filter[platform]=IOS", "GET /builds"))
            .bearer();

    assertAcceptedOrRejected(token, method, path, query);
  }

  @Example
  void deeplyNestedPayloadGets401() {
    byte[] nested =
        ("[".repeat(6000) + "]".repeat(6000)).getBytes(StandardCharsets.US_ASCII);

    assertRejected(fx.teamToken().rawPayload(nested).bearer(), "GET", "/v1/apps", "");
  }

  @Example
  void payloadThatIsNotUtf8Gets401() {
    assertRejected(
        fx.teamToken().rawPayload(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}).bearer(),
        "GET", "/v1/apps", "");
  }

  @Provide
  Arbitrary<Map<String, Object>> claims() {
    long now = fx.now();
    Arbitrary<Object> plausible =
        Arbitraries.oneOf(
            jsonValues(),
            Arbitraries.of(
                "appstoreconnect-v1", fx.team.issuerId(), "user", now, now + 1200, now - 1200,
                now + 1200.5, Long.MAX_VALUE, Long.MIN_VALUE, Double.MAX_VALUE, -1.0,
                List.of("GET /v1/apps"), List.of("appstoreconnect-v1")));
    return Arbitraries.maps(
            Arbitraries.of("iss", "sub", "aud", "exp", "iat", "nbf", "scope", "jti"), plausible)
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<Object> jsonValues() {
    Arbitrary<Object> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
            Arbitraries.longs().map(Object.class::cast),
            Arbitraries.doubles().map(Object.class::cast),
            Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast),
            Arbitraries.of("ES256", "none", "HS256", "JWT", "2X9R4HXF34", "appstoreconnect-v1")
                .map(Object.class::cast));
    Arbitrary<Object> lists = leaves.list().ofMaxSize(3).map(Object.class::cast);
    Arbitrary<Object> maps =
        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), leaves)
            .ofMaxSize(3)
            .map(Object.class::cast);
    return Arbitraries.oneOf(leaves, lists, maps).injectNull(0.05);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "PATCH", "DELETE", "get", ""),
        Arbitraries.strings().ofMaxLength(8));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.oneOf(
        Arbitraries.of("/v1/apps", "/apps", "/v1/builds", "/builds/", "/", "", "/v", "/v1",
            "/v99999999999999999999/apps", "//", "/%", "/%5", "/%zz", "/v1/%E2%82"),
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withChars("/v1%5BbuildsAF[]").ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "filter[platform]=IOS", "filter%5Bplatform%5D=IOS&limit=2", "&&=",
            "=", "%", "a=%", "+=+", "filter[platform]=IOS&filter[platform]=IOS"),
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("=&%5Bf[]+IOS").ofMaxLength(40))
        .injectNull(0.05);
  }

  private void assertRejected(String header, String method, String path, String query) {
    assertThatThrownBy(() -> authenticator.authenticate(header, method, path, query))
        .isInstanceOfSatisfying(ApiException.class, AuthenticatorTest::isAppleNotAuthorized);
  }

  private void assertAcceptedOrRejected(String header, String method, String path, String query) {
    Optional<Principal> principal;
    try {
      principal = Optional.of(authenticator.authenticate(header, method, path, query));
    } catch (ApiException e) {
      AuthenticatorTest.isAppleNotAuthorized(e);
      principal = Optional.empty();
    }
    principal.ifPresent(accepted -> assertThat(accepted.key()).isEqualTo(fx.teamKey));
  }

  private static byte[] json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
