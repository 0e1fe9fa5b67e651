package io.pomona.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JettyServerSettingsTest {
  @Test
  void bearerTokensAreTooLongForJettysHeaderCache() {
    // The shortest token a client sends: a team token without scope.
    TokenMinter minter = new TokenMinter(KeyMaterial.newKeyId(),
        (ECPrivateKey) KeyMaterial.generateKeyPair().getPrivate(), Clock.systemUTC());
    String header = "Bearer " + minter.teamToken(UUID.randomUUID().toString(), Duration.ofMinutes(20), List.of());

    // Jetty caches a header line only when its value fits the capacity.
    assertThat(JettyServer.newHttpConfiguration().getHeaderCacheSize())
        .isEqualTo(JettyServer.HEADER_CACHE_SIZE)
        .isLessThan(header.length());
  }
}
