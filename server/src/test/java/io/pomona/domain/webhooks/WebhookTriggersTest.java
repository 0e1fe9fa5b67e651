package io.pomona.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.CatalogLoader;
import io.pomona.catalog.ResourceType;
import io.pomona.domain.webhooks.WebhookTrigger.Backward;
import io.pomona.domain.webhooks.WebhookTrigger.Forward;
import io.pomona.domain.webhooks.WebhookTrigger.Hop;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trigger table against the catalog: every event type accounted for, every name real. */
class WebhookTriggersTest {
  private static CatalogIndex catalog;

  @BeforeAll
  static void load() {
    catalog = new CatalogIndex(CatalogLoader.load());
  }

  @Test
  void everyAppleEventTypeIsTriggeredOrListedAsNotTriggered() {
    List<String> enumValues = catalog.shape("WebhookEventType").orElseThrow().enumValues();
    Set<String> covered = new HashSet<>(WebhookTriggers.NOT_TRIGGERED);
    WebhookTriggers.ALL.forEach(trigger -> covered.add(trigger.eventType()));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(enumValues);
    assertThat(WebhookTriggers.ALL).extracting(WebhookTrigger::eventType).doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(WebhookTriggers.NOT_TRIGGERED);
  }

  @Test
  void triggersNameRealTypesAttributesAndRelationships() {
    for (WebhookTrigger trigger : WebhookTriggers.ALL) {
      ResourceType type = catalog.type(trigger.resourceType()).orElseThrow(
          () -> new AssertionError(trigger.eventType() + ": no type " + trigger.resourceType()));
      trigger.state().ifPresent(change ->
          assertThat(type.attributes()).as(trigger.eventType()).containsKey(change.path().get(0)));
      for (List<Hop> path : trigger.pathsToApp()) {
        String current = trigger.resourceType();
        for (Hop hop : path) {
          current = switch (hop) {
            case Forward forward -> catalog.relationship(current, forward.relationship())
                .orElseThrow(() -> new AssertionError(trigger.eventType() + ": no relationship " + forward))
                .target();
            case Backward backward -> {
              String from = current;
              assertThat(catalog.relationship(backward.type(), backward.relationship()))
                  .as(trigger.eventType() + " " + backward)
                  .hasValueSatisfying(r -> assertThat(r.target()).isEqualTo(from));
              yield backward.type();
            }
          };
        }
        assertThat(current).as(trigger.eventType() + " reaches an app").isEqualTo("apps");
      }
    }
  }

  @Test
  void webUrlsNeedHttpOrHttpsAndAHost() {
    assertThat(WebhookRules.isWebUrl("https://example.com/hooks")).isTrue();
    assertThat(WebhookRules.isWebUrl("http://127.0.0.1:8080/x")).isTrue();
    assertThat(WebhookRules.isWebUrl("ftp://example.com/hooks")).isFalse();
    assertThat(WebhookRules.isWebUrl("mailto:someone@example.com")).isFalse();
    assertThat(WebhookRules.isWebUrl("https:///nohost")).isFalse();
    assertThat(WebhookRules.isWebUrl("not a url")).isFalse();
    assertThat(WebhookRules.isWebUrl("/relative/path")).isFalse();
  }
}
