package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.CorrelationStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The {@code correlations} table: one row per (source, ticker_1, type_1, ticker_2, type_2, start,
 * end, method, weekends), the pair in the canonical order of {@link CorrelationKey}. {@link
 * #putAll} writes a whole matrix in one transaction; {@link #getAll} reads it on one connection
 * with one query per block of first tickers.
 */
final class CorrelationTable implements CorrelationStore {
  private final SqliteDatabase db;

  CorrelationTable(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public void put(CorrelationKey key, double correlation) {
    Objects.requireNonNull(key, "key");
    putAll(Map.of(key, correlation));
  }

  @Override
  public void putAll(Map<CorrelationKey, Double> correlations) {
    Objects.requireNonNull(correlations, "correlations");
    if (correlations.isEmpty()) {
      return;
    }
    int n = correlations.size();
    CorrelationKey[] keys = new CorrelationKey[n];
    double[] values = new double[n];
    String[] starts = new String[n];
    String[] ends = new String[n];
    int i = 0;
    for (Map.Entry<CorrelationKey, Double> e : correlations.entrySet()) {
      CorrelationKey k = Objects.requireNonNull(e.getKey(), "key");
      double v = Objects.requireNonNull(e.getValue(), "correlation");
      if (!(v >= -1.0 && v <= 1.0)) {
        throw new InvalidInputException(
            "correlation of " + describe(k) + " is " + v + ": a correlation lies in [-1, 1]");
      }
      keys[i] = k;
      values[i] = v;
      starts[i] = IsoDates.format(k.range().start());
      ends[i] = IsoDates.format(k.range().end());
      i++;
    }
    String operation =
        n == 1 ? "store the correlation " + describe(keys[0]) : "store " + n + " correlations";
    db.write(
        operation,
        s -> {
          PreparedStatement ps = s.statement(Schema.UPSERT_CORRELATION);
          for (int j = 0; j < n; j++) {
            bindKey(ps, keys[j], starts[j], ends[j]);
            ps.setDouble(9, values[j]);
            ps.setString(10, keys[j].source().value());
            ps.addBatch();
            if ((j + 1) % PriceTable.BATCH == 0) {
              ps.executeBatch();
            }
          }
          if (n % PriceTable.BATCH != 0) {
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public OptionalDouble get(CorrelationKey key) {
    Objects.requireNonNull(key, "key");
    if (!storable(key)) {
      return OptionalDouble.empty();
    }
    return db.read("read the correlation " + describe(key), s -> find(s, key));
  }

  /**
   * Reads many correlations with one query per window and block of {@value Schema#TICKER_BLOCK}
   * first tickers (five queries for the 124,750 pairs of a 500-ticker matrix), not one per pair.
   */
  @Override
  public Map<CorrelationKey, Double> getAll(Collection<CorrelationKey> keys) {
    Objects.requireNonNull(keys, "keys");
    Map<Window, Wanted> byWindow = new LinkedHashMap<>();
    for (CorrelationKey k : keys) {
      if (storable(Objects.requireNonNull(k, "key"))) {
        byWindow.computeIfAbsent(Window.of(k), w -> new Wanted()).add(k);
      }
    }
    Map<CorrelationKey, Double> read = new HashMap<>();
    if (!byWindow.isEmpty()) {
      db.read(
          "read " + keys.size() + " correlations",
          s -> {
            for (Map.Entry<Window, Wanted> e : byWindow.entrySet()) {
              readWindow(s, e.getKey(), e.getValue(), read);
            }
            return null;
          });
    }
    Map<CorrelationKey, Double> found = new LinkedHashMap<>();
    for (CorrelationKey k : keys) {
      Double v = read.get(k);
      if (v != null) {
        found.put(k, v);
      }
    }
    return found;
  }

  private static void readWindow(
      Session s, Window w, Wanted wanted, Map<CorrelationKey, Double> read) throws SQLException {
    queryBlocks(
        s,
        new ArrayList<>(wanted.firstTickers),
        w,
        rs -> {
          CorrelationKey k =
              wanted.pairs.get(
                  pair(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
          if (k != null) {
            read.put(k, rs.getDouble(5));
          }
        });
  }

  /** What to do with one row of {@link Schema#SELECT_CORRELATION_BLOCK}. */
  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /**
   * Runs {@link Schema#SELECT_CORRELATION_BLOCK} for each block of {@value Schema#TICKER_BLOCK}
   * first tickers of one window (the last block padded by repeating its last ticker), handing each
   * row to {@code reader}.
   */
  private static void queryBlocks(Session s, List<String> firsts, Window w, RowReader reader)
      throws SQLException {
    PreparedStatement ps = s.statement(Schema.SELECT_CORRELATION_BLOCK);
    for (int from = 0; from < firsts.size(); from += Schema.TICKER_BLOCK) {
      int to = Math.min(firsts.size(), from + Schema.TICKER_BLOCK);
      for (int i = 0; i < Schema.TICKER_BLOCK; i++) {
        ps.setString(i + 1, firsts.get(Math.min(from + i, to - 1)));
      }
      int p = Schema.TICKER_BLOCK;
      ps.setString(p + 1, w.start());
      ps.setString(p + 2, w.end());
      ps.setString(p + 3, w.method());
      ps.setInt(p + 4, w.weekends());
      ps.setString(p + 5, w.source());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  /**
   * Reads a whole matrix's pairs with one query per block of {@value Schema#TICKER_BLOCK} first
   * tickers, placing each row by the positions of its two assets (no key per pair).
   */
  @Override
  public CorrelationBlock getBlock(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends) {
    CorrelationBlock empty = CorrelationBlock.empty(source, assets, range, method, weekends);
    int n = empty.size();
    CorrelationKey probe = n < 2 ? null : empty.key(0, 1);
    if (probe == null || !storable(probe)) {
      return empty;
    }
    Window w = Window.of(probe);
    // positions by type, then ticker: no string is built per row
    Map<String, Map<String, Integer>> position = new HashMap<>();
    Set<String> firsts = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      Asset a = assets.get(i);
      position.computeIfAbsent(PriceTable.typeText(a), t -> new HashMap<>()).put(a.ticker(), i);
      firsts.add(a.ticker());
    }
    double[] values = empty.values();
    db.read(
        "read the " + (long) n * (n - 1) / 2 + " correlations of " + n + " assets",
        s -> {
          queryBlocks(
              s,
              new ArrayList<>(firsts),
              w,
              rs -> {
                Integer i = at(position, rs.getString(2), rs.getString(1));
                Integer j = i == null ? null : at(position, rs.getString(4), rs.getString(3));
                if (j != null && !i.equals(j)) {
                  values[CorrelationBlock.index(n, Math.min(i, j), Math.max(i, j))] =
                      rs.getDouble(5);
                }
              });
          return null;
        });
    return CorrelationBlock.of(source, assets, range, method, weekends, values);
  }

  private static Integer at(
      Map<String, Map<String, Integer>> position, String type, String ticker) {
    Map<String, Integer> byTicker = position.get(type);
    return byTicker == null ? null : byTicker.get(ticker);
  }

  /** Writes the pairs of a block that have a value in one transaction, as {@link #putAll}. */
  @Override
  public void putBlock(CorrelationBlock block) {
    Objects.requireNonNull(block, "block");
    int n = block.size();
    int count = block.count();
    if (count == 0) {
      return;
    }
    CorrelationKey probe = block.key(0, 1);
    if (!storable(probe)) {
      // the same refusal putAll gives
      putAll(block.toMap());
      return;
    }
    Window w = Window.of(probe);
    double[] values = block.values();
    List<Asset> assets = block.assets();
    String[] types = new String[n];
    for (int i = 0; i < n; i++) {
      types[i] = PriceTable.typeText(assets.get(i));
    }
    db.write(
        "store " + count + " correlations",
        s -> {
          PreparedStatement ps = s.statement(Schema.UPSERT_CORRELATION);
          int batched = 0;
          for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
              double v = values[CorrelationBlock.index(n, i, j)];
              if (Double.isNaN(v)) {
                continue;
              }
              // the canonical order of CorrelationKey
              boolean iFirst = assets.get(i).compareTo(assets.get(j)) <= 0;
              int a = iFirst ? i : j;
              int b = iFirst ? j : i;
              ps.setString(1, assets.get(a).ticker());
              ps.setString(2, types[a]);
              ps.setString(3, assets.get(b).ticker());
              ps.setString(4, types[b]);
              ps.setString(5, w.start());
              ps.setString(6, w.end());
              ps.setString(7, w.method());
              ps.setInt(8, w.weekends());
              ps.setDouble(9, v);
              ps.setString(10, w.source());
              ps.addBatch();
              if (++batched % PriceTable.BATCH == 0) {
                ps.executeBatch();
              }
            }
          }
          if (batched % PriceTable.BATCH != 0) {
            ps.executeBatch();
          }
          return null;
        });
  }

  private static String pair(String ticker1, String type1, String ticker2, String type2) {
    return ticker1 + '\u0000' + type1 + '\u0000' + ticker2 + '\u0000' + type2;
  }

  /** The part of a key shared by the pairs of one matrix. */
  private record Window(String start, String end, String method, int weekends, String source) {
    static Window of(CorrelationKey k) {
      return new Window(
          IsoDates.format(k.range().start()),
          IsoDates.format(k.range().end()),
          k.method().canonicalName(),
          k.weekends() ? 1 : 0,
          k.source().value());
    }
  }

  /** The keys asked for in one window, by pair, and their first tickers. */
  private static final class Wanted {
    final Map<String, CorrelationKey> pairs = new HashMap<>();
    final Set<String> firstTickers = new LinkedHashSet<>();

    void add(CorrelationKey k) {
      pairs.put(
          pair(
              k.first().ticker(),
              PriceTable.typeText(k.first()),
              k.second().ticker(),
              PriceTable.typeText(k.second())),
          k);
      firstTickers.add(k.first().ticker());
    }
  }

  private static OptionalDouble find(Session s, CorrelationKey key) throws SQLException {
    PreparedStatement ps = s.statement(Schema.SELECT_CORRELATION);
    bindKey(ps, key, IsoDates.format(key.range().start()), IsoDates.format(key.range().end()));
    ps.setString(9, key.source().value());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? OptionalDouble.of(rs.getDouble(1)) : OptionalDouble.empty();
    }
  }

  private static boolean storable(CorrelationKey key) {
    long lo = IsoDates.MIN_EPOCH_DAY;
    long hi = IsoDates.MAX_EPOCH_DAY;
    long a = key.range().start().toEpochDay();
    long b = key.range().end().toEpochDay();
    return a >= lo && b <= hi;
  }

  /** Binds the identity's parameters 1 to 8; the source comes after the value. */
  private static void bindKey(PreparedStatement ps, CorrelationKey key, String start, String end)
      throws SQLException {
    ps.setString(1, key.first().ticker());
    ps.setString(2, PriceTable.typeText(key.first()));
    ps.setString(3, key.second().ticker());
    ps.setString(4, PriceTable.typeText(key.second()));
    ps.setString(5, start);
    ps.setString(6, end);
    ps.setString(7, key.method().canonicalName());
    ps.setInt(8, key.weekends() ? 1 : 0);
  }

  private static String describe(CorrelationKey key) {
    return key.first()
        + "/"
        + key.second()
        + " "
        + key.range()
        + " "
        + key.method()
        + (key.weekends() ? " with weekends" : "")
        + " of "
        + key.source();
  }
}
