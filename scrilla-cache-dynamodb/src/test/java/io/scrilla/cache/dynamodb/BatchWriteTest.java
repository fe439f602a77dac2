package io.scrilla.cache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.retry.FakeClock;
import io.scrilla.cache.dynamodb.internal.Provisioner;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batched writes and reads: DynamoDB's batch limits, unprocessed items, failures, concurrency. */
class BatchWriteTest {
  private static final SourceId SRC = SourceId.of("test");

  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();
  private static final LocalDate D0 = LocalDate.of(2021, 1, 4);

  /**
   * Keeps the last {@code drop} items of each BatchWriteItem of puts from the server and reports
   * them as unprocessed, as DynamoDB does when it throttles. A retry of at most {@code drop} items
   * goes through, unless {@code forever}: then its puts are sent as deletes of the same keys (so
   * nothing is written) and reported unprocessed again.
   */
  static final class Unprocessed implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<WriteRequest>> HELD =
        new ExecutionAttribute<>("held");
    final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> batchGetSizes = Collections.synchronizedList(new ArrayList<>());
    private final int drop;
    private final boolean forever;

    Unprocessed(int drop, boolean forever) {
      this.drop = drop;
      this.forever = forever;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      if (context.request() instanceof BatchGetItemRequest) {
        ((BatchGetItemRequest) context.request())
            .requestItems()
            .values()
            .forEach(k -> batchGetSizes.add(k.keys().size()));
      }
      if (!(context.request() instanceof BatchWriteItemRequest)) {
        return context.request();
      }
      BatchWriteItemRequest r = (BatchWriteItemRequest) context.request();
      Map.Entry<String, List<WriteRequest>> e = r.requestItems().entrySet().iterator().next();
      List<WriteRequest> items = e.getValue();
      sizes.add(items.size());
      if (drop == 0 || items.get(0).putRequest() == null) {
        return r;
      }
      if (items.size() > drop) {
        attributes.putAttribute(
            HELD, new ArrayList<>(items.subList(items.size() - drop, items.size())));
        return r.toBuilder()
            .requestItems(Map.of(e.getKey(), items.subList(0, items.size() - drop)))
            .build();
      }
      if (!forever) {
        return r;
      }
      attributes.putAttribute(HELD, new ArrayList<>(items));
      List<WriteRequest> deletes = new ArrayList<>();
      for (WriteRequest w : items) {
        Map<String, AttributeValue> item = w.putRequest().item();
        deletes.add(
            WriteRequest.builder()
                .deleteRequest(
                    d -> d.key(Map.of("ticker", item.get("ticker"), "date", item.get("date"))))
                .build());
      }
      return r.toBuilder().requestItems(Map.of(e.getKey(), deletes)).build();
    }

