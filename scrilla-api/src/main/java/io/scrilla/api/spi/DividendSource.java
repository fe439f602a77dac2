package io.scrilla.api.spi;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import java.util.List;

/** A source of cash dividends. Thread-safe. */
public interface DividendSource {
  /**
   * Returns every known dividend of the asset, ascending by payment date; empty when it pays none.
   *
   * @throws io.scrilla.api.error.ServiceException when a remote service fails
   */
  List<Dividend> dividends(Asset asset);
}
