package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.spi.CorrelationStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The {@code correlations} table: one row per (source, ticker_1, type_1, ticker_2, type_2, start,
 * end, method, weekends), the pair in the canonical order of {@link CorrelationKey}. {@link
 * #putAll} writes a whole matrix in one transaction; {@link #getAll} reads it on one connection.
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
    String operation = n == 1
        ? "store the correlation " + describe(keys[0])
        : "store " + n + " correlations";
    db.write(operation, s -> {
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

  @Override
  public Map<CorrelationKey, Double> getAll(Collection<CorrelationKey> keys) {
    Objects.requireNonNull(keys, "keys");
    Map<CorrelationKey, Double> found = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    return db.read("read " + keys.size() + " correlations", s -> {
      for (CorrelationKey k : keys) {
        if (storable(Objects.requireNonNull(k, "key"))) {
          OptionalDouble v = find(s, k);
          if (v.isPresent()) {
            found.put(k, v.getAsDouble());
          }
        }
      }
      return found;
    });
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
    return key.first() + "/" + key.second() + " " + key.range() + " " + key.method()
        + (key.weekends() ? " with weekends" : "") + " of " + key.source();
  }
}
