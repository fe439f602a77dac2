/**
 * Implementation details of the optimisers (not part of the API): the primal active-set solver
 * for bounded convex quadratic programmes.
 */
package io.scrilla.core.optimize.internal;
