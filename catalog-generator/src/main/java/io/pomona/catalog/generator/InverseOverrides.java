package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The committed table that settles what type-based inference cannot ({@code
 * inverse-overrides.json}). Relationships are named {@code type.relationship}.
 *
 * @param aliases relationships that are another relationship of the same type under an older name
 *     (the deprecated v1 name beside the V2 one); they read the canonical edge
 * @param inverses explicit inverses: {@code inverse} names the relationship on the target type
 *     ({@code type.relationship}), or is null for a one-directional relationship. The reverse
 *     direction is implied.
 */
record InverseOverrides(List<Alias> aliases, List<Inverse> inverses) {

  InverseOverrides {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    inverses = inverses == null ? List.of() : List.copyOf(inverses);
  }

  /** {@code relationship} is the same edge as {@code sameEdgeAs} on its own type. */
  record Alias(String relationship, String sameEdgeAs, String why) {}

  /** {@code relationship}'s inverse is {@code inverse} (a {@code type.relationship}, or null). */
  record Inverse(String relationship, String inverse, String why) {}

  static InverseOverrides empty() {
    return new InverseOverrides(List.of(), List.of());
  }

  static InverseOverrides read(InputStream json) {
    try {
      InverseOverrides overrides =
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
              .readValue(json, InverseOverrides.class);
      overrides.aliases().forEach(alias -> requireWhy(alias.relationship(), alias.why()));
      overrides.inverses().forEach(inverse -> requireWhy(inverse.relationship(), inverse.why()));
      return overrides;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the inverse overrides", e);
    }
  }

  private static void requireWhy(String relationship, String why) {
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("override of " + relationship + " needs a 'why'");
    }
  }
}
