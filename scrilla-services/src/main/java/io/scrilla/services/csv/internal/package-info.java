/**
 * Implementation of the CSV sources, not part of the public API: {@link
 * io.scrilla.services.csv.internal.CsvTable} splits a file into a header and numbered records,
 * {@link io.scrilla.services.csv.internal.PriceFileParser}, {@link
 * io.scrilla.services.csv.internal.DividendFileParser} and {@link
 * io.scrilla.services.csv.internal.YieldFileParser} turn one into model values with messages naming
 * the file and line, and {@link io.scrilla.services.csv.internal.DataLocation} finds files in a
 * folder or among the bundled class-path resources.
 */
package io.scrilla.services.csv.internal;
