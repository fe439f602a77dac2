/**
 * The US Treasury's daily par yield curve as an interest-rate source: the Treasury's XML feed, one
 * page per year, parsed with the JDK's StAX reader.
 *
 * <p>Key types: {@link io.scrilla.services.treasury.TreasuryRateSource} (the {@link
 * io.scrilla.api.spi.InterestRateSource}) and its provider {@code treasury} for {@code
 * STAT_MANAGER}.
 *
 * <pre>{@code
 * InterestRateSource rates = TreasuryRateSource.create(ScrillaConfig.load());
 * List<YieldCurve> curves = rates.yieldCurves(DateRange.parse("2021-01-01", "2021-12-31"));
 * }</pre>
 */
package io.scrilla.services.treasury;
