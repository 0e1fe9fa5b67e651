/**
 * The storage SPI: {@link io.pomona.store.Store} opens transactions, {@link io.pomona.store.Tx}
 * reads and writes teams, API keys, generic resources ({@link io.pomona.store.StoredResource}) and
 * relationship edges ({@link io.pomona.store.Edge}), and {@link io.pomona.store.Page} carries one
 * keyset-paged slice of a list; {@link io.pomona.store.ResourceQuery} filters, sorts and
 * keyset-pages a type's resources in the store. Implementations live in sub-packages ({@code sqlite}, {@code postgres}); nothing here mentions a particular database, and JDBC appears only in those
 * sub-packages.
 *
 * <p>Depends on {@code io.pomona.error} and {@code io.pomona.account} only (later {@code query} and
 * {@code catalog}, for filter and sort pushdown).
 */
package io.pomona.store;
