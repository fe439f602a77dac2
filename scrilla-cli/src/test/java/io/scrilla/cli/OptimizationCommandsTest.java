package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.risk.TailEvent;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each optimization command's JSON equals the library's solution on the bundled sample data. */
class OptimizationCommandsTest {
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();
  private static final DateRange RANGE = DateRange.parse("2021-03-01", "2021-09-30");
  private static final List<Asset> ASSETS =
      List.of(Asset.equity("SPY"), Asset.equity("GLD"), Asset.equity("DIS"));
  private static final String[] ARGS = {
    "SPY", "GLD", "DIS", "--start", "2021-03-01", "--end", "2021-09-30", "--json"
  };
  private static Scrilla lib;

  @BeforeAll
  static void open() {
    lib = Scrilla.create(CONFIG);
  }

  @AfterAll
  static void close() {
    lib.close();
  }

  private static JsonNode run(String command, String... extra) {
    String[] all = new String[1 + ARGS.length + extra.length];
    all[0] = command;
    System.arraycopy(ARGS, 0, all, 1, ARGS.length);
    System.arraycopy(extra, 0, all, 1 + ARGS.length, extra.length);
    var run = CliHarness.runConfigured(CONFIG, all);
    assertEquals(0, run.code(), run.err());
    return Json.parse(run.out());
  }

  private static void assertSolution(Solution s, JsonNode j) {
    for (int i = 0; i < s.tickers().size(); i++) {
      assertEquals(s.weights()[i], j.get("allocation").get(s.tickers().get(i)).doubleValue());
    }
    assertEquals(s.annualReturn(), j.get("annual_return").doubleValue());
    assertEquals(s.annualVolatility(), j.get("annual_volatility").doubleValue());
    assertEquals(s.sharpeRatio(), j.get("sharpe_ratio").doubleValue());
  }

  @Test
  void optimizePortfolio_minimumVariance() {
    assertSolution(
        lib.minimumVariance(ASSETS, RANGE, EstimationMethod.MOMENTS, Constraints.longOnly()),
        run("optimize-portfolio"));
  }

  @Test
  void optimizePortfolio_sharpeTargetBoundsAndInvest() {
    Constraints c = Constraints.of(Bounds.uniform(-1, 2)).withTargetReturn(0.2);
    Solution s = lib.maximumSharpeRatio(ASSETS, RANGE, EstimationMethod.MOMENTS, c);
    JsonNode j = run("optimize-portfolio", "-sh", "-target", "0.2", "--bounds", "-1,2");
    assertSolution(s, j);
    assertEquals(0.2, j.get("annual_return").doubleValue(), 1e-12);

    Solution longOnly =
        lib.maximumSharpeRatio(ASSETS, RANGE, EstimationMethod.MOMENTS, Constraints.longOnly());
    JsonNode inv = run("optimize-portfolio", "--sharpe", "--invest", "10000");
    Allocation a = lib.allocate(longOnly, RANGE, new BigDecimal("10000"));
    for (String t : List.of("SPY", "GLD", "DIS")) {
      assertEquals(a.shares().get(t).doubleValue(), inv.get("shares").get(t).doubleValue());
    }
    assertEquals(a.invested().doubleValue(), inv.get("total").doubleValue());
    assertEquals(a.cashLeft().doubleValue(), inv.get("cash_left").doubleValue());
    assertTrue(inv.get("total").doubleValue() <= 10000);
  }

  @Test
  void optimizePortfolio_unattainableTarget_namesTheRange() {
    var run =
        CliHarness.runConfigured(
            CONFIG,
            "optimize-portfolio",
            "SPY",
            "GLD",
            "--target",
            "5",
            "--start",
            "2021-03-01",
            "--end",
            "2021-09-30");
    assertEquals(1, run.code());
    assertTrue(
        run.err()
            .lines()
            .anyMatch(
                l -> l.startsWith("error: target return 5.0 is outside the range attainable")),
        run.err());
  }

  @Test
  void optimizeCvar_addsTheLoss() {
    CvarSolution s =
        lib.minimumConditionalValueAtRisk(
            ASSETS,
            RANGE,
            EstimationMethod.MOMENTS,
            Constraints.longOnly(),
            TailEvent.of(0.05, 0.5));
    JsonNode j = run("optimize-cvar", "--prob", "0.05", "--expiry", "0.5");
    assertSolution(s.solution(), j);
    assertEquals(s.conditionalValueAtRiskLoss(), j.get("conditional_value_at_risk").doubleValue());
  }

  @Test
  void maxReturn_allInTheBestAsset() {
    Solution s = lib.maximumReturn(ASSETS, RANGE, EstimationMethod.MOMENTS, Bounds.longOnly());
    JsonNode j = run("max-return");
    assertSolution(s, j);
    double sum = 0;
    for (String t : List.of("SPY", "GLD", "DIS")) {
      sum += j.get("allocation").get(t).doubleValue();
    }
    assertEquals(1.0, sum, 1e-12);
  }

  @Test
  void efficientFrontier_stepsAndInclusive() {
    List<Solution> f =
        lib.efficientFrontier(
            ASSETS,
            RANGE,
            EstimationMethod.MOMENTS,
            Bounds.longOnly(),
            4,
            FrontierSpacing.INCLUSIVE);
    JsonNode j = run("efficient-frontier", "--steps", "4", "--inclusive");
    assertEquals(4, j.size());
    for (int i = 0; i < 4; i++) {
      assertSolution(f.get(i), j.get(i));
    }
    JsonNode dflt = run("efficient-frontier");
    assertEquals(5, dflt.size());
    for (int i = 1; i < 5; i++) {
      assertTrue(
          dflt.get(i).get("annual_return").doubleValue()
              > dflt.get(i - 1).get("annual_return").doubleValue());
    }
  }
}
