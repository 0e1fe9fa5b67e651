package io.pomona.error;

import java.util.List;

/**
 * The one exception type for every expected API failure. It carries one or more errors that
 * share an HTTP status. Expected failures are cheap: no stack trace is filled in.
 */
public final class ApiException extends RuntimeException {
  private final List<ApiError> errors;

  public ApiException(ApiError error) {
    this(List.of(error));
  }

  public ApiException(List<ApiError> errors) {
    super(errors.isEmpty() ? "no errors" : errors.get(0).code(), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an ApiException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public List<ApiError> errors() {
    return errors;
  }

  /** The HTTP status of the response: the first error's. */
  public int status() {
    return errors.get(0).status();
  }
}
