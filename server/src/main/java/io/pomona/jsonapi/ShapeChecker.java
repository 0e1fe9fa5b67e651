package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Shape;
import io.pomona.error.ApiError;
import io.pomona.error.Errors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one attribute value against its catalog {@link Shape} and converts it to Java values
 * (see {@link WriteRequest#attributes()}). Problems are added to a list as {@code
 * ENTITY_ERROR.ATTRIBUTE.INVALID} errors pointing at the exact nested member, so one pass reports
 * all of them. Nested objects are strict: a member the shape does not list is invalid.
 */
final class ShapeChecker {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  /** Named shapes refer to each other; a longer chain than this is a catalog bug. */
  private static final int MAX_REFERENCE_HOPS = 16;

  private final Map<String, Shape> shapes;

  ShapeChecker(Map<String, Shape> shapes) {
    this.shapes = Map.copyOf(shapes);
  }

  /** Where a value sits: the pointer for {@code source} and a readable name for the detail. */
  record Location(Pointer pointer, String label) {
    Location member(String name) {
      return new Location(pointer.member(name), label + "." + name);
    }

    Location index(int index) {
      return new Location(pointer.index(index), label + "[" + index + "]");
    }
  }

  /** A shape with its references followed; nullable if any step of the chain says so. */
  record Resolved(Shape shape, boolean nullable) {}

  Resolved resolve(Shape shape) {
    Shape current = shape;
    boolean nullable = shape.nullable();
    for (int hops = 0; current.isRef(); hops++) {
      if (hops == MAX_REFERENCE_HOPS) {
        throw new IllegalStateException("catalog shape references loop at '" + shape.ref() + "'");
      }
      Shape target = shapes.get(current.ref());
      if (target == null) {
        throw new IllegalStateException("catalog shape '" + current.ref() + "' is not defined");
      }
      current = target;
      nullable |= current.nullable();
    }
    return new Resolved(current, nullable);
  }

  /**
   * Checks a value that is not JSON null (whether null is allowed depends on where the value
   * sits: the caller decides for attributes, {@link #nested} for members and items) and returns it
   * as a Java value.
   */
  Object check(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    Shape resolved = resolve(shape).shape();
    String type = resolved.type() == null ? "any" : resolved.type();
    return switch (type) {
      case "string" -> string(value, resolved, at, problems);
      case "integer" -> integer(value, resolved, at, problems);
      case "number" -> number(value, resolved, at, problems);
      case "boolean" -> bool(value, at, problems);
      case "object" -> object(value, resolved, at, problems);
      case "array" -> array(value, resolved, at, problems);
      default -> enumerated(value, resolved, at, problems) ? anyValue(value, at, problems) : null;
    };
  }

  /** Converts a value the catalog does not describe (type any, free-form objects). */
  Object anyValue(JsonNode value, Location at, List<ApiError> problems) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      Optional<Object> number = exactNumber(value);
      if (number.isEmpty()) {
        problems.add(invalid(at, "'" + at.label() + "' must be a finite number."));
      }
      return number.orElse(null);
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        list.add(anyValue(value.get(i), at.index(i), problems));
      }
      return list;
    }
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        map.put(member.getKey(), anyValue(member.getValue(), at.member(member.getKey()), problems));
      }
      return map;
    }
    problems.add(invalid(at, "'" + at.label() + "' has a value that is not JSON."));
    return null;
  }

  private Object string(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    if (!value.isTextual()) {
      problems.add(invalid(at, "'" + at.label() + "' must be a string."));
      return null;
    }
    String text = value.textValue();
    if (!enumerated(value, shape, at, problems)) {
      return null;
    }
    if (shape.format() != null) {
      Optional<String> expected = StringFormats.mismatch(shape.format(), text);
      if (expected.isPresent()) {
        problems.add(
            invalid(at, "'" + text + "' is not valid for '" + at.label() + "'; expected " + expected.get() + "."));
        return null;
      }
    }
    return text;
  }

  private boolean enumerated(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    if (shape.enumValues().isEmpty()) {
      return true;
    }
    if (value.isValueNode() && shape.enumValues().contains(value.asText())) {
      return true;
    }
    problems.add(
        invalid(
            at,
            "'"
                + (value.isTextual() ? value.textValue() : value.toString())
                + "' is not a valid value for '"
                + at.label()
                + "'; expected one of "
                + String.join(", ", shape.enumValues())
                + "."));
    return false;
  }

  private Object integer(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    Optional<BigDecimal> number = decimal(value);
    // 2.0 is an integer (JSON Schema agrees); 2.5 and "2" are not.
    if (number.isEmpty() || !isIntegral(number.get())) {
      problems.add(invalid(at, "'" + at.label() + "' must be an integer."));
      return null;
    }
    BigDecimal exact = number.get();
    boolean int32 = "int32".equals(shape.format());
    if (exact.compareTo(int32 ? INT_MIN : LONG_MIN) < 0 || exact.compareTo(int32 ? INT_MAX : LONG_MAX) > 0) {
      problems.add(invalid(at, "'" + at.label() + "' is out of range for an integer."));
      return null;
    }
    return withinBounds(exact, shape, at, problems) ? exact.longValueExact() : null;
  }

  private Object number(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    Optional<BigDecimal> number = decimal(value);
    if (number.isEmpty()) {
      problems.add(invalid(at, "'" + at.label() + "' must be a number."));
      return null;
    }
    return withinBounds(number.get(), shape, at, problems) ? exactNumber(value).orElseThrow() : null;
  }

  private boolean withinBounds(BigDecimal number, Shape shape, Location at, List<ApiError> problems) {
    if (shape.minimum() != null && number.compareTo(shape.minimum()) < 0) {
      problems.add(invalid(at, "'" + at.label() + "' must be at least " + shape.minimum().toPlainString() + "."));
      return false;
    }
    if (shape.maximum() != null && number.compareTo(shape.maximum()) > 0) {
      problems.add(invalid(at, "'" + at.label() + "' must be at most " + shape.maximum().toPlainString() + "."));
      return false;
    }
    return true;
  }

  private static Object bool(JsonNode value, Location at, List<ApiError> problems) {
    if (!value.isBoolean()) {
      problems.add(invalid(at, "'" + at.label() + "' must be a boolean."));
      return null;
    }
    return value.booleanValue();
  }

  private Object object(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    if (!value.isObject()) {
      problems.add(invalid(at, "'" + at.label() + "' must be an object."));
      return null;
    }
    if (shape.properties().isEmpty() && shape.additionalProperties() == null) {
      return anyValue(value, at, problems); // {type: object} alone: any members
    }
    Map<String, Object> members = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String name = entry.getKey();
      Location memberAt = at.member(name);
      Shape memberShape = shape.properties().get(name);
      if (memberShape == null) {
        memberShape = shape.additionalProperties();
      }
      if (memberShape == null) {
        problems.add(invalid(memberAt, "'" + name + "' is not a member of '" + at.label() + "'."));
        continue;
      }
      members.put(name, nested(entry.getValue(), memberShape, memberAt, problems));
    }
    for (String required : shape.required()) {
      if (!value.has(required)) {
        Location memberAt = at.member(required);
        problems.add(invalid(memberAt, "You must provide a value for '" + memberAt.label() + "'."));
      }
    }
    return members;
  }

  private Object array(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    if (!value.isArray()) {
      problems.add(invalid(at, "'" + at.label() + "' must be an array."));
      return null;
    }
    if (shape.items() == null) {
      return anyValue(value, at, problems);
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(nested(value.get(i), shape.items(), at.index(i), problems));
    }
    return items;
  }

  /**
   * A member of a nested object or an array item: null only where the shape is nullable. (Top-level
   * attributes differ: any optional one may be sent as null to clear it.)
   */
  private Object nested(JsonNode value, Shape shape, Location at, List<ApiError> problems) {
    if (value.isNull()) {
      if (!resolve(shape).nullable()) {
        problems.add(invalid(at, "'" + at.label() + "' cannot be null."));
      }
      return null;
    }
    return check(value, shape, at, problems);
  }

  private static ApiError invalid(Location at, String detail) {
    return Errors.attributeInvalid(at.pointer().text(), detail);
  }

  /** The exact value of a JSON number; empty for non-numbers, NaN and infinities. */
  private static Optional<BigDecimal> decimal(JsonNode value) {
    if (!value.isNumber()) {
      return Optional.empty();
    }
    if (value.isIntegralNumber()) {
      return Optional.of(new BigDecimal(value.bigIntegerValue()));
    }
    if (value.isBigDecimal()) {
      return Optional.of(value.decimalValue());
    }
    // A double or float node (a reader without USE_BIG_DECIMAL_FOR_FLOATS): its shortest decimal
    // text is what the client most likely wrote.
    double approximate = value.doubleValue();
    return Double.isFinite(approximate) ? Optional.of(new BigDecimal(value.asText())) : Optional.empty();
  }

  /** Integers that fit a long stay Long; everything else is a BigDecimal. */
  private static Optional<Object> exactNumber(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(value.longValue());
    }
    return decimal(value).map(number -> number);
  }

  private static boolean isIntegral(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }
}
