package io.pomona.domain.appstore;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text rules of App Store metadata, as data: character limits per attribute (App Store Connect
 * Help, "platform version information" and "app information") and which attributes hold URLs.
 */
final class TextRules {
  /** Characters allowed, by type and attribute. */
  static final Map<String, Map<String, Integer>> LIMITS = Map.of(
      "appStoreVersionLocalizations", Map.of(
          "keywords", 100, "description", 4000, "promotionalText", 170, "whatsNew", 4000),
      "appInfoLocalizations", Map.of("name", 30, "subtitle", 30),
      "appStoreReviewDetails", Map.of("notes", 4000),
      // App Store Connect Help, "custom product pages" (promotional text as on the default page).
      "appCustomProductPageLocalizations", Map.of("promotionalText", 170),
      // App Store Connect Help, "configure event details": reference name 64, name 30, short
      // description 50, long description 120 characters.
      "appEvents", Map.of("referenceName", 64),
      "appEventLocalizations", Map.of("name", 30, "shortDescription", 50, "longDescription", 120));

  /** Attributes that must be http(s) URLs, by type. */
  static final Map<String, List<String>> URLS = Map.of(
      "appStoreVersionLocalizations", List.of("marketingUrl", "supportUrl"),
      "appInfoLocalizations", List.of("privacyPolicyUrl", "privacyChoicesUrl"));

  /**
   * The languages of App Store product pages (App Store Connect Help, "App Store localizations"),
   * as the API spells them.
   */
  static final Set<String> LOCALES = Set.of("ar-SA", "bn-BD", "ca", "cs", "da", "de-DE", "el", "en-AU", "en-CA",
      "en-GB", "en-US", "es-ES", "es-MX", "fi", "fr-CA", "fr-FR", "gu-IN", "he", "hi", "hr", "hu", "id", "it", "ja",
      "kn-IN", "ko", "ml-IN", "mr-IN", "ms", "nl-NL", "no", "or-IN", "pa-IN", "pl", "pt-BR", "pt-PT", "ro", "ru", "sk",
      "sl-SI", "sv", "ta-IN", "te-IN", "th", "tr", "uk", "ur-PK", "vi", "zh-Hans", "zh-Hant");

  private TextRules() {}

  static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false; // the answer is "not a URL"; the caller reports it
    }
  }
}
