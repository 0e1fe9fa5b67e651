package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.error.ApiError;
import io.pomona.error.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first pass over a request body: is it a JSON:API document at all? Each problem is a 422
 * {@code ENTITY_UNPROCESSABLE} with a pointer (api-facts.md §2: misspelled {@code data} or {@code
 * attributes}). Only a document that passes is checked against the operation's schema, so 422s
 * and 409s never mix in one response.
 */
final class DocumentStructure {
  /** JSON:API 1.0 top-level members a request may carry; Apple's schemas use data and included. */
  private static final Set<String> TOP_LEVEL = Set.of("data", "included", "meta", "jsonapi", "links");
  /** JSON:API 1.0 resource object members; links and meta are accepted and ignored. */
  private static final Set<String> RESOURCE = Set.of("type", "id", "attributes", "relationships", "links", "meta");

  private DocumentStructure() {}

  /** Problems of a create or update document (resource object in data, optional included). */
  static List<ApiError> ofResourceDocument(JsonNode body) {
    List<ApiError> problems = new ArrayList<>();
    if (!topLevel(body, problems)) {
      return problems;
    }
    JsonNode data = body.get("data");
    if (!data.isObject()) {
      problems.add(Errors.entityUnprocessable("/data", "'data' must be a resource object."));
    } else {
      resourceObject(data, Pointer.ROOT.member("data"), problems);
    }
    JsonNode included = body.get("included");
    if (included != null) {
      Pointer at = Pointer.ROOT.member("included");
      if (!included.isArray()) {
        problems.add(Errors.entityUnprocessable(at.text(), "'included' must be an array of resource objects."));
      } else {
        for (int i = 0; i < included.size(); i++) {
          if (included.get(i).isObject()) {
            resourceObject(included.get(i), at.index(i), problems);
          } else {
            problems.add(Errors.entityUnprocessable(at.index(i).text(), "An included resource must be an object."));
          }
        }
      }
    }
    return problems;
  }

  /** Problems of a relationship-endpoint document: data is an array (to-many) or object/null. */
  static List<ApiError> ofLinkageDocument(JsonNode body, boolean toMany) {
    List<ApiError> problems = new ArrayList<>();
    if (!topLevel(body, problems)) {
      return problems;
    }
    JsonNode data = body.get("data");
    if (toMany && !data.isArray()) {
      problems.add(Errors.entityUnprocessable("/data", "'data' must be an array of resource identifiers."));
    } else if (!toMany && !data.isObject() && !data.isNull()) {
      problems.add(Errors.entityUnprocessable("/data", "'data' must be a resource identifier or null."));
    }
    if (body.has("included")) {
      problems.add(Errors.entityUnprocessable("/included", "'included' is not allowed in a relationship request."));
    }
    return problems;
  }

  /** Checks the document members; false when there is no data to look into. */
  private static boolean topLevel(JsonNode body, List<ApiError> problems) {
    if (!body.isObject()) {
      problems.add(Errors.entityUnprocessable("", "The request body must be a JSON:API document (an object)."));
      return false;
    }
    unknownMembers(body, TOP_LEVEL, Pointer.ROOT, "a JSON:API document", problems);
    if (!body.has("data")) {
      problems.add(Errors.entityUnprocessable("/data", "The document must have a 'data' member."));
      return false;
    }
    return true;
  }

  private static void resourceObject(JsonNode resource, Pointer at, List<ApiError> problems) {
    unknownMembers(resource, RESOURCE, at, "a resource object", problems);
    for (String member : List.of("attributes", "relationships")) {
      JsonNode value = resource.get(member);
      // null is read as "none sent": Apple's own examples print empty members as null.
      if (value != null && !value.isObject() && !value.isNull()) {
        problems.add(Errors.entityUnprocessable(at.member(member).text(), "'" + member + "' must be an object."));
      }
    }
  }

  private static void unknownMembers(
      JsonNode object, Set<String> allowed, Pointer at, String what, List<ApiError> problems) {
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      String name = member.getKey();
      if (!allowed.contains(name)) {
        problems.add(
            Errors.entityUnprocessable(
                at.member(name).text(), "'" + name + "' is not a member of " + what + suggestion(name, allowed)));
      }
    }
  }

  /** "; did you mean 'attributes'?" for a near miss such as {@code atributes}, else ".". */
  private static String suggestion(String name, Set<String> allowed) {
    return allowed.stream()
        .filter(candidate -> editDistance(name, candidate) <= 2)
        .sorted()
        .findFirst()
        .map(candidate -> "; did you mean '" + candidate + "'?")
        .orElse(".");
  }

  /** Levenshtein distance; names are short, so the quadratic table is fine. */
  private static int editDistance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
