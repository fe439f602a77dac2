/**
 * Parsers of AlphaVantage answers: the daily time series (streamed, validated, sorted), the
 * dividend list, and the classification of the notes AlphaVantage sends with HTTP 200 instead of
 * data. Not part of the public API.
 */
package io.scrilla.services.alphavantage.internal;
