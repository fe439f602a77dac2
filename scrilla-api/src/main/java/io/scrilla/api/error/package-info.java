/**
 * The exception hierarchy: one unchecked root, {@link io.scrilla.api.error.ScrillaException}, with
 * subtypes a caller can act on (configuration, invalid input, sample size, unavailable prices,
 * service failures, cache failures). Each has a stable code.
 */
package io.scrilla.api.error;
