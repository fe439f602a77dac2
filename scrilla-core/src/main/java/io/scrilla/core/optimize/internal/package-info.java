/**
 * Implementation details of the optimizers (not part of the API): the primal active-set solver for
 * bounded convex quadratic programs.
 */
package io.scrilla.core.optimize.internal;
