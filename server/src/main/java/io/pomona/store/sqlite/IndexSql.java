package io.pomona.store.sqlite;

import io.pomona.store.IndexSpec;
import io.pomona.store.SafeName;
import io.pomona.store.jdbc.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;

/**
 * The attribute indexes: one partial expression index per (type, attribute), on {@code (team_id,
 * json_extract(attributes, '$.attribute'), seq, type) WHERE type = 'type'}. Partial, so that each
 * holds only its type's rows and an insert writes only the indexes of its own type; led by team, so
 * that a team's filtered or sorted page is one seek; then seq, the order's tiebreak, so that paging
 * after a position is a seek too. The trailing type changes no order: it only lets a count read the
 * index alone, since the query's {@code type = 'type'} names that column.
 *
 * <p>SQLite uses a partial index only for a query whose WHERE repeats {@code type = 'type'} as
 * written, which is why queries inline the type as a literal.
 */
final class IndexSql {
  private final Jdbc jdbc;

  IndexSql(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void ensure(Collection<IndexSpec> specs) {
    for (IndexSpec spec : new LinkedHashSet<>(specs)) {
      jdbc.execute(
          "CREATE INDEX IF NOT EXISTS "
              + name(spec)
              + " ON resources (team_id, "
              + JsonAttribute.indexedValue(spec.attribute())
              + ", seq, type)"
              + " WHERE type = '"
              + SafeName.require(spec.type(), "type")
              + "'");
    }
  }

  boolean exists(IndexSpec spec) {
    return jdbc.number(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = ?", name(spec))
        > 0;
  }

  /**
   * A readable name made unique by a hash: type and attribute may contain underscores, so {@code
   * rx_a_b_c} alone could stand for two pairs.
   */
  static String name(IndexSpec spec) {
    String pair = spec.type() + "\u0000" + spec.attribute();
    byte[] digest = sha256().digest(pair.getBytes(StandardCharsets.UTF_8));
    return "rx_"
        + spec.type()
        + "_"
        + spec.attribute()
        + "_"
        + HexFormat.of().formatHex(digest, 0, 6);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
