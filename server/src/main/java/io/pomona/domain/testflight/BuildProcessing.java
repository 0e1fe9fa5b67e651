package io.pomona.domain.testflight;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.Step;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Apple processing an uploaded build (api-facts.md §6.1): {@code processingState} {@code
 * PROCESSING} → {@code VALID}, or {@code INVALID} / {@code FAILED} when an operator rejects or
 * fails it. Automatic after {@value #DEFAULT_DELAY_SECONDS} s by default.
 *
 * <p>A new build gets what Apple fills in on upload when the creator leaves it out: {@code
 * PROCESSING}, {@code uploadedDate} now, {@code expirationDate} 90 days later (Unv, §6.1) and
 * {@code expired} false.
 *
 * <p>The state event is {@value #EVENT_TYPE}, Pomona's name in the pattern of Apple's webhook
 * events ({@code <TYPE>_<ATTRIBUTE>_UPDATED}): builds have no Apple webhook event; build uploads
 * ({@code BUILD_UPLOAD_STATE_UPDATED}) will have theirs.
 */
public final class BuildProcessing implements Behaviour {
  public static final String EVENT_TYPE = "BUILD_PROCESSING_STATE_UPDATED";
  static final long DEFAULT_DELAY_SECONDS = 10;
  static final Duration EXPIRES_AFTER = Duration.ofDays(90);

  /** The process, by name {@code build-processing}. */
  public static final Process PROCESS = new Process(
      "build-processing",
      "builds",
      "processingState",
      EVENT_TYPE,
      Set.of(new Move("PROCESSING", "VALID"), new Move("PROCESSING", "INVALID"), new Move("PROCESSING", "FAILED")),
      List.of(Step.of("PROCESSING", "VALID").rejectingTo("INVALID").failingTo("FAILED")),
      Policy.auto(Duration.ofSeconds(DEFAULT_DELAY_SECONDS)));

  /** Apple's date-time form, e.g. {@code 2026-11-01T10:00:00.000Z}. */
  @Override
  public Set<String> resourceTypes() {
    return Set.of(PROCESS.resourceType());
  }

  @Override
  public List<Process> processes() {
    return List.of(PROCESS);
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    if (ctx.attribute(PROCESS.stateAttribute()).isEmpty()) {
      ctx.set(PROCESS.stateAttribute(), "PROCESSING");
    }
    Instant uploaded = ctx.stringAttribute("uploadedDate").flatMap(BuildProcessing::instant).orElse(ctx.now());
    if (ctx.attribute("uploadedDate").isEmpty()) {
      ctx.set("uploadedDate", AppleDates.format(uploaded));
    }
    if (ctx.attribute("expirationDate").isEmpty()) {
      ctx.set("expirationDate", AppleDates.format(uploaded.plus(EXPIRES_AFTER)));
    }
    if (ctx.attribute("expired").isEmpty()) {
      ctx.set("expired", false);
    }
  }

  private static Optional<Instant> instant(String dateTime) {
    try {
      return Optional.of(OffsetDateTime.parse(dateTime).toInstant());
    } catch (DateTimeParseException notADate) {
      // Not ours to refuse here (the body validator checks formats); expiry then counts from now.
      return Optional.empty();
    }
  }
}
