package io.pomona.auth;

/** The fixed values of App Store Connect tokens (api-facts.md §1), shared by minting and checking. */
final class TokenFormat {

  /** The only accepted {@code aud}. */
  static final String AUDIENCE = "appstoreconnect-v1";

  /** The constant {@code sub} of individual keys' tokens. */
  static final String INDIVIDUAL_SUBJECT = "user";

  /** The raw {@code R || S} length of an ES256 signature (RFC 7518 §3.4); DER is longer. */
  static final int ES256_SIGNATURE_BYTES = 64;

  private TokenFormat() {}
}
