/**
 * Retries with exponential back-off: an immutable {@link io.scrilla.api.retry.RetryPolicy} (how
 * many attempts, which waits, how long in all) run by a {@link io.scrilla.api.retry.Retrier} on an
 * injectable {@link io.scrilla.api.retry.RetryClock}, so that tests retry without waiting.
 *
 * <p>Every retry loop of the project uses it: HTTP requests of the live sources, unprocessed items
 * of DynamoDB batches, and a busy SQLite file while it is opened.
 */
package io.scrilla.api.retry;
