package io.pomona.jsonapi;

import io.pomona.catalog.Operation;
import io.pomona.catalog.Parameter;
import io.pomona.catalog.Shape;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.query.Query;
import io.pomona.query.Query.Sort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses a raw query string into a {@link Query}, accepting only what the catalog lists for the
 * operation (api-facts.md §2, §4): an unknown name is {@code PARAMETER_ERROR.ILLEGAL}; a bad
 * value (enum, number, boolean, limit over the maximum) is {@code PARAMETER_ERROR.INVALID}; a
 * missing required parameter is {@code PARAMETER_ERROR.REQUIRED}. All problems are reported
 * together, each with {@code source.parameter}. Brackets may arrive raw or percent-encoded.
 */
public final class QueryParser {
  /** Apple's observed default page size (api-facts.md §4). */
  public static final int DEFAULT_LIMIT = 50;

  private static final String CURSOR = "cursor";

  /**
   * The required parameters of each operation, by operation id: checking them by walking every
   * parameter the operation allows (dozens of filters and fields for a list) was a visible part of
   * a cheap request's CPU.
   */
  private final Map<String, Required> requiredByOperation = new ConcurrentHashMap<>();

  /** An operation's required parameter names; the operation itself guards against reused ids. */
  private record Required(Operation operation, List<String> names) {}

  public Query parse(Operation operation, String rawQuery) {
    List<String> required = required(operation);
    if ((rawQuery == null || rawQuery.isEmpty()) && required.isEmpty()) {
      return Query.EMPTY;
    }
    List<ApiError> problems = new ArrayList<>();
    Map<String, String> given = split(rawQuery, problems);
    Map<String, Parameter> allowed = operation.parameters();
    boolean paged = allowed.containsKey("limit");

    Map<String, List<String>> filters = new LinkedHashMap<>();
    Map<String, Boolean> exists = new LinkedHashMap<>();
    List<Sort> sort = new ArrayList<>();
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    List<String> include = new ArrayList<>();
    OptionalInt limit = OptionalInt.empty();
    Map<String, Integer> relatedLimits = new LinkedHashMap<>();
    Optional<String> cursor = Optional.empty();
    Map<String, List<String>> custom = new LinkedHashMap<>();

    for (Map.Entry<String, String> entry : given.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (name.equals(CURSOR) && paged) {
        if (value.isEmpty()) {
          problems.add(Errors.invalidParameter(name, "The cursor is empty."));
        }
        cursor = Optional.of(value);
        continue;
      }
      Parameter parameter = allowed.get(name);
      if (parameter == null) {
        problems.add(illegal(name));
        continue;
      }
      String key = bracketed(name);
      if (name.equals("limit") || name.startsWith("limit[")) {
        OptionalInt parsed = parseLimit(name, value, parameter.shape(), problems);
        if (parsed.isPresent()) {
          if (key == null) {
            limit = parsed;
          } else {
            relatedLimits.put(key, parsed.getAsInt());
          }
        }
      } else if (name.startsWith("exists[")) {
        if (value.equals("true") || value.equals("false")) {
          exists.put(key, Boolean.parseBoolean(value));
        } else {
          problems.add(Errors.invalidParameter(name, "'" + value + "' is not a valid value for " + name + "; use true or false."));
        }
      } else {
        List<String> values = values(name, value, parameter.shape(), problems);
        if (name.startsWith("filter[")) {
          filters.put(key, values);
        } else if (name.startsWith("fields[")) {
          fields.put(key, new LinkedHashSet<>(values));
        } else if (name.equals("include")) {
          include.addAll(values);
        } else if (name.equals("sort")) {
          values.forEach(v -> sort.add(v.startsWith("-") ? new Sort(v.substring(1), true) : new Sort(v, false)));
        } else {
          custom.put(name, values);
        }
      }
    }
    for (String name : required) {
      if (!given.containsKey(name)) {
        problems.add(Errors.requiredParameter(name));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
    return new Query(filters, exists, sort, fields, include, limit, relatedLimits, cursor, custom);
  }

  /** The names of the operation's required parameters, in the catalog's order. */
  private List<String> required(Operation operation) {
    Required known = requiredByOperation.get(operation.id());
    if (known != null && known.operation() == operation) {
      return known.names();
    }
    List<String> names = operation.parameters().entrySet().stream()
        .filter(entry -> entry.getValue().required())
        .map(Map.Entry::getKey)
        .toList();
    requiredByOperation.put(operation.id(), new Required(operation, names));
    return names;
  }

  /**
   * An unknown key inside a known family ({@code filter[emaill]}) is a bad value,
   * {@code PARAMETER_ERROR.INVALID} "'emaill' is not a valid filter type" (observed); any other
   * unknown name is {@code PARAMETER_ERROR.ILLEGAL}.
   */
  private static ApiError illegal(String name) {
    String key = bracketed(name);
    if (key != null && name.startsWith("filter[")) {
      return Errors.invalidParameter(name, "'" + key + "' is not a valid filter type");
    }
    if (key != null && name.startsWith("exists[")) {
      return Errors.invalidParameter(name, "'" + key + "' is not a valid exists type");
    }
    if (key != null && name.startsWith("fields[")) {
      return Errors.invalidParameter(name, "'" + key + "' is not a valid resource type for fields");
    }
    if (key != null && name.startsWith("limit[")) {
      return Errors.invalidParameter(name, "'" + key + "' is not a relationship that supports a limit here");
    }
    return Errors.illegalParameter(name, "The parameter '" + name + "' can not be used with this request");
  }

  private static OptionalInt parseLimit(String name, String value, Shape shape, List<ApiError> problems) {
    int max = shape != null && shape.maximum() != null ? shape.maximum().intValue() : 200;
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1 && parsed <= max) {
        return OptionalInt.of(parsed);
      }
    } catch (NumberFormatException e) {
      // reported below, with the allowed range
    }
    problems.add(Errors.invalidParameter(name, "'" + value + "' is not a valid value for " + name + "; use a whole number from 1 to " + max + "."));
    return OptionalInt.empty();
  }

