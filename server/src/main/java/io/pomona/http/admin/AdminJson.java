package io.pomona.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.operator.FaultRule;
import io.pomona.operator.RequestLog.LoggedRequest;
import io.pomona.operator.ResourceRef;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** How the admin API writes its values as JSON: plain objects, times as ISO-8601 instants. */
final class AdminJson {
  private final ObjectMapper json;

  AdminJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode object() {
    return json.createObjectNode();
  }

  <T> ObjectNode list(String name, Collection<T> items, Function<T, ObjectNode> render) {
    ObjectNode document = object();
    ArrayNode array = document.putArray(name);
    items.forEach(item -> array.add(render.apply(item)));
    return document;
  }

  ObjectNode team(Team team) {
    ObjectNode node = object();
    node.put("id", team.id());
    node.put("issuerId", team.issuerId());
    node.put("name", team.name());
    node.put("createdAt", team.createdAt().toString());
    return node;
  }

  ObjectNode key(ApiKey key) {
    ObjectNode node = object();
    node.put("keyId", key.keyId());
    node.put("teamId", key.teamId());
    node.put("name", key.name());
    ArrayNode roles = node.putArray("roles");
    new TreeSet<>(key.roles()).forEach(roles::add);
    node.put("kind", key.kind().name());
    key.userId().ifPresent(user -> node.put("individualFor", user));
    node.put("active", key.active());
    node.put("createdAt", key.createdAt().toString());
    key.revokedAt().ifPresent(at -> node.put("revokedAt", at.toString()));
    return node;
  }

  ObjectNode resource(ResourceRef resource, Map<String, Object> attributes) {
    ObjectNode node = ref(resource);
    node.set("attributes", json.valueToTree(attributes));
    return node;
  }

  ObjectNode ref(ResourceRef ref) {
    ObjectNode node = object();
    node.put("type", ref.type());
    node.put("id", ref.id());
    return node;
  }

  ObjectNode fault(FaultRule rule) {
    ObjectNode node = object();
    node.put("id", rule.id());
    node.put("pathPattern", rule.pathPattern());
    rule.method().ifPresent(method -> node.put("method", method));
    rule.error().ifPresent(error -> {
      node.put("status", error.status());
      node.put("errorCode", error.code());
      node.put("title", error.title());
      error.detail().ifPresent(detail -> node.put("detail", detail));
    });
    if (!rule.delay().isZero()) {
      node.put("delayMs", rule.delay().toMillis());
    }
    rule.count().ifPresent(count -> node.put("count", count));
    rule.remaining().ifPresent(remaining -> node.put("remaining", remaining));
    rule.probability().ifPresent(probability -> node.put("probability", probability));
    node.put("hits", rule.hits());
    node.put("createdAt", rule.createdAt().toString());
    return node;
  }

  ObjectNode request(LoggedRequest request) {
    ObjectNode node = object();
    node.put("seq", request.seq());
    node.put("time", request.time().toString());
    node.put("method", request.method());
    node.put("path", request.path());
    if (!request.query().isEmpty()) {
      node.put("query", request.query());
    }
    node.put("status", request.status());
    node.put("latencyMs", Math.round(request.latencyMs() * 1000) / 1000.0);
    request.keyId().ifPresent(key -> node.put("keyId", key));
    node.put("faulted", request.faulted());
    request.faultRuleId().ifPresent(rule -> node.put("faultRule", rule));
    return node;
  }
}
