/**
 * {@link io.scrilla.api.config.ScrillaConfig}: the immutable configuration read from scrilla's
 * environment variable names, system properties or a builder.
 */
package io.scrilla.api.config;
