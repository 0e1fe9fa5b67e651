package io.pomona.engine;

import java.util.UUID;

/**
 * New resource ids. Apple's ids are opaque to clients (api-facts.md §14): UUIDs unless a domain
 * behaviour chooses another style for its types (numeric apps, 10-character provisioning ids).
 */
final class Ids {
  String newId(String type) {
    return UUID.randomUUID().toString();
  }
}
