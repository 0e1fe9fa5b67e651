package io.pomona.domain.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each {@code CertificateType} is, in one table: the common-name prefix Apple puts in the
 * subject, the platform the API reports, the validity, how many may be active at once, the Apple
 * marker extension and extended key usages, and which relationship names the thing the certificate
 * is for (pass type, merchant).
 *
 * <p>Sources: common names and marker OIDs as they appear in certificates Apple issues (Apple's
 * public CA documents list the 1.2.840.113635.100.6.1.* markers); validity (1 year for
 * development and distribution, 5 years for Developer ID, 25 months for Apple Pay) and the active
 * limits (3 distribution, 5 Developer ID) follow Apple's developer help — Inf where the help is
 * vague, and api-facts.md lists both as gaps.
 */
final class CertificateKinds {
  static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  /** Apple's EKU for signing installer packages (Inf: seen in Mac installer certificates). */
  static final String PACKAGE_SIGNING = "1.2.840.113635.100.4.13";

  private static final Duration ONE_YEAR = Duration.ofDays(365);
  private static final Duration FIVE_YEARS = Duration.ofDays(5 * 365);
  private static final Duration TWENTY_FIVE_MONTHS = Duration.ofDays(761);

  /**
   * One certificate type.
   *
   * @param subjectPrefix the common name's prefix, e.g. {@code Apple Distribution}
   * @param platform the {@code platform} the API reports (a BundleIdPlatform), empty for
   *     multi-platform types
   * @param activeLimit how many unexpired certificates of this type a team may hold
   * @param marker Apple's marker extension naming the certificate's purpose (non-critical here,
   *     so that generic verifiers accept the chain; Apple marks them critical)
   * @param forRelationship the relationship of the create request that names what the
   *     certificate is for ({@code passTypeId}, {@code merchantId}); its identifier replaces the
   *     team in the common name
   */
  record Kind(String type, String subjectPrefix, Optional<String> platform, Duration validity,
      OptionalInt activeLimit, String marker, List<String> extendedKeyUsages, Optional<String> forRelationship) {}

  private static final Map<String, Kind> KINDS = Stream.of(
      kind("DEVELOPMENT", "Apple Development", null, ONE_YEAR, null, "1.2.840.113635.100.6.1.2", CODE_SIGNING),
      kind("DISTRIBUTION", "Apple Distribution", null, ONE_YEAR, 3, "1.2.840.113635.100.6.1.4", CODE_SIGNING),
      kind("IOS_DEVELOPMENT", "iPhone Developer", "IOS", ONE_YEAR, null, "1.2.840.113635.100.6.1.2", CODE_SIGNING),
      kind("IOS_DISTRIBUTION", "iPhone Distribution", "IOS", ONE_YEAR, 3, "1.2.840.113635.100.6.1.4", CODE_SIGNING),
      kind("MAC_APP_DEVELOPMENT", "Mac Developer", "MAC_OS", ONE_YEAR, null, "1.2.840.113635.100.6.1.12",
          CODE_SIGNING),
      kind("MAC_APP_DISTRIBUTION", "3rd Party Mac Developer Application", "MAC_OS", ONE_YEAR, 3,
          "1.2.840.113635.100.6.1.7", CODE_SIGNING),
      kind("MAC_INSTALLER_DISTRIBUTION", "3rd Party Mac Developer Installer", "MAC_OS", ONE_YEAR, 3,
          "1.2.840.113635.100.6.1.8", PACKAGE_SIGNING),
      kind("DEVELOPER_ID_APPLICATION", "Developer ID Application", "MAC_OS", FIVE_YEARS, 5,
          "1.2.840.113635.100.6.1.13", CODE_SIGNING),
      kind("DEVELOPER_ID_APPLICATION_G2", "Developer ID Application", "MAC_OS", FIVE_YEARS, 5,
          "1.2.840.113635.100.6.1.13", CODE_SIGNING),
      kind("DEVELOPER_ID_KEXT", "Developer ID Kernel Extension", "MAC_OS", FIVE_YEARS, 5,
          "1.2.840.113635.100.6.1.18", CODE_SIGNING),
      kind("DEVELOPER_ID_KEXT_G2", "Developer ID Kernel Extension", "MAC_OS", FIVE_YEARS, 5,
          "1.2.840.113635.100.6.1.18", CODE_SIGNING),
      kind("IDENTITY_ACCESS", "Identity Access", null, ONE_YEAR, null, "1.2.840.113635.100.6.1.2", CLIENT_AUTH),
      kindFor("PASS_TYPE_ID", "Pass Type ID", ONE_YEAR, "1.2.840.113635.100.6.1.16", "passTypeId"),
      kindFor("PASS_TYPE_ID_WITH_NFC", "Pass Type ID", ONE_YEAR, "1.2.840.113635.100.6.1.16", "passTypeId"),
      kindFor("APPLE_PAY", "Apple Pay Payment Processing", TWENTY_FIVE_MONTHS, "1.2.840.113635.100.6.32",
          "merchantId"),
      kindFor("APPLE_PAY_RSA", "Apple Pay Payment Processing", TWENTY_FIVE_MONTHS, "1.2.840.113635.100.6.32",
          "merchantId"),
      kindFor("APPLE_PAY_MERCHANT_IDENTITY", "Merchant ID", TWENTY_FIVE_MONTHS, "1.2.840.113635.100.6.32",
          "merchantId"),
      kindFor("APPLE_PAY_PSP_IDENTITY", "Apple Pay Payment Service Provider", TWENTY_FIVE_MONTHS,
          "1.2.840.113635.100.6.32", "merchantId"))
      .collect(Collectors.toUnmodifiableMap(Kind::type, Function.identity()));

  private CertificateKinds() {}

  /** The kind of a {@code CertificateType} value (the body validator has checked the enum). */
  static Kind of(String certificateType) {
    Kind kind = KINDS.get(certificateType);
    if (kind == null) {
      throw new IllegalArgumentException("no certificate kind for " + certificateType);
    }
    return kind;
  }

  static java.util.Set<String> types() {
    return KINDS.keySet();
  }

  private static Kind kind(String type, String prefix, String platform, Duration validity, Integer limit,
      String marker, String usage) {
    return new Kind(type, prefix, Optional.ofNullable(platform), validity,
        limit == null ? OptionalInt.empty() : OptionalInt.of(limit), marker, List.of(usage), Optional.empty());
  }

  private static Kind kindFor(String type, String prefix, Duration validity, String marker, String relationship) {
    return new Kind(type, prefix, Optional.empty(), validity, OptionalInt.empty(), marker, List.of(CLIENT_AUTH),
        Optional.of(relationship));
  }
}
