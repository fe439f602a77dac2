/**
 * The NYSE trading calendar ({@link io.scrilla.core.calendar.TradingCalendar}): which dates are
 * sessions, how many sessions separate two dates, and the default sample window.
 */
package io.scrilla.core.calendar;
