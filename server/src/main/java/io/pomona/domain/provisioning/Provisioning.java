package io.pomona.domain.provisioning;

import io.pomona.account.Team;
import io.pomona.behaviour.Behaviour;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The provisioning behaviours, wired to the installation's CA, in the order their hooks run. */
public final class Provisioning {
  private Provisioning() {}

  /**
   * @param authority the installation's CA ({@link CertificateAuthority#loadOrCreate})
   * @param teams looks a team up by id: certificates and profiles carry the team's name
   */
  public static List<Behaviour> behaviours(CertificateAuthority authority, Function<String, Optional<Team>> teams) {
    return List.of(
        new ProvisioningAccess(),
        new BundleIdRules(),
        new CapabilityRules(),
        new DeviceRules(),
        new CertificateRules(new CertificateIssuer(authority), teams),
        new ProfileRules(new ProfileSigner(authority), teams));
  }
}
