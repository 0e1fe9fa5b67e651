package io.pomona.store.sqlite;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts the values of conditions and keysets to what SQLite compares JSON values with. */
final class SqlValues {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private SqlValues() {}

  /**
   * The value to bind: booleans as 1 and 0 (what {@code json_extract} gives for true and false),
   * whole numbers as a long, other numbers as a double, strings as they are.
   */
  static Object bindable(Object value) {
    return switch (value) {
      case null -> null;
      case String text -> text;
      case Boolean flag -> flag ? 1L : 0L;
      case Long number -> number;
      case Integer number -> number.longValue();
      case Short number -> number.longValue();
      case Double number -> number;
      case Float number -> number.doubleValue();
      case BigInteger number -> fitsInLong(number) ? number.longValue() : number.doubleValue();
      case BigDecimal number -> bindable(number);
      default ->
          throw new IllegalArgumentException(
              "not a comparable JSON scalar: " + value.getClass().getName());
    };
  }

  /** A value read back from a sort column: INTEGER as Long, REAL as Double, TEXT as String. */
  static Object readable(Object column) {
    return column instanceof Integer number ? Long.valueOf(number) : column;
  }

  private static Object bindable(BigDecimal number) {
    boolean whole = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    if (whole && fitsInLong(number.toBigInteger())) {
      return number.longValue();
    }
    // A fraction, or too large for a long: compared as a double, as SQLite holds JSON reals.
    return number.doubleValue();
  }

  private static boolean fitsInLong(BigInteger number) {
    return number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0;
  }
}
