/**
 * The {@code scrilla} command line ({@link io.scrilla.cli.Main}): runs the commands of {@code
 * io.scrilla.commands} with the configured sources and cache, and prints failures as one line.
 */
package io.scrilla.cli;
