package io.pomona.account;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as Pomona keeps it: only the public half (Apple keeps no private keys either).
 *
 * @param keyId 10 uppercase letters and digits, the JWT {@code kid}
 * @param teamId the owning team's id
 * @param name the key's name
 * @param roles Apple's {@code UserRole} values
 * @param kind team or individual
 * @param userId for individual keys, the user whose roles it carries
 * @param publicKeyPem the EC P-256 public key, PEM ({@code BEGIN PUBLIC KEY})
 * @param revokedAt when it was revoked; revoked keys stay listed
 */
public record ApiKey(
    String keyId,
    String teamId,
    String name,
    Set<String> roles,
    KeyKind kind,
    Optional<String> userId,
    String publicKeyPem,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public ApiKey {
    roles = Set.copyOf(roles);
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }
}