  /** Comma-separated values, each checked against the parameter's enum when it has one. */
  private static List<String> values(String name, String value, Shape shape, List<ApiError> problems) {
    Shape items = shape != null && shape.items() != null ? shape.items() : shape;
    List<String> values = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (part.isEmpty()) {
        problems.add(Errors.invalidParameter(name, "An empty value is not valid for " + name + "."));
        continue;
      }
      String bare = name.equals("sort") && part.startsWith("-") ? part.substring(1) : part;
      if (items != null && !items.enumValues().isEmpty() && !items.enumValues().contains(bare)) {
        problems.add(Errors.invalidParameter(name, "'" + bare + "' is not a valid " + describe(name) + "."));
        continue;
      }
      values.add(part);
    }
    return values;
  }

  private static String describe(String name) {
    if (name.equals("sort") || name.startsWith("fields[")) {
      return "field name";
    }
    if (name.equals("include")) {
      return "relationship name";
    }
    return "value for " + name;
  }

  /** {@code filter[app]} → {@code app}; {@code limit} → null. */
  private static String bracketed(String name) {
    int open = name.indexOf('[');
    return open < 0 || !name.endsWith("]") ? null : name.substring(open + 1, name.length() - 1);
  }

  /** Splits and percent-decodes; a name given twice is invalid (which value would win is unclear). */
  private static Map<String, String> split(String rawQuery, List<ApiError> problems) {
    Map<String, String> given = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return given;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      Optional<String> name = decode(rawName);
      Optional<String> value = decode(rawValue);
      if (name.isEmpty() || value.isEmpty()) {
        problems.add(Errors.invalidParameter(name.orElse(rawName), "The parameter is not correctly percent-encoded."));
        continue;
      }
      if (given.put(name.get(), value.get()) != null) {
        problems.add(Errors.invalidParameter(name.get(), "The parameter '" + name.get() + "' is given more than once."));
      }
    }
    return given;
  }

  /** Percent-decoding (UTF-8, {@code +} as space) that reports malformed input instead of throwing. */
  static Optional<String> decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return Optional.of(raw);
    }
    byte[] out = new byte[raw.length()];
    int n = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        out[n++] = ' ';
      } else if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        out[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        out[n++] = (byte) c;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (n + encoded.length > out.length) {
          out = java.util.Arrays.copyOf(out, out.length + encoded.length + 16);
        }
        System.arraycopy(encoded, 0, out, n, encoded.length);
        n += encoded.length;
      }
    }
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    try {
      return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
