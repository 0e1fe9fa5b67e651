package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.DueDate;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.Step;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * In-app events (OpenAPI {@code AppEvent*}; App Store Connect Help, "offer in-app events"): created
 * as a {@code DRAFT}, reviewed as review submission items ({@link ReviewTargets#EVENT}), then
 * published and ended by the calendar: an approved event is {@code PUBLISHED} at the earliest
 * {@code publishStart} of its territory schedules and {@code PAST} after the latest {@code
 * eventEnd}, on the simulated clock (the process {@value #PROCESS_NAME}). {@code ARCHIVED} is left
 * to the operator (Apple's housekeeping has no documented date).
 *
 * <p>Every rule below is from Help "configure event details" and "event schedule" unless marked:
 * a unique reference name per app; an event lasts at most {@value #MAX_DAYS} days, starts before it
 * ends, and is promoted at most {@value #MAX_PROMOTION_DAYS} days before it starts (never after);
 * territories are App Store territories; at most {@value #MAX_APPROVED} approved events per app.
 */
public final class AppEventRules implements Behaviour {
  static final String TYPE = "appEvents";
  static final String DRAFT = "DRAFT";
  static final String PUBLISHED = "PUBLISHED";
  static final String PAST = "PAST";
  static final String PROCESS_NAME = "app-event-schedule";
  static final int MAX_DAYS = 31;
  static final int MAX_PROMOTION_DAYS = 14;
  static final int MAX_APPROVED = 10;
  private static final Set<String> LIVE = Set.of(ReviewTargets.APPROVED, PUBLISHED);
  /** What the event form needs before review (Inf: the fields App Store Connect marks required). */
  private static final List<String> REQUIRED = List.of("badge", "purpose", "primaryLocale");
  private static final List<String> LOCALIZED_TEXTS = List.of("name", "shortDescription", "longDescription");

  /** Publication and end of an approved event, due at the dates of its schedules. */
  public static final Process PROCESS = new Process(PROCESS_NAME, TYPE, "eventState", "APP_EVENT_STATE_UPDATED",
      Set.of(new Move(ReviewTargets.APPROVED, PUBLISHED), new Move(PUBLISHED, PAST)),
      List.of(Step.of(ReviewTargets.APPROVED, PUBLISHED)
              .dueWhen(scheduleDate(List.of("publishStart", "eventStart"), AppEventRules::earlier)),
          Step.of(PUBLISHED, PAST).dueWhen(scheduleDate(List.of("eventEnd"), AppEventRules::later))),
      Policy.auto(Duration.ZERO));

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public List<Process> processes() {
    return List.of(PROCESS);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    List<ApiError> problems = new ArrayList<>();
    ctx.stringAttribute("primaryLocale").filter(locale -> !TextRules.LOCALES.contains(locale)).ifPresent(locale ->
        problems.add(Errors.attributeInvalid("/data/attributes/primaryLocale",
            "'" + locale + "' is not a locale of the App Store.")));
    if (AppStoreVersionRules.changed(ctx, "referenceName")) {
      duplicateName(ctx).ifPresent(problems::add);
    }
    if (AppStoreVersionRules.changed(ctx, "territorySchedules")
        && ctx.attributes().get("territorySchedules") instanceof List<?> schedules) {
      for (int i = 0; i < schedules.size(); i++) {
        if (schedules.get(i) instanceof Map<?, ?> schedule) {
          problems.addAll(scheduleProblems(ctx, "/data/attributes/territorySchedules/" + i, schedule));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }

  private static Optional<ApiError> duplicateName(WriteContext ctx) {
    Optional<String> name = ctx.stringAttribute("referenceName");
    Optional<String> appId = Related.toOneId(ctx, "app");
    boolean taken = name.isPresent() && appId.isPresent()
        && Related.all(ctx.resources(), "apps", appId.get(), "appEvents").stream()
            .anyMatch(other -> !other.id().equals(ctx.id()) && name.equals(Related.text(other, "referenceName")));
    return taken
        ? Optional.of(Errors.attributeDuplicate("/data/attributes/referenceName",
            "An event named '" + name.get() + "' already exists for this app."))
        : Optional.empty();
  }

  private static List<ApiError> scheduleProblems(WriteContext ctx, String pointer, Map<?, ?> schedule) {
    List<ApiError> problems = new ArrayList<>();
    if (!(schedule.get("territories") instanceof List<?> territories) || territories.isEmpty()) {
      problems.add(Errors.attributeRequired(pointer + "/territories", "territories"));
    } else {
      for (int t = 0; t < territories.size(); t++) {
        Object code = territories.get(t);
        if (!(code instanceof String id) || ctx.resources().get("territories", id).isEmpty()) {
          problems.add(Errors.attributeInvalid(pointer + "/territories/" + t,
              "'" + code + "' is not an App Store territory."));
        }
      }
    }
    Optional<Instant> start = date(schedule, "eventStart");
    Optional<Instant> end = date(schedule, "eventEnd");
    Optional<Instant> publish = date(schedule, "publishStart");
    for (String required : List.of("eventStart", "eventEnd")) {
      if (date(schedule, required).isEmpty()) {
        problems.add(Errors.attributeRequired(pointer + "/" + required, required));
      }
    }
    if (start.isPresent() && end.isPresent()) {
      if (!end.get().isAfter(start.get())) {
        problems.add(Errors.attributeInvalid(pointer + "/eventEnd", "The event must end after it starts."));
      } else if (Duration.between(start.get(), end.get()).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
        problems.add(Errors.attributeInvalid(pointer + "/eventEnd",
            "An event can last at most " + MAX_DAYS + " days."));
      }
    }
    if (publish.isPresent() && start.isPresent()) {
      if (publish.get().isAfter(start.get())) {
        problems.add(Errors.attributeInvalid(pointer + "/publishStart",
            "The event must be published before it starts."));
      } else if (Duration.between(publish.get(), start.get()).compareTo(Duration.ofDays(MAX_PROMOTION_DAYS)) > 0) {
        problems.add(Errors.attributeInvalid(pointer + "/publishStart",
            "An event can be promoted at most " + MAX_PROMOTION_DAYS + " days before it starts."));
      }
    }
    return problems;
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    if (ctx.attribute("eventState").isEmpty()) {
      ctx.set("eventState", DRAFT);
    }
    for (String list : List.of("territorySchedules", "archivedTerritorySchedules")) {
      if (ctx.attribute(list).isEmpty()) {
        ctx.set(list, List.of());
      }
    }
  }

  /**
   * Before review: the event's required fields, a schedule that has not ended yet, a localization in
   * the primary locale with its three texts, and room among the app's approved events.
   */
  static Map<String, List<ApiError>> preconditions(ResourceAccess resources, StoredResource event) {
    Map<String, List<ApiError>> problems = new LinkedHashMap<>();
    String eventPath = "/v1/" + TYPE + "/" + event.id();
    for (String attribute : REQUIRED) {
      if (Related.text(event, attribute).isEmpty()) {
        add(problems, eventPath, Errors.attributeRequired("/data/attributes/" + attribute, attribute));
      }
    }
    if (!(event.attributes().get("territorySchedules") instanceof List<?> schedules) || schedules.isEmpty()) {
      add(problems, eventPath, Errors.attributeRequired("/data/attributes/territorySchedules", "territorySchedules")
          .withDetail("An event needs a schedule: when and where it runs."));
    }
    List<StoredResource> localizations = Related.all(resources, TYPE, event.id(), "localizations");
    Optional<String> primary = Related.text(event, "primaryLocale");
    if (localizations.stream().noneMatch(l -> primary.isEmpty() || primary.equals(Related.text(l, "locale")))) {
      add(problems, eventPath, Errors.relationshipRequired("/data/relationships/localizations", "localizations")
          .withDetail("An event needs a localization" + primary.map(l -> " in its primary locale '" + l + "'")
              .orElse("") + "."));
    }
    for (StoredResource localization : localizations) {
      for (String text : LOCALIZED_TEXTS) {
        if (Related.text(localization, text).filter(value -> !value.isBlank()).isEmpty()) {
          add(problems, "/v1/appEventLocalizations/" + localization.id(),
              Errors.attributeRequired("/data/attributes/" + text, text));
        }
      }
    }
    Related.one(resources, TYPE, event.id(), "app").ifPresent(app -> {
      long live = Related.all(resources, "apps", app.id(), TYPE).stream()
          .filter(other -> LIVE.contains(other.attributes().get("eventState"))).count();
      if (live >= MAX_APPROVED) {
        add(problems, eventPath, Errors.stateNotAllowed("/data/relationships/app",
            "The app already has " + MAX_APPROVED + " approved events."));
      }
    });
    return problems;
  }

  private static void add(Map<String, List<ApiError>> problems, String path, ApiError error) {
    problems.computeIfAbsent(path, p -> new ArrayList<>()).add(error);
  }

  /**
   * One date of every territory schedule (the first of {@code fields} it has: an event without a
   * publish start is published when it starts), folded into one: the earliest start, the latest end.
   */
  private static DueDate scheduleDate(List<String> fields, BinaryOperator<Instant> fold) {
    return attributes -> attributes.get("territorySchedules") instanceof List<?> schedules
        ? schedules.stream().filter(Map.class::isInstance)
            .map(s -> fields.stream().map(f -> date((Map<?, ?>) s, f)).flatMap(Optional::stream).findFirst())
            .flatMap(Optional::stream).reduce(fold)
        : Optional.empty();
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Optional<Instant> date(Map<?, ?> schedule, String field) {
    return AppleDates.parse(schedule.get(field));
  }
}
