package io.scrilla.aws.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.Context;
import io.scrilla.commands.Context.TickerFailure;
import io.scrilla.commands.Failures;
import io.scrilla.commands.ScrillaCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One event run as a command: the command line's own code path, with {@code --json} forced and
 * standard output captured as the answer.
 *
 * <p>The command's exit code decides: 0 answers its JSON. A failure of the whole command answers
 * the error of its type ({@link ErrorType}); when some tickers failed while others succeeded, the
 * JSON of the others is answered with {@code "errors": {"TICKER": "message"}}, and when all failed,
 * the error of the first. Notes and progress that the command writes on stderr go to the function's
 * log.
 */
final class Invocation {
  private static final Logger LOG = LoggerFactory.getLogger(Invocation.class);

  /** Keys of the event that are not options of the command. */
  private static final List<String> NOT_OPTIONS = List.of(Functions.KEY);

  private Invocation() {}

  /**
   * Returns the names of every command of the command line, aliases included (to tell a command the
   * handler does not serve from a name that is no command at all).
   */
  static Set<String> commandNames(ScrillaConfig config) {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    Context ctx =
        new Context(
            config,
            discard,
            discard,
            c -> {
              throw new IllegalStateException("no facade: only the names are read");
            });
    return Set.copyOf(
        new LinkedHashSet<>(ScrillaCommand.commandLine(ctx).getSubcommands().keySet()));
  }

  /**
   * Runs the event; never throws.
   *
   * @param container the container's configuration and facade
   * @param event the event, a JSON object
   * @return the answer
   */
  static Reply run(Container container, ObjectNode event) {
    long started = System.nanoTime();
    String function = "?";
    Reply reply;
    try {
      function = container.functions().resolve(event, container.commands());
      reply = command(container, function, event);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      reply = failed(function, e);
    }
    LOG.info(
        "{} answered {} in {} ms",
        function,
        reply.status(),
        (System.nanoTime() - started) / 1_000_000);
    return reply;
  }

  private static Reply command(Container container, String function, ObjectNode event) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    Context ctx = new Context(container.config(), out, System.err, c -> container.scrilla());
    CommandLine cl = ScrillaCommand.commandLine(ctx);
    cl.setExpandAtFiles(false); // an event's "@/path" is a ticker, never a file to read
    cl.setOut(new PrintWriter(OutputStream.nullOutputStream(), true));
    cl.setErr(new PrintWriter(System.err, true));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parsed) -> {
          failure.set(ex);
          return 1;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          failure.set(new Rejection(ErrorType.INVALID_INPUT, function + ": " + inEventTerms(ex)));
          return 2;
        });
    CommandSpec spec = cl.getSubcommands().get(function).getCommandSpec();
    List<String> args = EventArguments.of(spec, event, NOT_OPTIONS);
    int code;
    try {
      code = cl.execute(args.toArray(String[]::new));
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      failure.set(e);
      code = 1;
    }
    if (failure.get() != null) {
      return failed(function, failure.get());
    }
    String printed = buffer.toString(StandardCharsets.UTF_8).strip();
    List<TickerFailure> failed = ctx.tickerFailures();
    if (!printed.isEmpty()) {
      return Reply.ok(printed); // failed tickers, if any, are under "errors"
    }
    if (!failed.isEmpty()) {
      Set<String> messages = new LinkedHashSet<>();
      failed.forEach(f -> messages.add(Failures.message(f.error())));
      return Reply.error(ErrorType.of(failed.get(0).error()), String.join("; ", messages));
    }
    return failed(
        function,
        new IllegalStateException("the command ended with code " + code + " and printed nothing"));
  }

  /** Returns a picocli message about an option in the event's terms: the key, not the option. */
  private static String inEventTerms(CommandLine.ParameterException ex) {
    return String.valueOf(ex.getMessage()).replaceAll("option '--([A-Za-z0-9-]+)'", "\"$1\"");
  }

  private static Reply failed(String function, Throwable failure) {
    Reply reply = Reply.failure(failure);
    if (ErrorType.of(failure) == ErrorType.INTERNAL) {
      LOG.error("{} failed inside scrilla", function, failure);
    }
    return reply;
  }
}
