package io.pomona.error;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of Apple's {@code ErrorResponse.errors}: status (a string on the wire), a
 * dot-hierarchical code, title, optional detail, optional source and optional meta.
 */
public record ApiError(
    int status,
    String code,
    String title,
    Optional<String> detail,
    Optional<Source> source,
    Map<String, Object> meta) {

  public ApiError {
    meta = Map.copyOf(meta);
  }

  public ApiError(int status, String code, String title, String detail) {
    this(status, code, title, Optional.ofNullable(detail), Optional.empty(), Map.of());
  }

  public ApiError withSource(Source newSource) {
    return new ApiError(status, code, title, detail, Optional.of(newSource), meta);
  }

  public ApiError withDetail(String newDetail) {
    return new ApiError(status, code, title, Optional.of(newDetail), source, meta);
  }

  public ApiError withMeta(Map<String, Object> newMeta) {
    return new ApiError(status, code, title, detail, source, newMeta);
  }

  /** Where the problem is: a JSON pointer into the body, or a query parameter name. */
  public record Source(Optional<String> pointer, Optional<String> parameter) {
    public static Source pointer(String pointer) {
      return new Source(Optional.of(pointer), Optional.empty());
    }

    public static Source parameter(String parameter) {
      return new Source(Optional.empty(), Optional.of(parameter));
    }
  }
}
