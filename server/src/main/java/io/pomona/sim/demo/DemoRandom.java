package io.pomona.sim.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every random choice of the demo, from one seeded generator: the same seed and the same order of
 * calls give the same ids and values. Ids follow Apple's styles (api-facts.md §14): numeric for
 * apps and customer reviews, 10 characters for provisioning resources, UUIDs elsewhere. Ids are
 * never handed out twice.
 */
final class DemoRandom {
  private static final String PROVISIONING_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String LINK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Random random;
  private final Set<String> issued = new HashSet<>();

  DemoRandom(long seed) {
    this.random = new Random(seed);
  }

  /** A 10-digit id like Apple's app and review ids. */
  String numericId() {
    return unique(() -> Long.toString(1_000_000_000L + (long) (random.nextDouble() * 5_500_000_000L)));
  }

  /** A 10-character upper-case id like those of bundle ids, devices, certificates and profiles. */
  String provisioningId() {
    return unique(() -> text(PROVISIONING_ALPHABET, 10));
  }

  /** A lower-case version-4 UUID. */
  String uuid() {
    return unique(() -> {
      long most = (random.nextLong() & ~0xF000L) | 0x4000L;
      long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(most, least).toString();
    });
  }

  /** An 8-character TestFlight public link id. */
  String publicLinkId() {
    return unique(() -> text(LINK_ALPHABET, 8));
  }

  /** {@code length} hex digits, upper- or lower-case. */
  String hex(int length, boolean upperCase) {
    String digits = upperCase ? "0123456789ABCDEF" : "0123456789abcdef";
    return text(digits, length);
  }

  /** A whole number in {@code [min, max]}. */
  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** Any 64-bit value, to seed a derived generator (key pairs). */
  long anyLong() {
    return random.nextLong();
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private String text(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private String unique(Supplier<String> candidates) {
    String id = candidates.get();
    while (!issued.add(id)) {
      id = candidates.get();
    }
    return id;
  }
}
