package io.pomona.app;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the admin API is served.
 *
 * @param enabled false turns it off ({@code --admin=off}): no {@code /_pomona} paths at all
 * @param token the admin token from configuration; when empty, the one in the data directory's
 *     {@code admin-token} file (generated on first start)
 * @param host with {@code port}, an address of its own for the admin API (a second connector);
 *     empty to share the API's address under {@code /_pomona}
 * @param port the admin API's own port (0 picks a free one); empty to share the API's port
 */
public record AdminSettings(boolean enabled, Optional<String> token, Optional<String> host, OptionalInt port) {

  /** On, on the API's port, with the data directory's token. */
  public static AdminSettings defaults() {
    return new AdminSettings(true, Optional.empty(), Optional.empty(), OptionalInt.empty());
  }

  public static AdminSettings off() {
    return new AdminSettings(false, Optional.empty(), Optional.empty(), OptionalInt.empty());
  }

  public AdminSettings withToken(String newToken) {
    return new AdminSettings(enabled, Optional.of(newToken), host, port);
  }

  /** Served on its own connector at {@code host:port}. */
  public AdminSettings onOwnAddress(String newHost, int newPort) {
    return new AdminSettings(enabled, token, Optional.of(newHost), OptionalInt.of(newPort));
  }

  /** Whether it has a connector of its own. */
  public boolean ownAddress() {
    return enabled && port.isPresent();
  }
}
