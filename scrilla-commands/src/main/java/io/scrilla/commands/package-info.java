/**
 * scrilla's functions as picocli commands ({@link io.scrilla.commands.ScrillaCommand}), with their
 * shared options, table output and JSON with shortest round-trip doubles; run by the {@code
 * scrilla} command line and by the AWS Lambda handler.
 */
package io.scrilla.commands;
