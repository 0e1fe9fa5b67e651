package io.pomona.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMinterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuthFixture fx = new AuthFixture();

  @Test
  void teamTokenHasApplesHeaderAndClaims() throws Exception {
    TokenMinter minter = minterFor(fx.teamKey.keyId(), fx.teamPair.getPrivate());

    String token = minter.teamToken(fx.team.issuerId(), Duration.ofMinutes(20), List.of());

    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = decode(parts[0]);
    assertThat(header.get("alg").asText()).isEqualTo("ES256");
    assertThat(header.get("kid").asText()).isEqualTo(fx.teamKey.keyId());
    assertThat(header.get("typ").asText()).isEqualTo("JWT");
    JsonNode claims = decode(parts[1]);
    assertThat(claims.get("iss").asText()).isEqualTo(fx.team.issuerId());
    assertThat(claims.get("aud").isTextual()).isTrue();
    assertThat(claims.get("aud").asText()).isEqualTo("appstoreconnect-v1");
    assertThat(claims.get("iat").asLong()).isEqualTo(fx.now());
    assertThat(claims.get("exp").asLong()).isEqualTo(fx.now() + 1200);
    assertThat(claims.has("sub")).isFalse();
    assertThat(claims.has("scope")).isFalse();
    assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
  }

  @Test
  void individualTokenHasSubUserAndNoIss() throws Exception {
    TokenMinter minter = minterFor(fx.individualKey.keyId(), fx.individualPair.getPrivate());

    JsonNode claims =
        decode(minter.individualToken(Duration.ofMinutes(10), List.of("GET /v1/apps")).split("\\.")[1]);

    assertThat(claims.get("sub").asText()).isEqualTo("user");
    assertThat(claims.has("iss")).isFalse();
    assertThat(claims.get("scope").get(0).asText()).isEqualTo("GET /v1/apps");
  }

  @Test
  void mintedTokensAreAccepted() {
    Authenticator authenticator = fx.authenticator(AuthSettings.defaults());
    TokenMinter team = minterFor(fx.teamKey.keyId(), fx.teamPair.getPrivate());
    TokenMinter individual = minterFor(fx.individualKey.keyId(), fx.individualPair.getPrivate());

    String teamToken = team.teamToken(fx.team.issuerId(), Duration.ofMinutes(20), List.of());
    String scoped =
        individual.individualToken(Duration.ofDays(182), List.of("GET /v1/ciProducts"));

    assertThat(authenticator.authenticate("Bearer " + teamToken, "GET", "/v1/apps", "").key())
        .isEqualTo(fx.teamKey);
    assertThat(authenticator.authenticate("Bearer " + scoped, "GET", "/v1/ciProducts", "").key())
        .isEqualTo(fx.individualKey);
  }

  @Test
  void keyReadBackFromP8MintsAcceptedTokens() {
    ECPrivateKey fromFile = KeyMaterial.readPrivateKey(KeyMaterial.privateKeyPem(fx.teamPair));
    TokenMinter minter = new TokenMinter(fx.teamKey.keyId(), fromFile, fx.clock);

    String token = minter.teamToken(fx.team.issuerId(), Duration.ofMinutes(5), List.of());

    assertThat(fx.authenticator(AuthSettings.defaults())
        .authenticate("Bearer " + token, "GET", "/v1/apps", "").team())
        .isEqualTo(fx.team);
  }

  private TokenMinter minterFor(String keyId, java.security.PrivateKey key) {
    return new TokenMinter(keyId, (ECPrivateKey) key, fx.clock);
  }

  private static JsonNode decode(String segment) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(segment));
  }
}
