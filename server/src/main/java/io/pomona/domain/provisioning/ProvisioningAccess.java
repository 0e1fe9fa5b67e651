package io.pomona.domain.provisioning;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.behaviour.Behaviour;
import io.pomona.error.Errors;
import java.util.Set;

/**
 * Individual API keys cannot use provisioning (api-facts.md §1, Doc): every operation on a
 * Certificates, Identifiers & Profiles type, reads included, answers 403 {@code FORBIDDEN_ERROR}
 * (the code Apple uses for what a key may not do, §2).
 */
final class ProvisioningAccess implements Behaviour {
  static final Set<String> TYPES = Set.of("bundleIds", "bundleIdCapabilities", "devices", "certificates",
      "profiles", "merchantIds", "passTypeIds");

  @Override
  public Set<String> resourceTypes() {
    return TYPES;
  }

  @Override
  public void authorize(ApiKey key) {
    if (key.kind() == KeyKind.INDIVIDUAL) {
      throw Errors.forbidden("Individual API keys cannot access Certificates, Identifiers & Profiles;"
          + " use a team API key.");
    }
  }
}
