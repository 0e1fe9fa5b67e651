package io.pomona.sim.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The body Apple POSTs to a webhook (api-facts.md §13): {@code {"data":{"type":"<camelCase
 * event>","id":"<uuid>","version":1,"attributes":{…},"relationships":{"instance":{"data":{type,
 * id},"links":{"self":…}}}}}}. Background-asset events put {@code type}, {@code id} and {@code
 * links} directly on {@code instance}, as Apple's own examples do.
 */
final class WebhookPayloads {
  private final ObjectMapper json;

  WebhookPayloads(ObjectMapper json) {
    this.json = json;
  }

  /** The instance a payload points at, with its absolute address. */
  record Instance(String type, String id, String selfUrl, boolean flat) {}

  /**
   * The payload's bytes, exactly as they are stored in {@code webhookEvents.payload} and sent.
   *
   * @param dataType the camelCase event name, e.g. {@code appStoreVersionAppVersionStateUpdated}
   * @param attributes the event's attributes, in the order to write them (String, Number, Boolean,
   *     List or Map values)
   */
  String render(String dataType, String id, Map<String, Object> attributes, Instance instance) {
    ObjectNode document = json.createObjectNode();
    ObjectNode data = document.putObject("data");
    data.put("type", dataType);
    data.put("id", id);
    data.put("version", 1);
    data.set("attributes", json.valueToTree(attributes));
    ObjectNode instanceNode = data.putObject("relationships").putObject("instance");
    ObjectNode identifier = instance.flat() ? instanceNode : instanceNode.putObject("data");
    identifier.put("type", instance.type());
    identifier.put("id", instance.id());
    instanceNode.putObject("links").put("self", instance.selfUrl());
    try {
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a webhook payload of plain values failed to serialize", e);
    }
  }

  static byte[] bytes(String payload) {
    return payload.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Apple's {@code data.type} for a {@link io.pomona.catalog} {@code WebhookEventType}: the enum
   * name in camelCase ({@code BUILD_UPLOAD_STATE_UPDATED} → {@code buildUploadStateUpdated}).
   */
  static String dataType(String eventType) {
    StringBuilder camel = new StringBuilder();
    for (String word : eventType.toLowerCase(Locale.ROOT).split("_")) {
      if (word.isEmpty()) {
        continue;
      }
      camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return camel.toString();
  }
}
