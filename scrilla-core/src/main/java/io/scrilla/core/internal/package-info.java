/**
 * Implementation details of the facade (not part of the API): cache-first market data and window
 * resolution.
 */
package io.scrilla.core.internal;
