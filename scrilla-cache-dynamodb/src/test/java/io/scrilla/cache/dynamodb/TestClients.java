package io.scrilla.cache.dynamodb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB clients for the local moto server: dummy credentials, one region, no retries. */
final class TestClients {
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private TestClients() {}

  /** A client whose calls count as the backend's (recorded for the IAM check). */
  static DynamoDbClient backend(URI endpoint, ExecutionInterceptor... interceptors) {
    return build(endpoint, List.of(interceptors));
  }

  /** A client for the test's own set-up and inspection (not recorded). */
  static DynamoDbClient setup(URI endpoint) {
    return build(endpoint, List.of(OperationRecorder.setupMarker()));
  }

  /** Returns a table prefix no other test of this JVM uses. */
  static String uniquePrefix(String name) {
    return name + PREFIXES.incrementAndGet() + "_";
  }

  private static DynamoDbClient build(URI endpoint, List<ExecutionInterceptor> interceptors) {
    List<ExecutionInterceptor> list = new ArrayList<>(interceptors);
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        // failures are expected in some tests: each retried error would cost seconds
        .overrideConfiguration(
            o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).executionInterceptors(list))
        .build();
  }
}
