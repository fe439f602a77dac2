package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.InterestStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code interest} table: one row per (source, date, maturity) holding the rate as a decimal
 * fraction. A curve is stored as the rows of its published maturities and read back from them.
 */
final class InterestTable implements InterestStore {
  private final SqliteDatabase db;

  InterestTable(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public void put(SourceId source, List<YieldCurve> curves) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(curves, "curves");
    int rows = 0;
    String[] dates = new String[curves.size()];
    for (int i = 0; i < dates.length; i++) {
      YieldCurve c = Objects.requireNonNull(curves.get(i), "curve");
      dates[i] = IsoDates.format(c.date());
      rows += c.rates().size();
    }
    if (rows == 0) {
      return;
    }
    db.write(
        "store " + rows + " interest rates of " + curves.size() + " dates of " + source,
        s -> {
          PreparedStatement ps = s.statement(Schema.UPSERT_RATE);
          int k = 0;
          for (int i = 0; i < dates.length; i++) {
            for (Map.Entry<Maturity, Double> e : curves.get(i).rates().entrySet()) {
              ps.setString(1, dates[i]);
              ps.setString(2, e.getKey().name());
              ps.setDouble(3, e.getValue());
              ps.setString(4, source.value());
              ps.addBatch();
              if (++k % PriceTable.BATCH == 0) {
                ps.executeBatch();
              }
            }
          }
          if (k % PriceTable.BATCH != 0) {
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<YieldCurve> get(SourceId source, DateRange range) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(range, "range");
    String from = IsoDates.format(PriceTable.clampDay(range.startEpochDay()));
    String to = IsoDates.format(PriceTable.clampDay(range.endEpochDay()));
    String operation =
        "read interest rates from " + range.start() + " to " + range.end() + " of " + source;
    return db.read(
        operation,
        s -> {
          PreparedStatement ps = s.statement(Schema.SELECT_RATES);
          ps.setString(1, from);
          ps.setString(2, to);
          ps.setString(3, source.value());
          List<YieldCurve> curves = new ArrayList<>();
          String current = null;
          Map<Maturity, Double> rates = new EnumMap<>(Maturity.class);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String date = rs.getString(1);
              if (!date.equals(current)) {
                if (current != null) {
                  curves.add(curve(current, rates));
                  rates.clear();
                }
                current = date;
              }
              String name = rs.getString(2);
              Maturity m;
              try {
                m = Maturity.valueOf(name);
              } catch (IllegalArgumentException e) {
                throw db.corrupt("interest", "the maturity '" + name + "' on " + date);
              }
              rates.put(m, rs.getDouble(3));
            }
          }
          if (current != null) {
            curves.add(curve(current, rates));
          }
          return curves;
        });
  }

  private YieldCurve curve(String date, Map<Maturity, Double> rates) {
    long day = IsoDates.parse(date);
    if (day == Long.MIN_VALUE) {
      throw db.corrupt("interest", "the date '" + date + "'");
    }
    return new YieldCurve(LocalDate.ofEpochDay(day), rates); // copies the map
  }
}
