/**
 * The exception hierarchy: one unchecked root, {@link io.scrilla.api.error.ScrillaException}, with
 * subtypes a caller can act on (configuration, invalid input, sample size, unavailable prices,
 * service failures and unusable answers, cache failures). Each carries a stable {@link
 * io.scrilla.api.error.ErrorCode}; {@link io.scrilla.api.error.SafeText} makes every message free
 * of secrets and control characters.
 */
package io.scrilla.api.error;
