package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.spi.ProfileStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code profile} table: one row per (source, ticker, asset type, start, end, method, weekends)
 * with the annual return and volatility.
 */
final class ProfileTable implements ProfileStore {
  private final SqliteDatabase db;

  ProfileTable(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public void put(ProfileKey key, RiskProfile profile) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(profile, "profile");
    String start = IsoDates.format(key.start());
    String end = IsoDates.format(key.end());
    db.write(
        "store the profile " + describe(key),
        s -> {
          PreparedStatement ps = s.statement(Schema.UPSERT_PROFILE);
          bindKey(ps, key, start, end);
          ps.setDouble(7, profile.annualReturn());
          ps.setDouble(8, profile.annualVolatility());
          ps.setString(9, key.source().value());
          ps.executeUpdate();
          return null;
        });
  }

  @Override
  public Optional<RiskProfile> get(ProfileKey key) {
    Objects.requireNonNull(key, "key");
    String start;
    String end;
    try {
      start = IsoDates.format(key.start());
      end = IsoDates.format(key.end());
    } catch (InvalidInputException e) {
      return Optional.empty(); // never stored: such dates are refused on writes
    }
    return db.read(
        "read the profile " + describe(key),
        s -> {
          PreparedStatement ps = s.statement(Schema.SELECT_PROFILE);
          bindKey(ps, key, start, end);
          ps.setString(7, key.source().value());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            double ret = rs.getDouble(1);
            double vol = rs.getDouble(2);
            try {
              return Optional.of(new RiskProfile(ret, vol));
            } catch (InvalidInputException e) {
              throw db.corrupt(
                  "profile", "return " + ret + " and volatility " + vol + " for " + describe(key));
            }
          }
        });
  }

  /** Binds the identity's parameters 1 to 6; the source comes after the values. */
  private static void bindKey(PreparedStatement ps, ProfileKey key, String start, String end)
      throws SQLException {
    ps.setString(1, key.asset().ticker());
    ps.setString(2, PriceTable.typeText(key.asset()));
    ps.setString(3, start);
    ps.setString(4, end);
    ps.setString(5, key.method().canonicalName());
    ps.setInt(6, key.weekends() ? 1 : 0);
  }

  private static String describe(ProfileKey key) {
    return key.asset()
        + " "
        + key.range()
        + " "
        + key.method()
        + (key.weekends() ? " with weekends" : "")
        + " of "
        + key.source();
  }
}
