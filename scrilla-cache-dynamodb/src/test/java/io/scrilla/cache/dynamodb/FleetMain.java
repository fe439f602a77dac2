package io.scrilla.cache.dynamodb;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.Scrilla;
import io.scrilla.services.http.FetchRequest;
import io.scrilla.services.http.HttpFetcher;
import io.scrilla.services.http.Redactor;
import java.io.PrintStream;
import java.net.URI;

/**
 * One process of a fleet, for {@link FleetTest}: reads the daily prices of some tickers through the
 * facade, configured as any process would be (here by system properties: {@code CACHE_MODE}, {@code
 * ALPHA_VANTAGE_URL}, ...), and prints {@code OK ticker rows} per ticker, or {@code FAIL message}
 * and exits with 2.
 *
 * <p>Arguments: start date, end date, tickers. With the system property {@code scrilla.test.warmUp}
 * (a URL), one request to it first warms this JVM's HTTP client, so that the timing of the first
 * counted request is not that of a cold client.
 */
public final class FleetMain {
  private FleetMain() {}

  /** Runs the process. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    OneRequestAtATime.turnOnFromProperty();
    String warmUp = System.getProperty("scrilla.test.warmUp");
    if (warmUp != null) {
      HttpFetcher.shared()
          .get(FetchRequest.of(URI.create(warmUp), "warm-up", Redactor.none()), (b, t) -> b);
    }
    DateRange range = DateRange.parse(args[0], args[1]);
    int status = 0;
    try (Scrilla scrilla = Scrilla.create()) {
      for (int i = 2; i < args.length; i++) {
        PriceHistory h = scrilla.prices(Scrilla.asset(args[i]), range);
        out.println("OK " + args[i] + " " + h.size());
        out.flush();
      }
    } catch (RuntimeException e) {
      out.println("FAIL " + e.getMessage());
      status = 2;
    }
    out.flush();
    System.exit(status);
  }
}
