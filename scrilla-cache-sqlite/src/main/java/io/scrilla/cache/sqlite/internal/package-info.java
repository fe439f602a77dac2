/**
 * The SQLite cache's implementation; not part of the API.
 *
 * <p>{@link io.scrilla.cache.sqlite.internal.SqliteDatabase} owns the file: it creates parent
 * folders, switches the file to WAL mode, creates or migrates the schema (versioned with {@code
 * PRAGMA user_version}), keeps a small pool of connections with their prepared statements, and runs
 * every write as one {@code BEGIN IMMEDIATE} transaction. One package-private class per table
 * implements each store of {@link io.scrilla.api.spi.Cache}: prices, interest, profile and
 * correlations; their statements and DDL live in one place, {@code Schema}.
 */
package io.scrilla.cache.sqlite.internal;
