package io.pomona.auth;

/**
 * A key's hourly budget after a request: what the {@code X-Rate-Limit} header reports.
 *
 * @param limit requests allowed in any rolling 60 minutes
 * @param remaining requests left in the current window
 */
public record RateDecision(int limit, int remaining) {

  /** The response header that carries {@link #headerValue()} (api-facts.md §3). */
  public static final String HEADER_NAME = "X-Rate-Limit";

  /** Exactly Apple's form, trailing semicolon included: {@code user-hour-lim:3500;user-hour-rem:500;}. */
  public String headerValue() {
    return "user-hour-lim:" + limit + ";user-hour-rem:" + remaining + ";";
  }
}
