/**
 * The DynamoDB cache backend ({@code CACHE_MODE=dynamodb}): prices, interest rates, risk profiles
 * and correlations in the four tables of the deployment guide, shared by many processes, which
 * coordinate through a fifth table, {@code leases}: a lease per missing history so that the fleet
 * fetches it once, and a request budget per service account ({@link
 * io.scrilla.cache.dynamodb.DynamoDbCache#coordination()}).
 *
 * <p>{@link io.scrilla.cache.dynamodb.DynamoDbCacheProvider} is found by {@link
 * java.util.ServiceLoader} under the name {@code dynamodb}; it reads {@link
 * io.scrilla.cache.dynamodb.DynamoDbSettings} from the configuration ({@code DYNAMO_TABLE_PREFIX},
 * {@code DYNAMO_ENDPOINT}, {@code DYNAMO_CONF} and its per-table overrides, see {@link
 * io.scrilla.cache.dynamodb.TableBilling}) and opens a {@link
 * io.scrilla.cache.dynamodb.DynamoDbCache}, which creates the tables ({@link
 * io.scrilla.cache.dynamodb.CacheTable}) on first use. Applications that build their own {@code
 * DynamoDbClient} pass it to {@link io.scrilla.cache.dynamodb.DynamoDbCache#open( DynamoDbSettings,
 * software.amazon.awssdk.services.dynamodb.DynamoDbClient)}.
 *
 * <pre>{@code
 * try (Cache cache = DynamoDbCache.open(ScrillaConfig.load())) {
 *   SourceId source = SourceId.of("alpha_vantage");
 *   DateRange h1 = DateRange.parse("2021-01-04", "2021-06-30");
 *   PriceHistory spy = cache.prices().get(source, Asset.equity("SPY"), h1);
 * }
 * }</pre>
 */
package io.scrilla.cache.dynamodb;
