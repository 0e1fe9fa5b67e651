package io.pomona.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * An admin request body (a JSON object) read member by member, each read naming the member and
 * what it must be when it is wrong (400 {@code ENTITY_INVALID}).
 */
public final class JsonBody {
  private final JsonNode node;
  private final String where;

  JsonBody(JsonNode node, String where) {
    if (!node.isObject()) {
      throw Errors.entityInvalid("The request body must be a JSON object" + (where.isEmpty() ? "" : " at " + where));
    }
    this.node = node;
    this.where = where;
  }

  /** Refuses members other than {@code allowed}, so a misspelt option is not silently ignored. */
  public JsonBody only(String... allowed) {
    Set<String> known = Set.of(allowed);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid("'" + name + "' is not a member of this request; expected some of " + new TreeSet<>(known));
      }
    }
    return this;
  }

  public String text(String name) {
    return optionalText(name).orElseThrow(() -> invalid("'" + name + "' is required (a string)"));
  }

  public Optional<String> optionalText(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid("'" + name + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  public List<String> texts(String name) {
    JsonNode value = present(name);
    if (value == null) {
      throw invalid("'" + name + "' is required (an array of strings)");
    }
    if (!value.isArray()) {
      throw invalid("'" + name + "' must be an array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw invalid("'" + name + "' must be an array of strings");
      }
      texts.add(item.asText());
    }
    return texts;
  }

  public OptionalInt optionalInt(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return OptionalInt.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw invalid("'" + name + "' must be a whole number");
    }
    return OptionalInt.of(value.asInt());
  }

  public OptionalLong optionalLong(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return OptionalLong.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw invalid("'" + name + "' must be a whole number");
    }
    return OptionalLong.of(value.asLong());
  }

  public OptionalDouble optionalNumber(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return OptionalDouble.empty();
    }
    if (!value.isNumber()) {
      throw invalid("'" + name + "' must be a number");
    }
    return OptionalDouble.of(value.asDouble());
  }

  public Optional<Boolean> optionalBoolean(String name) {
    JsonNode value = present(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw invalid("'" + name + "' must be true or false");
    }
    return Optional.of(value.asBoolean());
  }

  /** Whether the member is there and not null. */
  public boolean has(String name) {
    return present(name) != null;
  }

  private JsonNode present(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private ApiException invalid(String problem) {
    return Errors.entityInvalid(where.isEmpty() ? problem : where + ": " + problem);
  }
}
