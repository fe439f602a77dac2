package io.scrilla.cache.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks with {@code EXPLAIN QUERY PLAN} that the statements the stores run are served by the
 * tables' keys: a SEARCH (not a SCAN) and no temporary B-tree for the ORDER BY.
 */
class QueryPlanTest {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void createFileWithRows() throws Exception {
    file = dir.resolve("plan.db");
    SqliteDatabase.open(file).close();
    // some rows and statistics, so the planner chooses as it would on a real cache
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (int t = 0; t < 20; t++) {
        for (int d = 1; d <= 28; d++) {
          for (String source : List.of("alpha_vantage", "csv:/data@0a1b2c3d4e5f")) {
            st.executeUpdate(
                String.format(
                    "INSERT INTO prices VALUES ('%s', 'T%d', 'equity', "
                        + "'2021-02-%02d', NULL, %d.5)",
                    source, t, d, d));
            st.executeUpdate(
                String.format(
                    "INSERT OR IGNORE INTO interest VALUES ('%s', "
                        + "'2021-02-%02d', 'M%d', 0.01)",
                    source, d, t));
          }
        }
      }
      c.commit();
      st.execute("ANALYZE");
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  private List<String> plan(String sql, Object... params) throws Exception {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<String> details = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          details.add(rs.getString("detail"));
        }
      }
      return details;
    }
  }

  private static void assertServedByKey(List<String> plan, String table, String keyUse) {
    assertEquals(1, plan.size(), plan.toString());
    String detail = plan.get(0);
    assertTrue(detail.startsWith("SEARCH " + table + " USING PRIMARY KEY"), detail);
    assertTrue(detail.contains(keyUse), detail);
    assertFalse(
        plan.stream().anyMatch(d -> d.contains("SCAN") || d.contains("TEMP B-TREE")),
        plan.toString());
  }

  @Test
  void selectPrices_tickerAndDateRange_searchesPrimaryKeyInDateOrder() throws Exception {
    assertServedByKey(
        plan(Schema.SELECT_PRICES, "T3", "equity", "2021-02-03", "2021-02-20", "alpha_vantage"),
        "prices",
        "(source=? AND ticker=? AND asset_type=? AND date>? AND date<?)");
  }

  @Test
  void selectRates_dateRange_searchesPrimaryKeyInDateOrder() throws Exception {
    assertServedByKey(
        plan(Schema.SELECT_RATES, "2021-02-03", "2021-02-20", "treasury"),
        "interest",
        "(source=? AND date>? AND date<?)");
  }

  @Test
  void selectProfile_fullKey_isAPointLookup() throws Exception {
    assertServedByKey(
        plan(
            Schema.SELECT_PROFILE,
            "SPY",
            "equity",
            "2021-01-04",
            "2021-06-30",
            "moments",
            0,
            "alpha_vantage"),
        "profile",
        "(source=? AND ticker=? AND asset_type=? AND start_date=? AND end_date=? AND method=?"
            + " AND weekends=?)");
  }

  @Test
  void selectCorrelation_fullKey_isAPointLookup() throws Exception {
    assertServedByKey(
        plan(
            Schema.SELECT_CORRELATION,
            "GLD",
            "equity",
            "SPY",
            "equity",
            "2021-01-04",
            "2021-06-30",
            "moments",
            0,
            "alpha_vantage"),
        "correlations",
        "(source=? AND ticker_1=? AND type_1=? AND ticker_2=? AND type_2=? AND start_date=?"
            + " AND end_date=? AND method=? AND weekends=?)");
  }

  @Test
  void selectCorrelationBlock_firstTickers_searchesPrimaryKeyByFirstTicker() throws Exception {
    Object[] params = new Object[Schema.TICKER_BLOCK + 5];
    for (int i = 0; i < Schema.TICKER_BLOCK; i++) {
      params[i] = "T" + i;
    }
    params[Schema.TICKER_BLOCK] = "2021-01-04";
    params[Schema.TICKER_BLOCK + 1] = "2021-06-30";
    params[Schema.TICKER_BLOCK + 2] = "moments";
    params[Schema.TICKER_BLOCK + 3] = 0;
    params[Schema.TICKER_BLOCK + 4] = "alpha_vantage";
    assertServedByKey(
        plan(Schema.SELECT_CORRELATION_BLOCK, params), "correlations", "(source=? AND ticker_1=?)");
  }

  @Test
  void orderByDateFunction_wouldNeedASort_soTheRawColumnMatters() throws Exception {
    // the counter-example: ordering by date(date) cannot use the key order
    String sorted = Schema.SELECT_PRICES.replace("ORDER BY date", "ORDER BY date(date)");
    List<String> plan = plan(sorted, "T3", "equity", "2021-02-03", "2021-02-20", "alpha_vantage");
    assertTrue(plan.stream().anyMatch(d -> d.contains("TEMP B-TREE")), plan.toString());
  }
}
