/**
 * Authentication and rate limiting, exactly as App Store Connect does them (api-facts.md §1, §3):
 * ES256 bearer tokens checked against the keys in a {@link io.pomona.auth.KeyDirectory}, a cache
 * of verified tokens, token scopes, and a rolling hourly request budget per key. Also the key
 * material and token minting used by the CLI and tests.
 *
 * <p>Callers pass plain strings (header, method, path, raw query); nothing here knows about HTTP
 * frameworks. Every token problem ends as {@code Errors.notAuthorized()} (401), an exhausted budget
 * as {@code Errors.rateLimitExceeded()} (429).
 *
 * <p>May depend on {@code io.pomona.error}, {@code io.pomona.account}, nimbus-jose-jwt and
 * Caffeine only.
 */
package io.pomona.auth;
