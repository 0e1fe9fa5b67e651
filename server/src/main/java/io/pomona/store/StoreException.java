package io.pomona.store;

/**
 * The database failed (disk full, corrupt file, lost connection, a bug in our SQL): a server error,
 * never a client mistake, so the HTTP layer answers 500 and logs the cause. Expected outcomes such
 * as a duplicate id or a missing row are {@link io.pomona.error.ApiException}s instead.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
