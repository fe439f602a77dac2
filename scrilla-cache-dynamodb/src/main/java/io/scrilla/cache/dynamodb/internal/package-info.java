/**
 * Implementation of the DynamoDB cache backend; not part of the public API.
 *
 * <p>{@link io.scrilla.cache.dynamodb.internal.Provisioner} creates and checks the guide's tables
 * ({@link io.scrilla.cache.dynamodb.internal.TableDefinitions}); the item records ({@link
 * io.scrilla.cache.dynamodb.internal.PriceItem}, {@link
 * io.scrilla.cache.dynamodb.internal.RateItem}, {@link
 * io.scrilla.cache.dynamodb.internal.ProfileItem}, {@link
 * io.scrilla.cache.dynamodb.internal.CorrelationItem}) are mapped by static immutable table schemas
 * of the enhanced client; {@link io.scrilla.cache.dynamodb.internal.Identity} builds the keys that
 * carry a statistic's full identity; {@link io.scrilla.cache.dynamodb.internal.Batches} writes and
 * reads in DynamoDB's batch sizes with retries of unprocessed items; {@link
 * io.scrilla.cache.dynamodb.internal.DynamoCoordination} keeps the fetch leases and request budgets
 * of the processes sharing the tables in the leases table.
 */
package io.scrilla.cache.dynamodb.internal;
