package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.PriceStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code prices} table: one row per (source, ticker, asset type, date) with an optional open
 * and a close. Writes are batched upserts in one transaction; reads fill primitive arrays.
 */
final class PriceTable implements PriceStore {
  /** Rows per JDBC batch: bounds the driver's parameter buffer on very long histories. */
  static final int BATCH = 4096;

  private final SqliteDatabase db;

  PriceTable(SqliteDatabase db) {
    this.db = db;
  }

  static String typeText(Asset asset) {
    return asset.type().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void put(SourceId source, PriceHistory history) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(history, "history");
    int n = history.size();
    if (n == 0) {
      return;
    }
    Asset asset = history.asset();
    String ticker = asset.ticker();
    String type = typeText(asset);
    int[] days = history.epochDays();
    double[] closes = history.closes();
    double[] opens = history.hasOpens() ? history.opens() : null;
    String[] dates = new String[n];
    for (int i = 0; i < n; i++) {
      dates[i] = IsoDates.format(days[i]); // validates before the transaction starts
    }
    String operation =
        "store "
            + n
            + " prices of "
            + asset
            + " from "
            + dates[0]
            + " to "
            + dates[n - 1]
            + " of "
            + source;
    db.write(
        operation,
        s -> {
          PreparedStatement ps = s.statement(Schema.UPSERT_PRICE);
          for (int i = 0; i < n; i++) {
            ps.setString(1, ticker);
            ps.setString(2, type);
            ps.setString(3, dates[i]);
            if (opens == null) {
              ps.setNull(4, Types.REAL);
            } else {
              ps.setDouble(4, opens[i]);
            }
            ps.setDouble(5, closes[i]);
            ps.setString(6, source.value());
            ps.addBatch();
            if ((i + 1) % BATCH == 0) {
              ps.executeBatch();
            }
          }
          if (n % BATCH != 0) {
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public PriceHistory get(SourceId source, Asset asset, DateRange range) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(range, "range");
    String from = IsoDates.format(clampDay(range.startEpochDay()));
    String to = IsoDates.format(clampDay(range.endEpochDay()));
    long span = range.end().toEpochDay() - range.start().toEpochDay() + 1;
    int capacity = (int) Math.max(16, Math.min(span, 1 << 16));
    return db.read(
        "read prices of "
            + asset
            + " from "
            + range.start()
            + " to "
            + range.end()
            + " of "
            + source,
        s -> {
          PreparedStatement ps = s.statement(Schema.SELECT_PRICES);
          ps.setString(1, asset.ticker());
          ps.setString(2, typeText(asset));
          ps.setString(3, from);
          ps.setString(4, to);
          ps.setString(5, source.value());
          int[] days = new int[capacity];
          double[] opens = new double[capacity];
          double[] closes = new double[capacity];
          boolean allOpens = true;
          int n = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (n == days.length) {
                int grown = days.length * 2;
                days = Arrays.copyOf(days, grown);
                opens = Arrays.copyOf(opens, grown);
                closes = Arrays.copyOf(closes, grown);
              }
              String date = rs.getString(1);
              long day = IsoDates.parse(date);
              if (day == Long.MIN_VALUE) {
                throw db.corrupt("prices", "the date '" + date + "' for " + asset);
              }
              days[n] = (int) day;
              opens[n] = rs.getDouble(2);
              if (rs.wasNull()) {
                allOpens = false;
              }
              closes[n] = rs.getDouble(3);
              n++;
            }
          }
          if (n == 0) {
            return PriceHistory.empty(asset);
          }
          int[] d = Arrays.copyOf(days, n);
          double[] c = Arrays.copyOf(closes, n);
          return allOpens
              ? PriceHistory.of(asset, d, Arrays.copyOf(opens, n), c)
              : PriceHistory.ofCloses(asset, d, c);
        });
  }

  /** Keeps a query bound inside the years the table can hold; no row lies outside them. */
  static long clampDay(long day) {
    return Math.max(IsoDates.MIN_EPOCH_DAY, Math.min(IsoDates.MAX_EPOCH_DAY, day));
  }
}
