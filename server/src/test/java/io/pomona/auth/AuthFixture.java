package io.pomona.auth;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One team with a team key, an individual key and a revoked key, plus a key pair nobody
 * registered; all on a clock that tests move.
 */
final class AuthFixture {
  static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final InMemoryKeyDirectory directory = new InMemoryKeyDirectory();
  final Team team = new Team("7X3K9P2Q8L", "69a6de70-3c4a-47e3-e053-5b8c7c11a4d1", "Orchard", START);
  final KeyPair teamPair = KeyMaterial.generateKeyPair();
  final KeyPair individualPair = KeyMaterial.generateKeyPair();
  final KeyPair revokedPair = KeyMaterial.generateKeyPair();
  final KeyPair strangerPair = KeyMaterial.generateKeyPair();
  final ApiKey teamKey = key("2X9R4HXF34", KeyKind.TEAM, teamPair);
  final ApiKey individualKey = key("IND1V1DUAL", KeyKind.INDIVIDUAL, individualPair);
  final ApiKey revokedKey = key("REV0KED001", KeyKind.TEAM, revokedPair);

  AuthFixture() {
    directory.add(team);
    directory.add(teamKey);
    directory.add(individualKey);
    directory.add(revokedKey);
    directory.revoke(revokedKey.keyId(), START.minusSeconds(3600));
  }

  Authenticator authenticator(AuthSettings settings) {
    return new Authenticator(directory, settings, clock);
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  /** A correct team-key token: ES256, kid, typ JWT; iss, iat now, exp now + 1200 s, aud. */
  TestToken teamToken() {
    return TestToken.es256(teamKey.keyId(), teamPair.getPrivate())
        .claim("iss", team.issuerId())
        .claim("iat", now())
        .claim("exp", now() + 1200)
        .claim("aud", "appstoreconnect-v1");
  }

  /** A correct individual-key token: sub "user", no iss. */
  TestToken individualToken() {
    return TestToken.es256(individualKey.keyId(), individualPair.getPrivate())
        .claim("sub", "user")
        .claim("iat", now())
        .claim("exp", now() + 1200)
        .claim("aud", "appstoreconnect-v1");
  }

  private ApiKey key(String keyId, KeyKind kind, KeyPair pair) {
    return new ApiKey(
        keyId,
        team.id(),
        keyId + " key",
        Set.of("ADMIN"),
        kind,
        kind == KeyKind.INDIVIDUAL ? Optional.of("user-1") : Optional.empty(),
        KeyMaterial.publicKeyPem((ECPublicKey) pair.getPublic()),
        START,
        Optional.empty());
  }
}
