package io.scrilla.api.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The coordination of one process: a lock per key, and no budget. */
enum LocalCoordination implements Coordination {
  INSTANCE;

  static final RequestBudget UNLIMITED =
      new RequestBudget() {
        @Override
        public Duration tryTake() {
          return Duration.ZERO;
        }

        @Override
        public String description() {
          return "unlimited";
        }

        @Override
        public String toString() {
          return "RequestBudget[unlimited]";
        }
      };

  // one lock object per key used in this process: as many as assets and sources fetched
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  @Override
  public <T> T exclusively(String key, Supplier<T> work) {
    Coordination.checkName("key", key, MAX_KEY_LENGTH);
    Objects.requireNonNull(work, "work");
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      return work.get();
    }
  }

  @Override
  public RequestBudget budget(String name, int requests, Duration period) {
    Coordination.checkName("name", name, 200);
    Coordination.checkBudget(requests, period);
    return UNLIMITED;
  }

  @Override
  public String toString() {
    return "Coordination[local]";
  }
}
