package io.pomona.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A position in a {@link ResourceQuery}'s order: where the previous page ended. A store hands it
 * out as {@link ResourcePage#next()} and takes it back as {@link ResourceQuery#after()}; callers
 * carry it (in an opaque cursor) without looking inside, but must give back the same values.
 *
 * @param values the last item's value of each sort key, as the store compares them: a String, a
 *     number (Long or Double; Integer, BigDecimal and BigInteger are accepted back), a Boolean, or
 *     null for an absent or null value. SQLite reports booleans as the numbers 1 and 0.
 * @param tiebreak the last item's {@link StoredResource#seq()}, or its edge position when the query
 *     is ordered by edge position
 */
public record Keyset(List<Object> values, long tiebreak) {
  public Keyset {
    // Not List.copyOf: a sort value may be null.
    values = Collections.unmodifiableList(new ArrayList<>(values));
    for (Object value : values) {
      if (value != null
          && !(value instanceof String)
          && !(value instanceof Boolean)
          && !(value instanceof Long)
          && !(value instanceof Integer)
          && !(value instanceof Double)
          && !(value instanceof BigDecimal)
          && !(value instanceof BigInteger)) {
        throw new IllegalArgumentException(
            "a keyset value must be a String, number, Boolean or null, was "
                + value.getClass().getName());
      }
    }
  }

  /** The position after the {@code tiebreak} of an unsorted list. */
  public static Keyset of(long tiebreak) {
    return new Keyset(List.of(), tiebreak);
  }
}
