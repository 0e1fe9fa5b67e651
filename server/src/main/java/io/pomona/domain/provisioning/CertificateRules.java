package io.pomona.domain.provisioning;

import io.pomona.behaviour.AppleDates;
import io.pomona.account.Team;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.domain.provisioning.CertificateKinds.Kind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Certificates (api-facts.md §8): a create turns the client's CSR into a real certificate issued
 * by Pomona's CA and fills in what Apple reports ({@code name}, {@code displayName}, {@code
 * platform}, {@code serialNumber}, {@code expirationDate}, {@code certificateContent} — base64 of
 * the DER, the bytes of the {@code .cer} download — and {@code activated}). The CSR itself is not
 * kept. Limits on active certificates per type are a 409 naming {@code certificateType}.
 *
 * <p>An operator (import, demo data) may record a certificate without a CSR: it is kept as given.
 *
 * <p>DELETE revokes. As with Apple, a revoked certificate disappears from the API (the row is
 * deleted; Pomona publishes no revocation list), and every profile that included it becomes
 * INVALID.
 */
final class CertificateRules implements Behaviour {
  static final String TYPE = "certificates";
  private static final Map<String, String> RELATIONSHIP_TYPES =
      Map.of("passTypeId", "passTypeIds", "merchantId", "merchantIds");

  private final CertificateIssuer issuer;
  private final Function<String, Optional<Team>> teams;

  CertificateRules(CertificateIssuer issuer, Function<String, Optional<Team>> teams) {
    this.issuer = issuer;
    this.teams = teams;
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.CREATE) {
      issue(ctx);
    } else if (ctx.kind() == WriteKind.DELETE) {
      ProfileInvalidation.invalidateReferring(ctx.resources(), "certificates", ctx.id());
    }
  }

  private void issue(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT && ctx.attribute("csrContent").isEmpty()) {
      return; // an operator (import, demo data) records a certificate as given
    }
    Kind kind = CertificateKinds.of(ctx.stringAttribute("certificateType").orElseThrow());
    PKCS10CertificationRequest csr = CsrReader.read(ctx.stringAttribute("csrContent")
        .orElseThrow(() -> new ApiException(Errors.attributeRequired(CsrReader.POINTER, "csrContent"))));
    Optional<String> forIdentifier = kind.forRelationship().map(relationship -> identifierOf(ctx, relationship));
    requireBelowLimit(ctx, kind);
    Team team = teams.apply(ctx.teamId())
        .orElseThrow(() -> new IllegalStateException("no team " + ctx.teamId() + " for a write in it"));
    X509Certificate certificate = issuer.issue(csr, kind, team.id(), team.name(), forIdentifier, ctx.now());
    Instant expires = certificate.getNotAfter().toInstant();
    ctx.set("csrContent", null);
    ctx.set("name", kind.subjectPrefix() + ": " + forIdentifier.orElse(team.name()));
    ctx.set("displayName", forIdentifier.orElse(team.name()));
    kind.platform().ifPresent(platform -> ctx.set("platform", platform));
    ctx.set("serialNumber", CertificateIssuer.serialHex(certificate.getSerialNumber()));
    ctx.set("expirationDate", AppleDates.format(expires));
    ctx.set("certificateContent", Base64.getEncoder().encodeToString(Pem.der(certificate)));
    ctx.set("activated", true);
  }

  /** The identifier of the pass type or merchant the certificate is for: required for these kinds. */
  private static String identifierOf(WriteContext ctx, String relationship) {
    String pointer = "/data/relationships/" + relationship;
    List<String> ids = ctx.relationships().getOrDefault(relationship, List.of());
    if (ids.isEmpty()) {
      throw new ApiException(Errors.relationshipRequired(pointer, relationship));
    }
    String type = RELATIONSHIP_TYPES.get(relationship);
    return ctx.resources().get(type, ids.get(0))
        .flatMap(target -> Optional.ofNullable(target.attributes().get("identifier")).map(String::valueOf))
        .orElseThrow(() -> new ApiException(Errors.relationshipTargetNotFound(pointer + "/data", type, ids.get(0))));
  }

  /**
   * Inf (api-facts.md gaps): Apple refuses a new certificate when the team already holds the
   * maximum of unexpired ones of the type; the code is the attribute family, naming the type.
   */
  private static void requireBelowLimit(WriteContext ctx, Kind kind) {
    if (kind.activeLimit().isEmpty()) {
      return;
    }
    int limit = kind.activeLimit().getAsInt();
    long active = ctx.resources().find(TYPE, Map.of("certificateType", kind.type()), 10_000).stream()
        .filter(existing -> stillValid(existing, ctx.now()))
        .count();
    if (active >= limit) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/certificateType",
          "You already have the maximum of " + limit + " active " + kind.type()
              + " certificates. Revoke one before creating another."));
    }
  }

  private static boolean stillValid(StoredResource certificate, Instant now) {
    return AppleDates.parse(certificate.attributes().get("expirationDate")).map(now::isBefore).orElse(true);
  }
}
