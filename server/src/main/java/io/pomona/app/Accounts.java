package io.pomona.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.operator.AccountAdmin;
import io.pomona.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Teams and keys for the offline CLI and the first start of {@code serve}: {@link AccountAdmin}
 * plus the key files. Creating a key writes its private half once, as Apple's download does
 * ({@code AuthKey_<KEYID>.p8}, PKCS#8 PEM), plus the JSON key file fastlane reads; only the public
 * half is stored. Bad input fails with an {@link io.pomona.error.ApiException} (400, 404).
 */
public final class Accounts {
  /** Apple's {@code UserRole} values (OpenAPI 4.4.1). */
  public static final Set<String> ROLES = AccountAdmin.ROLES;

  private final AccountAdmin admin;

  public Accounts(Store store, Clock clock) {
    this.admin = new AccountAdmin(store, clock, new SecureRandom());
  }

  public Team createTeam(String name) {
    return admin.createTeam(name);
  }

  public List<Team> teams() {
    return admin.teams();
  }

  /** A team by its issuer id or its 10-character team id. */
  public Optional<Team> team(String issuerOrTeamId) {
    return admin.findTeam(issuerOrTeamId);
  }

  public List<ApiKey> keys(String teamId) {
    return admin.keys(teamId);
  }

  public ApiKey revoke(String keyId) {
    return admin.revoke(keyId);
  }

  /**
   * Creates a key and writes {@code AuthKey_<KEYID>.p8} and {@code AuthKey_<KEYID>.json} into
   * {@code directory}.
   */
  public CreatedKey createKey(Team team, String name, Set<String> roles, Optional<String> individualFor, Path directory) {
    AccountAdmin.IssuedKey issued = admin.issueKey(team, name, roles, individualFor);
    return writeKeyFiles(issued, directory);
  }

  /** Writes an issued key's {@code .p8} and fastlane {@code .json} files into {@code directory}. */
  static CreatedKey writeKeyFiles(AccountAdmin.IssuedKey issued, Path directory) {
    String keyId = issued.key().keyId();
    Path p8 = directory.resolve(issued.fileName());
    Path json = directory.resolve("AuthKey_" + keyId + ".json");
    try {
      Files.createDirectories(directory);
      Files.writeString(p8, issued.privateKeyPem());
      Files.writeString(json, fastlaneKeyFile(keyId, issued.team().issuerId(), issued.privateKeyPem()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key files into " + directory, e);
    }
    return new CreatedKey(issued.key(), issued.team(), p8, json);
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
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(file);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  /** A key just created, with where its private half was written. */
  public record CreatedKey(ApiKey key, Team team, Path privateKeyFile, Path jsonKeyFile) {}
}
