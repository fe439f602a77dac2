package io.scrilla.core.estimate;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.PriceHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the recorded market data under {@code src/test/resources} (see its README). */
public final class RecordedPrices {
  private RecordedPrices() {}

  /** Returns the recorded closes of the asset ({@code prices/<TICKER>.csv}). */
  public static PriceHistory load(Asset asset) {
    List<String[]> rows = rows("/prices/" + asset.ticker() + ".csv");
    int[] days = new int[rows.size()];
    double[] closes = new double[rows.size()];
    for (int i = 0; i < days.length; i++) {
      days[i] = (int) LocalDate.parse(rows.get(i)[0]).toEpochDay();
      closes[i] = Double.parseDouble(rows.get(i)[1]);
    }
    return PriceHistory.ofCloses(asset, days, closes);
  }

  /** Returns the recorded dividends of the asset ({@code dividends/<TICKER>.csv}), ascending. */
  public static List<Dividend> dividends(Asset asset) {
    List<Dividend> out = new ArrayList<>();
    for (String[] r : rows("/dividends/" + asset.ticker() + ".csv")) {
      out.add(new Dividend(LocalDate.parse(r[0]), Double.parseDouble(r[1])));
    }
    return out;
  }

  private static List<String[]> rows(String resource) {
    try (InputStream in = RecordedPrices.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> out = new ArrayList<>();
      r.readLine(); // header
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          out.add(line.trim().split(","));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
