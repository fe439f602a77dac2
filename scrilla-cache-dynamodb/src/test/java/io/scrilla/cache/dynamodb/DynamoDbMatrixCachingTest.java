package io.scrilla.cache.dynamodb;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Cache;
import io.scrilla.core.testing.MatrixCachingContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The 10-ticker matrix cached in the DynamoDB tables, read back by a second facade. */
class DynamoDbMatrixCachingTest extends MatrixCachingContract {
  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();
  private static final String PREFIX = TestClients.uniquePrefix("matrix");

  @Override
  protected Cache openBackend() {
    return DynamoDbCache.open(
        ScrillaConfig.builder()
            .cacheMode("dynamodb")
            .set("DYNAMO_ENDPOINT", MOTO.endpoint().toString())
            .set("DYNAMO_TABLE_PREFIX", PREFIX)
            .build());
  }
}
