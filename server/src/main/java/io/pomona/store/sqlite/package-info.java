/**
 * The SQLite store: one file, {@code pomona.db}, in the data directory, in WAL mode, its schema
 * kept by Flyway migrations ({@code db/migration/sqlite/V*.sql} on the classpath).
 *
 * <p>SQLite allows one writer at a time, so {@link io.pomona.store.sqlite.SqliteStore} serializes
 * write transactions behind a fair lock on a single writer connection (no {@code SQLITE_BUSY}
 * inside one process) while reads run concurrently on a small pool of read-only connections. Times
 * are stored as INTEGER epoch milliseconds (UTC); attributes as JSON text written and read by
 * Jackson. Triggers keep per-(team, type) resource counts, so a list's total is one lookup; a
 * store-wide counter numbers edge positions. On an up-to-date database {@code Migrations} skips
 * Flyway entirely (it costs ~300 ms of start-up to find nothing to do).
 *
 * <p>The SQL per table family is shared with PostgreSQL ({@code io.pomona.store.jdbc}, through
 * {@code SqliteDialect} and {@code SqliteEdgeBatches}); this package keeps the connections and
 * {@code QuerySql} and {@code ConditionSql} for resource queries, with {@code IndexSql} for the
 * partial expression indexes that make them seeks. Every value goes in as a bind
 * parameter; only type and attribute names checked by {@link io.pomona.store.SafeName} are
 * written into SQL text. Those indexes are not migrations: they follow the catalog, not the schema
 * version, and {@link io.pomona.store.Tx#ensureIndexes} creates the missing ones at start-up.
 *
 * <p>Depends on {@code io.pomona.store}, {@code io.pomona.account}, {@code io.pomona.error}, JDBC,
 * sqlite-jdbc, HikariCP, Flyway, Jackson and Caffeine (remembered query totals).
 */
package io.pomona.store.sqlite;
