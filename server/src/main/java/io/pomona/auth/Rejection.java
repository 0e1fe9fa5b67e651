package io.pomona.auth;

/**
 * Why a token was refused. Clients only ever see Apple's one 401 text; the reason exists so that
 * tests can prove a token failed for the intended reason and not by accident.
 */
enum Rejection {
  MISSING_CREDENTIALS,
  NOT_BEARER,
  MALFORMED_TOKEN,
  UNSUPPORTED_ALGORITHM,
  UNSUPPORTED_HEADER,
  MISSING_KEY_ID,
  UNKNOWN_KEY,
  REVOKED_KEY,
  UNKNOWN_TEAM,
  BAD_SIGNATURE,
  MALFORMED_CLAIM,
  WRONG_AUDIENCE,
  WRONG_ISSUER,
  WRONG_SUBJECT,
  MISSING_EXPIRY,
  EXPIRED,
  ISSUED_IN_FUTURE,
  NOT_YET_VALID,
  LIFETIME_TOO_LONG,
  SCOPE_MISMATCH;

  /** The exception carrying this reason; thrown inside the package, translated at its edge. */
  TokenRejected exception() {
    return new TokenRejected(this);
  }

  /** Internal only: {@link Authenticator#authenticate} turns it into Apple's 401. */
  static final class TokenRejected extends RuntimeException {
    private final Rejection reason;

    private TokenRejected(Rejection reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }

    Rejection reason() {
      return reason;
    }
  }
}
