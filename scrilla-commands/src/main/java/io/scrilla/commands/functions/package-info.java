/** One class per {@code scrilla} subcommand, as specified by the CLI contract. */
package io.scrilla.commands.functions;
