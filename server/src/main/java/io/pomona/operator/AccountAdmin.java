package io.pomona.operator;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import io.pomona.auth.KeyMaterial;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.Store;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Teams and API keys as an operator manages them. A new key's private half is handed back once,
 * as Apple's download does, and never stored: only its public half is.
 */
public final class AccountAdmin {
  /** Apple's {@code UserRole} values (OpenAPI 4.4.1). */
  public static final Set<String> ROLES = Set.of(
      "ADMIN", "FINANCE", "ACCOUNT_HOLDER", "SALES", "MARKETING", "APP_MANAGER", "DEVELOPER",
      "ACCESS_TO_REPORTS", "CUSTOMER_SUPPORT", "CREATE_APPS", "CLOUD_MANAGED_DEVELOPER_ID",
      "CLOUD_MANAGED_APP_DISTRIBUTION", "GENERATE_INDIVIDUAL_KEYS");

  private static final String TEAM_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int LONGEST_NAME = 200;

  private final Store store;
  private final Clock clock;
  private final SecureRandom random;

  public AccountAdmin(Store store, Clock clock, SecureRandom random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /** Creates a team with a fresh 10-character team id and issuer id; 400 for a blank name. */
  public Team createTeam(String name) {
    Team team = new Team(newTeamId(), UUID.randomUUID().toString(), requireName(name, "team"), clock.instant());
    return store.transaction(tx -> tx.createTeam(team));
  }

  public List<Team> teams() {
    return store.read(tx -> tx.teams());
  }

  /** A team by its 10-character team id or its issuer id. */
  public Optional<Team> findTeam(String teamOrIssuerId) {
    return store.read(tx -> tx.findTeam(teamOrIssuerId).or(() -> tx.findTeamByIssuer(teamOrIssuerId)));
  }

  /** As {@link #findTeam}, or 404. */
  public Team team(String teamOrIssuerId) {
    return findTeam(teamOrIssuerId).orElseThrow(() -> new ApiException(new ApiError(404, "NOT_FOUND",
        "The specified resource does not exist", "There is no team with team id or issuer id '" + teamOrIssuerId + "'")));
  }

  /** The team's keys, revoked ones included, oldest first. */
  public List<ApiKey> keys(String teamId) {
    return store.read(tx -> tx.keys(teamId));
  }

  /**
   * Creates a key with Apple's roles; an individual key names the user whose roles it carries.
   * 400 for no roles, unknown roles or a blank name.
   */
  public IssuedKey issueKey(Team team, String name, Set<String> roles, Optional<String> individualFor) {
    Set<String> unknown = new TreeSet<>(roles);
    unknown.removeAll(ROLES);
    if (roles.isEmpty() || !unknown.isEmpty()) {
      throw Errors.entityInvalid("'roles' must be one or more of " + new TreeSet<>(ROLES)
          + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
    }
    if (individualFor.isPresent() && individualFor.get().isBlank()) {
      throw Errors.entityInvalid("'individualFor' must name a user id when given");
    }
    KeyPair pair = KeyMaterial.generateKeyPair();
    ApiKey key = new ApiKey(
        KeyMaterial.newKeyId(random), team.id(), requireName(name, "key"), roles,
        individualFor.isPresent() ? KeyKind.INDIVIDUAL : KeyKind.TEAM,
        individualFor,
        KeyMaterial.publicKeyPem((ECPublicKey) pair.getPublic()),
        clock.instant(),
        Optional.empty());
    ApiKey stored = store.transaction(tx -> tx.insertKey(key));
    return new IssuedKey(stored, team, KeyMaterial.privateKeyPem(pair));
  }

  /** Revokes a key (it stays listed); revoking it again keeps the first time. 404 if unknown. */
  public ApiKey revoke(String keyId) {
    return store.transaction(tx -> {
      ApiKey key = tx.findKey(keyId).orElseThrow(() -> new ApiException(new ApiError(404, "NOT_FOUND",
          "The specified resource does not exist", "There is no API key with id '" + keyId + "'")));
      return key.active() ? tx.revokeKey(keyId, clock.instant()) : key;
    });
  }

  private static String requireName(String name, String what) {
    if (name == null || name.isBlank() || name.strip().length() > LONGEST_NAME) {
      throw Errors.entityInvalid("a " + what + " needs a 'name' of 1 to " + LONGEST_NAME + " characters");
    }
    return name.strip();
  }

  private String newTeamId() {
    StringBuilder id = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      id.append(TEAM_ID_ALPHABET.charAt(random.nextInt(TEAM_ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /**
   * A key just created, with its private half (PKCS#8 PEM, as in Apple's {@code
   * AuthKey_<KEYID>.p8}): shown once, never stored.
   */
  public record IssuedKey(ApiKey key, Team team, String privateKeyPem) {
    /** The file name Apple gives the download. */
    public String fileName() {
      return "AuthKey_" + key.keyId() + ".p8";
    }
  }
}
