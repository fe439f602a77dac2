/**
 * Cache layers of the core: the {@code memory} backend ({@link
 * io.scrilla.core.cache.MemoryCacheProvider}) and the in-process layer in front of any backend
 * ({@link io.scrilla.core.cache.LayeredCache}).
 */
package io.scrilla.core.cache;
