package io.scrilla.cache.dynamodb;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheContractTest;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.Providers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cache contract on the DynamoDB backend, opened as an application would: found by {@code
 * CACHE_MODE=dynamodb} through ServiceLoader, with the endpoint and prefix from the configuration
 * and region and credentials from the SDK's default chains (dummy values set as system properties
 * by the build).
 */
class DynamoDbCacheTest extends CacheContractTest {
  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();
  private static final String PREFIX = TestClients.uniquePrefix("contract");

  @Override
  protected Cache openCache() {
    ScrillaConfig config =
        ScrillaConfig.builder()
            .cacheMode("dynamodb")
            .set("DYNAMO_ENDPOINT", MOTO.endpoint().toString())
            .set("DYNAMO_TABLE_PREFIX", PREFIX)
            .build();
    return Providers.find(CacheProvider.class, ScrillaConfig.CACHE_MODE, config.cacheMode())
        .open(config);
  }
}
