package io.pomona.store.postgres;

import io.pomona.store.IndexSpec;
import io.pomona.store.SafeName;
import io.pomona.store.jdbc.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The attribute indexes: one partial expression index per (type, attribute), on {@code (team_id,
 * (attribute_values -> 'attribute') ASC NULLS FIRST, seq) WHERE type = 'type'}. Partial, so that
 * each holds only its type's rows and an insert writes only the indexes of its own type; led by
 * team, so that a team's filtered or sorted page is one seek; the value in the order queries sort
 * by ({@code ASC NULLS FIRST}, which read backwards is {@code DESC NULLS LAST}); then seq, the
 * order's tiebreak, so that paging after a position is a seek too.
 *
 * <p>A query uses a partial index only if its WHERE implies {@code type = 'type'} when it is
 * planned, which is why queries write the type as a literal rather than a parameter.
 */
final class IndexSql {
  /** PostgreSQL cuts identifiers beyond 63 bytes; names stay below, hash included. */
  private static final int LONGEST_NAME = 63;

  private static final int HASH_HEX_DIGITS = 12;

  private final Jdbc jdbc;

  IndexSql(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the missing indexes, after one look at which exist (start-up runs this every time). */
  void ensure(Collection<IndexSpec> specs) {
    Set<String> existing =
        new HashSet<>(
            jdbc.list(
                "SELECT indexname FROM pg_indexes"
                    + " WHERE schemaname = current_schema() AND tablename = 'resources'",
                row -> row.getString(1)));
    for (IndexSpec spec : new LinkedHashSet<>(specs)) {
      String name = name(spec);
      if (existing.contains(name)) {
        continue;
      }
      jdbc.update(
          "CREATE INDEX IF NOT EXISTS "
              + name
              + " ON resources (team_id, "
              + JsonAttribute.indexedValue(spec.attribute())
              + " ASC NULLS FIRST, seq)"
              + " WHERE type = '"
              + SafeName.require(spec.type(), "type")
              + "'");
    }
  }

  /**
   * A readable name made unique by a hash: type and attribute may contain underscores, so {@code
   * rx_a_b_c} alone could stand for two pairs, and a long pair must be cut to fit. Lower case, as
   * PostgreSQL folds unquoted names.
   */
  static String name(IndexSpec spec) {
    String pair = spec.type() + "\u0000" + spec.attribute();
    byte[] digest = sha256().digest(pair.getBytes(StandardCharsets.UTF_8));
    String hash = HexFormat.of().formatHex(digest, 0, HASH_HEX_DIGITS / 2);
    String readable = ("rx_" + spec.type() + "_" + spec.attribute()).toLowerCase(Locale.ROOT);
    int room = LONGEST_NAME - hash.length() - 1;
    return (readable.length() > room ? readable.substring(0, room) : readable) + "_" + hash;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
