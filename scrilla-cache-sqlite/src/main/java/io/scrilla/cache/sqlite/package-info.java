/**
 * The default cache backend: an embedded SQLite file.
 *
 * <p>{@link io.scrilla.cache.sqlite.SqliteCacheProvider} is found by {@link
 * java.util.ServiceLoader} under the name {@code sqlite} ({@code CACHE_MODE=sqlite}, the default)
 * and opens a {@link io.scrilla.cache.sqlite.SqliteCache} in the file named by {@code SQLITE_FILE}
 * (default {@code cache.db} in {@code SCRILLA_CONFIG_DIR}, {@code ~/.scrilla}). Applications can
 * also open one directly with {@link io.scrilla.cache.sqlite.SqliteCache#open(java.nio.file.Path)}.
 *
 * <p>The cache is safe for many threads and many processes on the same file: WAL mode, a busy
 * timeout, {@code BEGIN IMMEDIATE} write transactions and auto-commit between them. The schema is
 * versioned with {@code PRAGMA user_version}. See {@code docs/cache-sqlite.md}.
 */
package io.scrilla.cache.sqlite;
