package io.scrilla.aws.lambda;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.commands.Failures;
import io.scrilla.core.Scrilla;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one Lambda container keeps between invocations: the configuration with the API key, the
 * functions served and the facade (its DynamoDB client, the checked tables and the data sources).
 *
 * <p>{@link #start} builds all of it during the function's initialisation, so that invocations find
 * it ready; a step that fails there (DynamoDB unreachable, the secret unreadable) is tried again by
 * the next invocation, whose answer names the failure.
 *
 * <p>SnapStart: the container registers itself as a CRaC {@link Resource}. Before the snapshot it
 * closes the facade, and with it the DynamoDB client and its connections; after a restore it builds
 * the facade again (the tables are not checked again: that is remembered for the process). The key
 * read at initialisation is kept: it is part of the snapshot, which Lambda encrypts.
 */
final class Container implements Resource {
  /** The cache of a function whose environment names none: the one its containers share. */
  static final String DEFAULT_CACHE_MODE = "dynamodb";

  private static final Logger LOG = LoggerFactory.getLogger(Container.class);

  private final ScrillaConfig environment;
  private final Function<ScrillaConfig, Scrilla> factory;
  private final Functions functions;
  private final ScrillaException functionsFailure;
  private final Set<String> commands;
  private ScrillaConfig config;
  private Scrilla scrilla;
  private int facadesBuilt;

  private Container(ScrillaConfig environment, Function<ScrillaConfig, Scrilla> factory) {
    this.environment = environment;
    this.factory = factory;
    Functions f = null;
    ScrillaException failure = null;
    try {
      f = Functions.from(environment);
    } catch (ScrillaException e) {
      failure = e;
    }
    this.functions = f;
    this.functionsFailure = failure;
    this.commands = Invocation.commandNames(environment);
  }

  /**
   * Prepares a container: reads the functions served, the API key and builds the facade (which
   * checks the DynamoDB tables), and registers the SnapStart hooks. Without {@code CACHE_MODE} the
   * cache is {@value #DEFAULT_CACHE_MODE}, not the command line's SQLite file.
   *
   * @param environment the function's environment variables
   * @param factory builds the facade from the configuration ({@code Scrilla::create})
   * @return the container, ready or with the failed step left for the first invocation
   */
  static Container start(
      Map<String, String> environment, Function<ScrillaConfig, Scrilla> factory) {
    ScrillaConfig config = ScrillaConfig.from(Objects.requireNonNull(environment, "environment"));
    if (config.get(ScrillaConfig.CACHE_MODE).isEmpty()) {
      config = config.toBuilder().cacheMode(DEFAULT_CACHE_MODE).build();
    }
    Container c = new Container(config, Objects.requireNonNull(factory, "factory"));
    try {
      c.functions();
      c.scrilla();
    } catch (RuntimeException e) {
      warn("initialisation incomplete, the next invocation tries again", e);
    }
    Core.getGlobalContext().register(c);
    return c;
  }

  /**
   * Returns the functions served.
   *
   * @throws ScrillaException when {@code SCRILLA_FUNCTION} or {@code SCRILLA_FUNCTIONS_ALLOWED} is
   *     wrong
   */
  Functions functions() {
    if (functionsFailure != null) {
      throw functionsFailure;
    }
    return functions;
  }

  /** Returns the names of every command of the command line, aliases included. */
  Set<String> commands() {
    return commands;
  }

  /**
   * Returns the configuration with the API key, reading the key on first use.
   *
   * @throws ScrillaException when the key cannot be read
   */
  synchronized ScrillaConfig config() {
    if (config == null) {
      config = ApiKeys.resolve(environment);
    }
    return config;
  }

  /**
   * Returns the facade, building it on first use and after a restore.
   *
   * @throws ScrillaException when the configuration or the cache fails
   */
  synchronized Scrilla scrilla() {
    if (scrilla == null) {
      scrilla = factory.apply(config());
      facadesBuilt++;
    }
    return scrilla;
  }

  /** Returns how many facades this container has built (one, and one more per restore). */
  synchronized int facadesBuilt() {
    return facadesBuilt;
  }

  /** Returns whether the facade is open. */
  synchronized boolean isOpen() {
    return scrilla != null;
  }

  /** Closes the facade and with it the DynamoDB client and its connections. */
  @Override
  public synchronized void beforeCheckpoint(Context<? extends Resource> context) {
    if (scrilla != null) {
      try {
        scrilla.close();
      } finally {
        scrilla = null;
      }
    }
  }

  /** Builds the facade again, with new network clients; a failure is left for the invocation. */
  @Override
  public void afterRestore(Context<? extends Resource> context) {
    try {
      scrilla();
    } catch (RuntimeException e) {
      warn("the facade could not be rebuilt after the restore", e);
    }
  }

  /** Logs a failure: a library failure by its message, anything else with its stack trace. */
  private static void warn(String what, RuntimeException e) {
    if (e instanceof ScrillaException) {
      LOG.warn("{}: {}", what, Failures.message(e));
    } else {
      LOG.warn("{}: {}", what, Failures.message(e), e);
    }
  }
}
