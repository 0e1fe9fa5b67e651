package io.pomona.http.admin;

import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** An admin request's query parameters; a bad or unknown one is a 400 naming it. */
public final class QueryParameters {
  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  static QueryParameters parse(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals), pair);
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
        if (values.put(name, value) != null) {
          throw new ApiException(Errors.invalidParameter(name, "'" + name + "' is given more than once"));
        }
      }
    }
    return new QueryParameters(values);
  }

  /** Refuses parameters other than {@code allowed}. */
  public QueryParameters only(String... allowed) {
    Set<String> known = Set.of(allowed);
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new ApiException(Errors.illegalParameter(name,
            "'" + name + "' is not a parameter of this request" + (known.isEmpty() ? "" : "; expected some of " + new TreeSet<>(known))));
      }
    }
    return this;
  }

  public Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
  }

  /** A whole number from {@code min} to {@code max}, when given. */
  public OptionalInt integer(String name, int min, int max) {
    OptionalLong value = number(name, min, max);
    return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
  }

  public OptionalLong number(String name, long min, long max) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long value = Long.parseLong(text.get());
      if (value < min || value > max) {
        throw new ApiException(Errors.invalidParameter(name, "'" + name + "' must be from " + min + " to " + max));
      }
      return OptionalLong.of(value);
    } catch (NumberFormatException e) {
      throw new ApiException(Errors.invalidParameter(name, "'" + name + "' must be a whole number"));
    }
  }

  public boolean flag(String name) {
    Optional<String> text = Optional.ofNullable(values.get(name));
    if (text.isEmpty()) {
      return false;
    }
    return switch (text.get()) {
      case "", "true" -> true;
      case "false" -> false;
      default -> throw new ApiException(Errors.invalidParameter(name, "'" + name + "' must be true or false"));
    };
  }

  private static String decode(String text, String parameter) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(Errors.invalidParameter(parameter, "the query string has a malformed %-escape"));
    }
  }
}
