/**
 * Valuation from cash flows: the discount dividend model ({@link
 * io.scrilla.core.valuation.DiscountDividendModel}) and its result ({@link
 * io.scrilla.core.valuation.DividendValuation}).
 */
package io.scrilla.core.valuation;
