/**
 * The {@link io.scrilla.core.Scrilla} facade: statistics of assets from a price source, cached in a
 * cache backend, and {@link io.scrilla.core.Result} for per-item outcomes of batch calls.
 */
package io.scrilla.core;
