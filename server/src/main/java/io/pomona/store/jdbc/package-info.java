/**
 * The JDBC store that SQLite and PostgreSQL share: one transaction ({@link
 * io.pomona.store.jdbc.JdbcTx}), one SQL class per table family ({@code AccountSql}, {@code
 * ResourceSql}, {@code EdgeSql}, {@code EventSql}, {@code TransitionSql}, {@code SettingSql},
 * {@code TeamStateSql}), the statement runner ({@code Jdbc}), the migrations runner and the
 * transaction gate. One SQL text serves both databases wherever they agree (both know {@code ON
 * CONFLICT}, {@code RETURNING} and row values).
 *
 * <p>What really differs is asked of a {@link io.pomona.store.jdbc.Dialect}: how times are stored
 * and JSON parameters written, how a statement takes a list of ids ({@code IN} chunks or one
 * array), how many edges go in and come out at once ({@link io.pomona.store.jdbc.EdgeBatches}),
 * how kept keys go into generated columns, which failures are the client's, and where the
 * migrations are (one folder of SQL files per database). Filtered and sorted queries with their
 * attribute indexes are each database's own ({@link io.pomona.store.jdbc.ResourceQueries}): JSON
 * extraction, comparison and the way the planner is steered have little in common. Connection
 * management (pools, WAL and pragmas, isolation levels, the cross-node write lock) stays in {@code
 * SqliteStore} and {@code PostgresStore}.
 *
 * <p>Used only by {@code io.pomona.store.sqlite} and {@code io.pomona.store.postgres}, and names
 * neither (StoreArchitectureTest). Depends on {@code io.pomona.store}, {@code io.pomona.account},
 * {@code io.pomona.error}, JDBC, HikariCP, Flyway and Jackson.
 */
package io.pomona.store.jdbc;
