package io.pomona.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.behaviour.Process.Move;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessTest {
  private static final Process REVIEW = new Process("app-review", "appStoreVersions", "appVersionState",
      "APP_STORE_VERSION_APP_VERSION_STATE_UPDATED",
      Set.of(new Move("WAITING_FOR_REVIEW", "IN_REVIEW"), new Move("IN_REVIEW", "PENDING_DEVELOPER_RELEASE"),
          new Move("IN_REVIEW", "REJECTED")),
      List.of(Step.of("WAITING_FOR_REVIEW", "IN_REVIEW"),
          Step.of("IN_REVIEW", "PENDING_DEVELOPER_RELEASE").rejectingTo("REJECTED")),
      Policy.auto(Duration.ofSeconds(30)));

  @Test
  void stepsAreFoundByTheirFromState() {
    assertThat(REVIEW.stepFrom("IN_REVIEW")).hasValueSatisfying(step -> {
      assertThat(step.target(Outcome.APPROVE)).hasValue("PENDING_DEVELOPER_RELEASE");
      assertThat(step.target(Outcome.REJECT)).hasValue("REJECTED");
      assertThat(step.target(Outcome.FAIL)).isEmpty();
    });
    assertThat(REVIEW.stepFrom("REJECTED")).isEmpty();
    assertThat(REVIEW.allows("WAITING_FOR_REVIEW", "IN_REVIEW")).isTrue();
    assertThat(REVIEW.allows("IN_REVIEW", "WAITING_FOR_REVIEW")).isFalse();
  }

  @Test
  void aStateKeptAsAMemberOfAnObjectIsReadAndChangedInPlace() {
    Process delivery = new Process("app-screenshot-delivery", "appScreenshots", "assetDeliveryState.state",
        "APP_SCREENSHOT_ASSET_DELIVERY_STATE_UPDATED", Set.of(new Move("UPLOAD_COMPLETE", "COMPLETE")),
        List.of(Step.of("UPLOAD_COMPLETE", "COMPLETE")), Policy.auto(Duration.ofSeconds(5)));
    Map<String, Object> attributes = Map.of("fileName", "a.png",
        "assetDeliveryState", Map.of("state", "UPLOAD_COMPLETE", "errors", List.of()));

    assertThat(delivery.stateIn(attributes)).hasValue("UPLOAD_COMPLETE");
    assertThat(delivery.stateIn(Map.of("assetDeliveryState", "UPLOAD_COMPLETE"))).isEmpty();
    assertThat(delivery.stateChange(attributes, "COMPLETE"))
        .isEqualTo(Map.of("assetDeliveryState", Map.of("state", "COMPLETE", "errors", List.of())));
    assertThat(REVIEW.stateChange(Map.of(), "IN_REVIEW")).isEqualTo(Map.of("appVersionState", "IN_REVIEW"));
  }

  @Test
  void aDatedStepReadsItsDateFromTheResource() {
    Step expiry = Step.of("ACTIVE", "EXPIRED").dueAt("expirationDate");
    assertThat(expiry.due().orElseThrow().in(Map.of("expirationDate", "2026-12-05T10:00:00.000Z")))
        .hasValue(java.time.Instant.parse("2026-12-05T10:00:00Z"));
    assertThat(expiry.due().orElseThrow().in(Map.of("expirationDate", "soon"))).isEmpty();
    assertThat(expiry.due().orElseThrow().in(Map.of())).isEmpty();

    Step ending = Step.of("PUBLISHED", "PAST").dueWhen(attributes ->
        AppleDates.parse(attributes.get("end")).map(end -> end.plus(Duration.ofHours(1))));
    assertThat(ending.due().orElseThrow().in(Map.of("end", "2026-12-05T10:00:00Z")))
        .hasValue(java.time.Instant.parse("2026-12-05T11:00:00Z"));
    Process dated = new Process("dated", "appEvents", "eventState", "APP_EVENT_STATE_UPDATED",
        Set.of(new Move("PUBLISHED", "PAST")), List.of(ending), Policy.auto(Duration.ZERO));
    assertThat(dated.isDated()).isTrue();
    assertThat(REVIEW.isDated()).isFalse();
  }

  @Test
  void stateIsReadOnlyWhenItIsAString() {
    assertThat(REVIEW.stateIn(Map.of("appVersionState", "IN_REVIEW"))).hasValue("IN_REVIEW");
    assertThat(REVIEW.stateIn(Map.of("appVersionState", 3))).isEmpty();
    assertThat(REVIEW.stateIn(Map.of())).isEmpty();
  }

  @Test
  void aStepOutsideTheAllowedMovesIsRefusedAtDeclaration() {
    assertThatThrownBy(() -> new Process("p", "builds", "processingState", "E", Set.of(new Move("A", "B")),
        List.of(Step.of("A", "B").failingTo("C")), Policy.manual()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A → C");
  }

  @Test
  void twoStepsFromOneStateOrABadNameAreRefused() {
    assertThatThrownBy(() -> new Process("p", "builds", "s", "E", Set.of(new Move("A", "B"), new Move("A", "C")),
        List.of(Step.of("A", "B"), Step.of("A", "C")), Policy.manual()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two steps leave A");
    assertThatThrownBy(() -> new Process("Build Processing", "builds", "s", "E", Set.of(), List.of(),
        Policy.manual())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void behavioursRefuseTwoProcessesOfOneName() {
    Behaviour one = new Behaviour() {
      @Override
      public Set<String> resourceTypes() {
        return Set.of("appStoreVersions");
      }

      @Override
      public List<Process> processes() {
        return List.of(REVIEW);
      }
    };
    assertThatThrownBy(() -> new Behaviours(List.of(one, one))).isInstanceOf(IllegalArgumentException.class);
    Behaviours behaviours = new Behaviours(List.of(one));
    assertThat(behaviours.stateAttribute("appStoreVersions")).hasValue("appVersionState");
    assertThat(behaviours.process("app-review")).hasValue(REVIEW);
    assertThat(behaviours.of("builds")).isEmpty();
  }
}
