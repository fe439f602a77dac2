/**
 * Numerical linear algebra shared by the statistics and optimization packages: the one test of
 * positive semi-definiteness ({@link io.scrilla.core.linalg.PsdCheck}) and the cache-friendly
 * mirroring and comparison of a matrix's halves ({@link io.scrilla.core.linalg.Symmetric}).
 * Implementation details, not part of the API: public only so that both packages can use them.
 */
package io.scrilla.core.linalg;
