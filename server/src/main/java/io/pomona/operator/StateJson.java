package io.pomona.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.store.Event;
import io.pomona.store.Transition;

/**
 * Events and transitions as the operator sees them, in JSON: the admin API answers with these
 * and the export document holds them (without the team, which the document names once).
 */
final class StateJson {
  private final ObjectMapper json;

  StateJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode event(Event event, boolean withTeam) {
    ObjectNode node = json.createObjectNode();
    node.put("seq", event.seq());
    if (withTeam) {
      node.put("teamId", event.teamId());
    }
    node.put("at", event.at().toString());
    node.put("eventType", event.eventType());
    node.put("resourceType", event.resourceType());
    node.put("resourceId", event.resourceId());
    event.oldState().ifPresent(state -> node.put("oldState", state));
    event.newState().ifPresent(state -> node.put("newState", state));
    node.set("payload", json.valueToTree(event.payload()));
    return node;
  }

  ObjectNode transition(Transition transition, boolean withTeam) {
    ObjectNode node = json.createObjectNode();
    node.put("id", transition.id());
    if (withTeam) {
      node.put("teamId", transition.teamId());
    }
    node.put("process", transition.process());
    node.put("resourceType", transition.resourceType());
    node.put("resourceId", transition.resourceId());
    node.put("from", transition.from());
    transition.to().ifPresent(to -> node.put("to", to));
    transition.dueAt().ifPresent(due -> node.put("dueAt", due.toString()));
    node.put("state", transition.state().name());
    transition.outcome().ifPresent(outcome -> node.put("outcome", outcome));
    transition.reason().ifPresent(reason -> node.put("reason", reason));
    node.put("createdAt", transition.createdAt().toString());
    transition.finishedAt().ifPresent(at -> node.put("finishedAt", at.toString()));
    return node;
  }
}
