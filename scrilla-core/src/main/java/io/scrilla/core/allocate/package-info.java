/**
 * Turning optimized weights into an order: {@link io.scrilla.core.allocate.ShareAllocator} buys
 * whole shares (or fractional units for crypto, at a chosen precision) at the last close without
 * ever spending more than the amount, and reports an {@link io.scrilla.core.allocate.Allocation}
 * (units per ticker, total invested, cash left), all exact in {@link java.math.BigDecimal}.
 *
 * <p>Units: prices and amounts in the quote currency; weights decimal fractions.
 */
package io.scrilla.core.allocate;
