package io.scrilla.services.treasury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ServiceException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.InterestRateSourceProvider;
import io.scrilla.api.spi.Providers;
import io.scrilla.services.http.FakeTime;
import io.scrilla.services.http.HttpFetcher;
import io.scrilla.services.http.HttpSettings;
import io.scrilla.services.http.LocalHttpServer;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.Resources;
import io.scrilla.services.http.Threads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TreasuryRateSourceTest {
  /** The fixture was recorded on 2022-06-28. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2022-06-28T17:00:00Z"), ZoneOffset.UTC);

  private static final Pattern NEW_DATE =
      Pattern.compile("<d:NEW_DATE[^>]*>(\\d{4}-\\d{2}-\\d{2})T");

  private final LocalHttpServer server = LocalHttpServer.start();
  private final FakeTime time = new FakeTime();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private TreasuryRateSource source(Clock clock) {
    return TreasuryRateSource.builder()
        .baseUrl(server.url("/xml"))
        .fetcher(HttpFetcher.create(HttpSettings.builder().maxAttempts(3).build(), time))
        .clock(clock)
        .build();
  }

  /** Serves the recorded yearly page named by the query, an empty feed for other years. */
  private void serveYearPages() {
    server.on(
        "/xml",
        (q, n) -> {
          String year = q.get("field_tdr_date_value");
          if (year.equals("2021") || year.equals("2022")) {
            return Reply.xml(Resources.bytes("recorded/treasury_" + year + ".xml"));
          }
          return Reply.xml(emptyFeed());
        });
  }

  private static byte[] emptyFeed() {
    String page = Resources.text("recorded/treasury_2022.xml");
    return (page.substring(0, page.indexOf("<entry>")) + "</feed>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The dates of the original recording, counted by a regular expression. */
  private static List<LocalDate> fixtureDates() {
    Matcher m = NEW_DATE.matcher(Resources.text("fixtures/treasury_response.xml"));
    List<LocalDate> out = new ArrayList<>();
    while (m.find()) {
      out.add(LocalDate.parse(m.group(1)));
    }
    return out;
  }

  private static YieldCurve on(List<YieldCurve> curves, LocalDate date) {
    return curves.stream().filter(c -> c.date().equals(date)).findFirst().orElseThrow();
  }

  @Test
  void yieldCurves_november2021_percentBecomesDecimalFractions() {
    serveYearPages();
    List<YieldCurve> curves =
        source(CLOCK).yieldCurves(DateRange.parse("2021-11-01", "2021-11-30"));
    YieldCurve c = on(curves, LocalDate.of(2021, 11, 19));
    // the fixture publishes 1-year 0.18, 10-year 1.54, 1-month 0.11, 30-year 1.91 percent
    assertEquals(0.0018, c.rate(Maturity.ONE_YEAR).getAsDouble(), 1e-15);
    assertEquals(0.0154, c.rate(Maturity.TEN_YEAR).getAsDouble(), 1e-15);
    assertEquals(0.0011, c.rate(Maturity.ONE_MONTH).getAsDouble(), 1e-15);
    assertEquals(0.0191, c.rate(Maturity.THIRTY_YEAR).getAsDouble(), 1e-15);
    assertFalse(c.rate(Maturity.FOUR_MONTH).isPresent(), "BC_4MONTH is not in the 2021 page");
    assertEquals(12, c.rates().size());
    long november =
        fixtureDates().stream().filter(d -> d.getYear() == 2021 && d.getMonthValue() == 11).count();
    assertEquals(november, curves.size());
    assertEquals(1, server.requests());
    assertEquals(
        Map.of("data", "daily_treasury_yield_curve", "field_tdr_date_value", "2021"),
        server.queries().get(0));
  }

  @Test
  void yieldCurves_june2021_agreesWithStatisticsSection12() {
    serveYearPages();
    YieldCurve c =
        on(
            source(CLOCK).yieldCurves(DateRange.parse("2021-06-30", "2021-06-30")),
            LocalDate.of(2021, 6, 30));
    assertEquals(0.0007, c.rate(Maturity.ONE_YEAR).getAsDouble(), 1e-15);
    assertEquals(0.0145, c.rate(Maturity.TEN_YEAR).getAsDouble(), 1e-15);
  }

  @Test
  void yieldCurves_rangeOverTwoYears_onePagePerYearAndProgressPerPage() {
    serveYearPages();
    List<String> progress = new ArrayList<>();
    List<YieldCurve> curves =
        source(CLOCK)
            .yieldCurves(
                DateRange.parse("2021-01-01", "2022-12-31"),
                (task, done, total) -> progress.add(task + " " + done + "/" + total));
    assertEquals(2, server.requests());
    assertEquals(List.of("treasury 2021 1/2", "treasury 2022 2/2"), progress);
    List<LocalDate> expected = fixtureDates();
    assertEquals(expected.size(), curves.size());
    for (int i = 0; i < curves.size(); i++) {
      assertEquals(expected.get(i), curves.get(i).date());
    }
    for (int i = 1; i < curves.size(); i++) {
      assertTrue(curves.get(i).date().isAfter(curves.get(i - 1).date()));
    }
  }

  @Test
  void yieldCurves_rangeEndingInTheFuture_stopsAtThisYear() {
    serveYearPages();
    Clock jan2022 = Clock.fixed(Instant.parse("2022-01-15T12:00:00Z"), ZoneOffset.UTC);
    source(jan2022).yieldCurves(DateRange.parse("2020-12-01", "2024-12-31"));
    assertEquals(
        List.of("2020", "2021", "2022"),
        server.queries().stream().map(q -> q.get("field_tdr_date_value")).toList());
  }

  @Test
  void yieldCurves_rangeStartingAfterToday_noRequest() {
    assertTrue(source(CLOCK).yieldCurves(DateRange.parse("2023-01-01", "2023-02-01")).isEmpty());
    assertEquals(0, server.requests());
  }

  @Test
  void yieldCurves_pageHoldingOtherYears_keepsOnlyItsYear() {
    // the whole recording served for every year: each page contributes only its own year's dates
    server.on("/xml", (q, n) -> Reply.xml(Resources.bytes("fixtures/treasury_response.xml")));
    List<YieldCurve> curves =
        source(CLOCK).yieldCurves(DateRange.parse("2021-01-01", "2022-12-31"));
    assertEquals(fixtureDates().size(), curves.size());
  }

  private static String nov19Page(String from, String to) {
    String page = Resources.text("recorded/treasury_2021.xml");
    int at = page.indexOf("2021-11-19T00:00:00");
    int i = page.indexOf(from, at);
    assertTrue(at > 0 && i > 0, from);
    return page.substring(0, i) + to + page.substring(i + from.length());
  }

  @Test
  void yieldCurves_nullAndEmptyElements_areNotPublished() {
    String page =
        nov19Page(
            "<d:BC_1MONTH m:type=\"Edm.Double\">0.11</d:BC_1MONTH>",
            "<d:BC_1MONTH m:type=\"Edm.Double\" m:null=\"true\" />");
    int at = page.indexOf("2021-11-19T00:00:00");
    page =
        page.substring(0, at)
            + page.substring(at)
                .replaceFirst(
                    Pattern.quote("<d:BC_2MONTH m:type=\"Edm.Double\">0.04</d:BC_2MONTH>"),
                    "<d:BC_2MONTH m:type=\"Edm.Double\"></d:BC_2MONTH>");
    server.script("/xml", Reply.xml(page.getBytes(StandardCharsets.UTF_8)));
    YieldCurve c =
        on(
            source(CLOCK).yieldCurves(DateRange.parse("2021-11-19", "2021-11-19")),
            LocalDate.of(2021, 11, 19));
    assertFalse(c.rate(Maturity.ONE_MONTH).isPresent());
    assertFalse(c.rate(Maturity.TWO_MONTH).isPresent());
    assertEquals(0.0018, c.rate(Maturity.ONE_YEAR).getAsDouble(), 1e-15);
  }

  @Test
  void yieldCurves_nonNumericRate_failsNamingDateAndElement() {
    server.script("/xml", Reply.xml(nov19Page(">1.54<", ">n/a<").getBytes(StandardCharsets.UTF_8)));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> source(CLOCK).yieldCurves(DateRange.parse("2021-11-01", "2021-11-30")));
    assertTrue(e.getMessage().contains("2021-11-19: BC_10YEAR 'n/a'"), e.getMessage());
  }

  @Test
  void yieldCurves_duplicateDate_failsNamingTheDate() {
    server.script(
        "/xml",
        Reply.xml(
            nov19Page("2021-11-19T00:00:00", "2021-11-18T00:00:00")
                .getBytes(StandardCharsets.UTF_8)));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> source(CLOCK).yieldCurves(DateRange.parse("2021-11-01", "2021-11-30")));
    assertTrue(e.getMessage().contains("2021-11-18 appears twice"), e.getMessage());
  }

  @Test
  void yieldCurves_outOfOrder_failsNamingTheDate() {
    server.script(
        "/xml",
        Reply.xml(
            nov19Page("2021-11-19T00:00:00", "2021-03-19T00:00:00")
                .getBytes(StandardCharsets.UTF_8)));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> source(CLOCK).yieldCurves(DateRange.parse("2021-11-01", "2021-11-30")));
    assertTrue(e.getMessage().contains("out of order at 2021-03-19"), e.getMessage());
  }

  @Test
  void yieldCurves_truncatedXml_failsRetryableWithoutCurves() {
    byte[] page = Resources.bytes("recorded/treasury_2021.xml");
    server.script("/xml", Reply.xml(Arrays.copyOf(page, page.length / 3)));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> source(CLOCK).yieldCurves(DateRange.parse("2021-01-01", "2021-12-31")));
    assertTrue(
        e.getMessage().contains("Treasury yield curves 2021")
            && e.getMessage().contains("not well-formed"),
        e.getMessage());
    assertEquals(1, server.requests());
  }

  @Test
  void yieldCurves_htmlPage_failsWithoutParsing() {
    server.script("/xml", Reply.ok("text/html", Resources.bytes("recorded/maintenance.html")));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> source(CLOCK).yieldCurves(DateRange.parse("2021-01-01", "2021-12-31")));
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    assertEquals(1, server.requests());
  }

  @Test
  void yieldCurves_xmlThatIsNotAFeed_fails() {
    server.script(
        "/xml",
        Reply.xml("<?xml version=\"1.0\"?><error>no</error>".getBytes(StandardCharsets.UTF_8)));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> source(CLOCK).yieldCurves(DateRange.parse("2021-01-01", "2021-12-31")));
    assertTrue(e.getMessage().contains("<error>"), e.getMessage());
  }

  @Test
  void yieldCurves_externalEntity_refused() {
    String evil =
        "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM"
            + " \"file:///etc/passwd\">]><feed>&x;</feed>";
    server.script("/xml", Reply.xml(evil.getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        ServiceException.class,
        () -> source(CLOCK).yieldCurves(DateRange.parse("2021-01-01", "2021-12-31")));
  }

  @Test
  void yieldCurves_503ThenPage_retriedOnce() {
    server.script(
        "/xml", Reply.status(503), Reply.xml(Resources.bytes("recorded/treasury_2021.xml")));
    List<YieldCurve> curves =
        source(CLOCK).yieldCurves(DateRange.parse("2021-11-19", "2021-11-19"));
    assertEquals(1, curves.size());
    assertEquals(2, server.requests());
    assertEquals(1, time.sleeps().size());
  }

  @Test
  void page_concurrentRequestsForOneYear_oneFetch() throws Exception {
    server.script("/xml", Reply.xml(Resources.bytes("recorded/treasury_2021.xml")).heldBy(release));
    TreasuryRateSource s = source(CLOCK);
    AtomicReference<List<YieldCurve>> a = new AtomicReference<>();
    AtomicReference<List<YieldCurve>> b = new AtomicReference<>();
    Thread ta = new Thread(() -> a.set(s.page(2021)));
    ta.start();
    while (server.requests() == 0) {
      Thread.sleep(5);
    }
    Thread tb = new Thread(() -> b.set(s.page(2021)));
    tb.start();
    Threads.awaitWaiting(tb);
    release.countDown();
    ta.join();
    tb.join();
    assertEquals(1, server.requests());
    assertSame(a.get(), b.get());
  }

  @Test
  void latestDate_isTodayInNewYork() {
    Clock utcNextDay = Clock.fixed(Instant.parse("2021-11-20T02:00:00Z"), ZoneOffset.UTC);
    assertEquals(LocalDate.of(2021, 11, 19), source(utcNextDay).latestDate());
  }

  @Test
  void provider_treasury_isFoundAndReadsTreasuryUrl() {
    serveYearPages();
    ScrillaConfig config =
        ScrillaConfig.builder()
            .set(TreasuryRateSource.TREASURY_URL, server.url("/xml").toString())
            .build();
    InterestRateSource s =
        Providers.find(InterestRateSourceProvider.class, ScrillaConfig.STAT_MANAGER, "treasury")
            .create(config);
    assertTrue(s instanceof TreasuryRateSource);
    assertEquals(server.url("/xml"), ((TreasuryRateSource) s).baseUrl());
    List<YieldCurve> curves = s.yieldCurves(DateRange.parse("2021-11-19", "2021-11-19"));
    assertEquals(1, curves.size());
    assertEquals(Duration.ofSeconds(60), HttpSettings.defaults().quotaWait());
  }
}