    @Override
    public SdkResponse modifyResponse(
        Context.ModifyResponse context, ExecutionAttributes attributes) {
      List<WriteRequest> held = attributes.getAttribute(HELD);
      if (held == null || !(context.response() instanceof BatchWriteItemResponse)) {
        return context.response();
      }
      BatchWriteItemRequest r = (BatchWriteItemRequest) context.request();
      String table = r.requestItems().keySet().iterator().next();
      return ((BatchWriteItemResponse) context.response())
          .toBuilder().unprocessedItems(Map.of(table, held)).build();
    }
  }

  private static DynamoDbCache open(DynamoDbClient client, Duration retryLimit) {
    return open(client, retryLimit, new FakeClock());
  }

  /** Opens a cache whose batch retries wait on {@code clock}, which does not sleep. */
  private static DynamoDbCache open(DynamoDbClient client, Duration retryLimit, FakeClock clock) {
    DynamoDbSettings settings =
        DynamoDbSettings.of(TestClients.uniquePrefix("batch"), Optional.empty())
            .withBatchRetryLimit(retryLimit);
    return DynamoDbCache.open(settings, client, false, new Provisioner(), clock);
  }

  private static PriceHistory history(Asset asset, int n, long seed) {
    Random r = new Random(seed);
    int[] days = new int[n];
    double[] opens = new double[n];
    double[] closes = new double[n];
    for (int i = 0; i < n; i++) {
      days[i] = (int) D0.toEpochDay() + i;
      // awkward doubles: many significant digits, tiny and huge magnitudes
      double scale = Math.pow(10, r.nextInt(15) - 7);
      opens[i] = scale * (1 + r.nextDouble());
      closes[i] = scale * (1 + r.nextDouble());
    }
    return PriceHistory.of(asset, days, opens, closes);
  }

  private static DateRange days(int from, int to) {
    return DateRange.of(D0.plusDays(from), D0.plusDays(to));
  }

  @Test
  void put_partOfBatchesUnprocessed_retriesUntilAllStoredInBatchesOf25() {
    Unprocessed interceptor = new Unprocessed(7, false);
    FakeClock clock = new FakeClock();
    try (DynamoDbClient client = TestClients.backend(MOTO.endpoint(), interceptor);
        DynamoDbCache cache = open(client, Duration.ofSeconds(30), clock)) {
      Asset spy = Asset.equity("SPY");
      PriceHistory h = history(spy, 60, 1);
      cache.prices().put(SRC, h);
      assertEquals(h, cache.prices().get(SRC, spy, days(0, 59)));
      // 60 rows: 25 + 25 + 10, each batch with 7 items left unprocessed and sent again
      assertEquals(List.of(25, 7, 25, 7, 10, 7), interceptor.sizes);
      // one wait per retry, the first back-off of 50 ms shortened by at most half
      assertEquals(3, clock.sleeps().size());
      for (Duration d : clock.sleeps()) {
        assertTrue(
            d.compareTo(Duration.ofMillis(25)) >= 0 && d.compareTo(Duration.ofMillis(50)) <= 0,
            d.toString());
      }
    }
  }

  @Test
  void put_itemsUnprocessedForever_failsAfterTheLimitAndLeavesNothing() {
    Unprocessed interceptor = new Unprocessed(1, true);
    FakeClock clock = new FakeClock();
    try (DynamoDbClient client = TestClients.backend(MOTO.endpoint(), interceptor);
        DynamoDbCache cache = open(client, Duration.ofSeconds(30), clock)) {
      Asset spy = Asset.equity("SPY");
      CacheException e =
          assertThrows(CacheException.class, () -> cache.prices().put(SRC, history(spy, 40, 2)));
      assertTrue(e.getMessage().contains("unprocessed"), e.getMessage());
      // the back-off doubled from 50 ms to 2 s and the waits stayed within the 30 s limit
      List<Duration> waits = clock.sleeps();
      assertTrue(waits.size() >= 10, waits.toString());
      Duration waited = waits.stream().reduce(Duration.ZERO, Duration::plus);
      assertTrue(waited.compareTo(Duration.ofSeconds(28)) > 0, waited.toString());
      assertTrue(waited.compareTo(Duration.ofSeconds(30)) <= 0, waited.toString());
      assertTrue(
          waits.get(waits.size() - 1).compareTo(Duration.ofSeconds(1)) >= 0, waits.toString());
      assertTrue(e.getMessage().contains("deleted again"), e.getMessage());
      assertTrue(cache.prices().get(SRC, spy, days(0, 39)).isEmpty());
    }
  }

  @Test
  void put_requestFailsMidway_throwsAndLeavesNothingOfTheCall() {
    AtomicInteger batchWrites = new AtomicInteger();
    ExecutionInterceptor failSecond =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            // the original request: puts are the only writes of a price put before the failure
            if (context.request() instanceof BatchWriteItemRequest
                && ((BatchWriteItemRequest) context.request())
                        .requestItems()
                        .values()
                        .iterator()
                        .next()
                        .get(0)
                        .putRequest()
                    != null
                && batchWrites.incrementAndGet() == 3) {
              throw SdkClientException.create("connection reset (injected by the test)");
            }
          }
        };
    try (DynamoDbClient client = TestClients.backend(MOTO.endpoint(), failSecond);
        DynamoDbCache cache = open(client, Duration.ofSeconds(30))) {
      Asset spy = Asset.equity("SPY");
      CacheException e =
          assertThrows(CacheException.class, () -> cache.prices().put(SRC, history(spy, 100, 3)));
      assertTrue(
          e.getMessage().contains("connection reset (injected by the test)"), e.getMessage());
      assertTrue(
          e.getMessage().contains("The 50 of 100 rows already written were deleted again"),
          e.getMessage());
      assertTrue(cache.prices().get(SRC, spy, days(0, 99)).isEmpty());
    }
  }

  @Test
  void prices_severalThousandRowsOfAwkwardDoubles_readBackIdenticalOverSeveralPages() {
    AtomicInteger queries = new AtomicInteger();
    ExecutionInterceptor countQueries =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof QueryRequest) {
              queries.incrementAndGet();
            }
          }
        };
    try (DynamoDbClient client = TestClients.backend(MOTO.endpoint(), countQueries);
        DynamoDbCache cache = open(client, Duration.ofSeconds(30))) {
      Asset btc = Asset.crypto("BTC");
      PriceHistory full = history(btc, 3000, 4);
      PriceHistory closes = PriceHistory.ofCloses(btc, full.epochDays(), full.closes());
      cache.prices().put(SRC, closes);
      PriceHistory back = cache.prices().get(SRC, btc, days(-10, 4000));
      assertEquals(closes, back);
      assertTrue(queries.get() >= 3, queries.get() + " query pages for 3000 rows");
      for (int i = 0; i < closes.size(); i++) {
        assertEquals(
            Double.doubleToLongBits(closes.close(i)), Double.doubleToLongBits(back.close(i)));
      }
      assertEquals(closes.slice(days(1000, 1999)), cache.prices().get(SRC, btc, days(1000, 1999)));
    }
  }

  @Test
  void concurrentWritersOfOneAssetAndOfCorrelations_loseNothing() throws Exception {
    try (DynamoDbClient client = TestClients.backend(MOTO.endpoint());
        DynamoDbCache cache = open(client, Duration.ofSeconds(30))) {
      Asset spy = Asset.equity("SPY");
      PriceHistory h = history(spy, 400, 5);
      DateRange window = days(0, 99);
      int threads = 6;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      Map<CorrelationKey, Double> all = new ConcurrentHashMap<>();
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int part = t;
          done.add(
              pool.submit(
                  () -> {
                    // interleaved slices of the same asset, and correlations of the thread's own
                    // tickers
                    for (int chunk = part; chunk < 20; chunk += threads) {
                      cache.prices().put(SRC, h.slice(days(chunk * 20, chunk * 20 + 19)));
                    }
                    Map<CorrelationKey, Double> mine = new LinkedHashMap<>();
                    for (int j = 0; j < 30; j++) {
                      mine.put(
                          CorrelationKey.of(
                              SRC,
                              Asset.equity("T" + part),
                              Asset.equity("U" + j),
                              window,
                              EstimationMethod.MOMENTS,
                              false),
                          (part * 30 + j) / 1000.0);
                    }
                    cache.correlations().putAll(mine);
                    all.putAll(mine);
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(h, cache.prices().get(SRC, spy, days(0, 399)));
      assertEquals(threads * 30, all.size());
      assertEquals(all, new HashMap<>(cache.correlations().getAll(all.keySet())));
    }
  }

  @Test
  void correlations_getAllOfManyKeys_readsInBatchesOf100AndSkipsMissing() {
    Unprocessed sizes = new Unprocessed(0, false);
    try (DynamoDbClient client = TestClients.backend(MOTO.endpoint(), sizes);
        DynamoDbCache cache = open(client, Duration.ofSeconds(30))) {
      DateRange window = days(0, 180);
      Map<CorrelationKey, Double> stored = new LinkedHashMap<>();
      List<CorrelationKey> asked = new ArrayList<>();
      for (int i = 0; i < 18; i++) {
        for (int j = i + 1; j < 18; j++) {
          CorrelationKey k =
              CorrelationKey.of(
                  SRC,
                  Asset.equity("A" + i),
                  Asset.equity("A" + j),
                  window,
                  EstimationMethod.LIKELIHOOD,
                  true);
          asked.add(k);
          if ((i + j) % 5 != 0) {
            stored.put(k, Math.sin(i * 18 + j));
          }
        }
      }
      asked.add(asked.get(0)); // a duplicate key is asked once
      cache.correlations().putAll(stored);
      assertEquals(stored, cache.correlations().getAll(asked));
      assertTrue(sizes.sizes.stream().allMatch(n -> n <= 25), sizes.sizes.toString());
      assertEquals(List.of(100, 53), sizes.batchGetSizes);
    }
  }
}
