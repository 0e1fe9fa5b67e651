package io.pomona.app;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import io.pomona.auth.KeyMaterial;
import io.pomona.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Teams and keys as an operator manages them: shared by the CLI and the first start of
 * {@code serve}. Creating a key writes its private half once, as Apple's download does
 * ({@code AuthKey_<KEYID>.p8}, PKCS#8 PEM) plus the JSON key file fastlane reads; only the
 * public half is stored.
 */
public final class Accounts {
  /** Apple's {@code UserRole} values (OpenAPI 4.4.1). */
  public static final Set<String> ROLES = Set.of(
      "ADMIN", "FINANCE", "ACCOUNT_HOLDER", "SALES", "MARKETING", "APP_MANAGER", "DEVELOPER",
      "ACCESS_TO_REPORTS", "CUSTOMER_SUPPORT", "CREATE_APPS", "CLOUD_MANAGED_DEVELOPER_ID",
      "CLOUD_MANAGED_APP_DISTRIBUTION", "GENERATE_INDIVIDUAL_KEYS");

  private static final String TEAM_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Store store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Accounts(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Team createTeam(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a team needs a name");
    }
    Team team = new Team(newTeamId(), UUID.randomUUID().toString(), name.strip(), clock.instant());
    return store.transaction(tx -> tx.createTeam(team));
  }

  public List<Team> teams() {
    return store.read(tx -> tx.teams());
  }

  /** A team by its issuer id or its 10-character team id. */
  public Optional<Team> team(String issuerOrTeamId) {
    return store.read(tx -> tx.findTeamByIssuer(issuerOrTeamId).or(() -> tx.findTeam(issuerOrTeamId)));
  }

  public List<ApiKey> keys(String teamId) {
    return store.read(tx -> tx.keys(teamId));
  }

  public ApiKey revoke(String keyId) {
    return store.transaction(tx -> {
      ApiKey key = tx.findKey(keyId).orElseThrow(() -> new IllegalArgumentException("no key " + keyId));
      return key.active() ? tx.revokeKey(keyId, clock.instant()) : key;
    });
  }

  /**
   * Creates a key and writes {@code AuthKey_<KEYID>.p8} and {@code AuthKey_<KEYID>.json} into
   * {@code directory}.
   */
  public CreatedKey createKey(Team team, String name, Set<String> roles, Optional<String> individualFor, Path directory) {
    Set<String> unknown = new java.util.TreeSet<>(roles);
    unknown.removeAll(ROLES);
    if (!unknown.isEmpty() || roles.isEmpty()) {
      throw new IllegalArgumentException("roles must be some of " + new java.util.TreeSet<>(ROLES) + "; got " + roles);
    }
    KeyPair pair = KeyMaterial.generateKeyPair();
    String keyId = KeyMaterial.newKeyId();
    ApiKey key = new ApiKey(
        keyId, team.id(), name, roles,
        individualFor.isPresent() ? KeyKind.INDIVIDUAL : KeyKind.TEAM,
        individualFor,
        KeyMaterial.publicKeyPem((ECPublicKey) pair.getPublic()),
        clock.instant(),
        Optional.empty());
    String privatePem = KeyMaterial.privateKeyPem(pair);
    Path p8 = directory.resolve("AuthKey_" + keyId + ".p8");
    Path json = directory.resolve("AuthKey_" + keyId + ".json");
    try {
      Files.createDirectories(directory);
      Files.writeString(p8, privatePem);
      Files.writeString(json, fastlaneKeyFile(keyId, team.issuerId(), privatePem));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key files into " + directory, e);
    }
    ApiKey stored = store.transaction(tx -> tx.insertKey(key));
    return new CreatedKey(stored, team, p8, json);
  }

  /** The JSON key file fastlane's {@code app_store_connect_api_key(key_filepath:)} reads. */
  private static String fastlaneKeyFile(String keyId, String issuerId, String privatePem) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("key_id", keyId);
    file.put("issuer_id", issuerId);
    file.put("key", privatePem);
    file.put("in_house", false);
    file.put("duration", 1200);
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(file);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  private String newTeamId() {
    StringBuilder id = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      id.append(TEAM_ID_ALPHABET.charAt(random.nextInt(TEAM_ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /** A key just created, with where its private half was written. */
  public record CreatedKey(ApiKey key, Team team, Path privateKeyFile, Path jsonKeyFile) {}
}
