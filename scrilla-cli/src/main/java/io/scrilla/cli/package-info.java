/**
 * The {@code scrilla} command line ({@link io.scrilla.cli.Main}): picocli commands, table and JSON
 * output with shortest round-trip doubles.
 */
package io.scrilla.cli;
