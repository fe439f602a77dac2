package io.scrilla.cache.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Sends the DynamoDB requests of every client, in every process that turns it on with the same lock
 * file, one at a time: moto evaluates a conditional write's condition and applies it in two steps
 * that concurrent requests may interleave (two racing conditional puts on one item can both succeed
 * there), while DynamoDB applies each write to an item atomically. Tests of races between
 * conditional writes turn this on so that moto behaves like DynamoDB in that respect; the racing
 * itself (which request comes first) is left to the threads and processes.
 *
 * <p>Registered for all SDK clients as a global interceptor (test resource {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors}); off unless {@link #turnOn} was
 * called in the process.
 */
public final class OneRequestAtATime implements ExecutionInterceptor {
  /** The system property naming the lock file; a child process turns itself on from it. */
  public static final String PROPERTY = "scrilla.test.dynamoLock";

  private static final ExecutionAttribute<FileLock> HELD =
      new ExecutionAttribute<>("scrilla.test.oneRequestAtATime");
  private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock(true);
  private static volatile FileChannel file;

  /** Created by the SDK from the classpath file. */
  public OneRequestAtATime() {}

  /**
   * Sends every request of this process one at a time, and one at a time with every other process
   * that uses the same lock file.
   */
  public static synchronized void turnOn(Path lockFile) {
    if (file != null) {
      return;
    }
    try {
      file = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Turns it on when the system property {@value #PROPERTY} names a lock file. */
  public static void turnOnFromProperty() {
    String path = System.getProperty(PROPERTY);
    if (path != null && !path.isBlank()) {
      turnOn(Path.of(path));
    }
  }

  /** Lets requests overlap again. */
  public static synchronized void turnOff() {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      file = null;
    }
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    FileChannel f = file;
    if (f == null || attributes.getAttribute(HELD) != null) {
      return;
    }
    IN_THIS_PROCESS.lock();
    try {
      attributes.putAttribute(HELD, f.lock());
    } catch (IOException | RuntimeException e) {
      IN_THIS_PROCESS.unlock();
      throw new IllegalStateException("cannot lock " + f, e);
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    release(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    release(attributes);
  }

  private static void release(ExecutionAttributes attributes) {
    FileLock held = attributes.getAttribute(HELD);
    if (held == null) {
      return;
    }
    attributes.putAttribute(HELD, null);
    try {
      if (held.isValid()) {
        held.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      IN_THIS_PROCESS.unlock();
    }
  }
}
