package io.pomona.operator;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A fault rule as an operator asks for it, before validation. A rule answers matching API
 * requests with an error, delays them, or both (delay first).
 *
 * @param pathPattern which paths: a glob or a regular expression, see {@link PathPattern}
 * @param method only this HTTP method; any when empty
 * @param status the HTTP status of the injected error, 400–599; with {@code errorCode}
 * @param errorCode Apple's error code for it, e.g. {@code UNEXPECTED_ERROR}; with {@code status}
 * @param title the error's title; a fitting default when empty
 * @param detail the error's detail; names the rule when empty
 * @param delayMs how long to hold the request before answering, 0–{@value FaultRules#LONGEST_DELAY_MS}
 * @param count apply to this many matching requests, then drop the rule
 * @param probability apply to each matching request with this probability, 0–1 (not with count)
 */
public record FaultSpec(
    String pathPattern,
    Optional<String> method,
    OptionalInt status,
    Optional<String> errorCode,
    Optional<String> title,
    Optional<String> detail,
    OptionalLong delayMs,
    OptionalInt count,
    OptionalDouble probability) {

  /** An error rule with no other options, for tests and simple callers. */
  public static FaultSpec error(String pathPattern, int status, String errorCode) {
    return new FaultSpec(pathPattern, Optional.empty(), OptionalInt.of(status), Optional.of(errorCode),
        Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalInt.empty(), OptionalDouble.empty());
  }
}
