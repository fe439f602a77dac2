package io.scrilla.cache.dynamodb;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the name of every DynamoDB operation the backend calls in this JVM. Registered for all
 * SDK clients as a global interceptor (test resource {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors}), so it also sees the clients the
 * backend builds itself. Calls made by the tests' own set-up clients ({@link #setupMarker()}) are
 * not recorded. Shared with the AWS Lambda handler's tests (this module's test jar).
 */
public final class OperationRecorder implements ExecutionInterceptor {
  static final ExecutionAttribute<Boolean> SETUP = new ExecutionAttribute<>("scrilla.test.setup");
  private static final Set<String> ALL = ConcurrentHashMap.newKeySet();
  private static final List<Set<String>> WINDOWS = new CopyOnWriteArrayList<>();

  /** Created by the SDK from the classpath file. */
  public OperationRecorder() {}

  @Override
  public void beforeMarshalling(Context.BeforeMarshalling context, ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(SETUP))
        || !"DynamoDB"
            .equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
      return;
    }
    String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    ALL.add(op);
    for (Set<String> w : WINDOWS) {
      w.add(op);
    }
  }

  /** Returns every operation the backend called in this JVM so far. */
  public static Set<String> all() {
    return new TreeSet<>(ALL);
  }

  /** Starts recording into a new set, until {@link #stop}. */
  public static Set<String> start() {
    Set<String> w = ConcurrentHashMap.newKeySet();
    WINDOWS.add(w);
    return w;
  }

  /** Stops recording into the set. */
  public static void stop(Set<String> window) {
    WINDOWS.remove(window);
  }

  /** Returns an interceptor that marks a client's calls as the test's own set-up. */
  public static ExecutionInterceptor setupMarker() {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(SETUP, Boolean.TRUE);
      }
    };
  }
}
