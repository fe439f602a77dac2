package io.scrilla.services.treasury.internal;

import io.scrilla.api.error.MalformedResponseException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one yearly page of the Treasury's daily par yield curve feed (an Atom feed whose entries
 * hold {@code m:properties} with {@code d:NEW_DATE} and {@code d:BC_1MONTH} ... {@code d:BC_30YEAR}
 * in percent); stateless and thread-safe.
 *
 * <p>An empty element or one marked {@code m:null="true"} means the maturity was not published that
 * day and is left out of the curve; rates become decimal fractions ({@code 1.54} gives {@code
 * 0.0154}). Entries must be ordered by date (either direction) without repeating one. DTDs and
 * external entities are refused.
 */
public final class TreasuryFeedParser {
  private static final String METADATA_NS =
      "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
  private static final Map<Maturity, String> ELEMENTS = new EnumMap<>(Maturity.class);
  private static final Map<String, Maturity> BY_ELEMENT = new HashMap<>();

  static {
    element(Maturity.ONE_MONTH, "BC_1MONTH");
    element(Maturity.TWO_MONTH, "BC_2MONTH");
    element(Maturity.THREE_MONTH, "BC_3MONTH");
    element(Maturity.FOUR_MONTH, "BC_4MONTH");
    element(Maturity.SIX_MONTH, "BC_6MONTH");
    element(Maturity.ONE_YEAR, "BC_1YEAR");
    element(Maturity.TWO_YEAR, "BC_2YEAR");
    element(Maturity.THREE_YEAR, "BC_3YEAR");
    element(Maturity.FIVE_YEAR, "BC_5YEAR");
    element(Maturity.SEVEN_YEAR, "BC_7YEAR");
    element(Maturity.TEN_YEAR, "BC_10YEAR");
    element(Maturity.TWENTY_YEAR, "BC_20YEAR");
    element(Maturity.THIRTY_YEAR, "BC_30YEAR");
  }

  private static void element(Maturity m, String name) {
    ELEMENTS.put(m, name);
    BY_ELEMENT.put(name, m);
  }

  /**
   * Returns the element of a maturity in the feed, e.g. {@code BC_1YEAR}.
   *
   * @param maturity the maturity
   * @return the element's local name
   */
  public static String element(Maturity maturity) {
    return ELEMENTS.get(maturity);
  }

  private TreasuryFeedParser() {}

  /**
   * Parses a page and returns its curves, ascending by date.
   *
   * @param body the bytes received
   * @param what the request's description for messages, e.g. {@code "Treasury yield curves 2021"}
   * @return every curve of the page, ascending
   * @throws MalformedResponseException when the page is not a well-formed feed or holds bad data,
   *     naming the date and element
   */
  public static List<YieldCurve> parse(byte[] body, String what) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    List<YieldCurve> curves = new ArrayList<>();
    XMLStreamReader r = null;
    try {
      r = f.createXMLStreamReader(new ByteArrayInputStream(body));
      r.nextTag();
      if (!"feed".equals(r.getLocalName())) {
        throw bad(
            what, "the root element is <" + r.getLocalName() + ">, not an Atom <feed>", false);
      }
      int direction = 0;
      LocalDate previous = null;
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && "properties".equals(r.getLocalName())) {
          YieldCurve c = readProperties(r, what);
          if (previous != null) {
            int cmp = c.date().compareTo(previous);
            if (cmp == 0) {
              throw bad(what, "the date " + c.date() + " appears twice", false);
            }
            if (direction == 0) {
              direction = Integer.signum(cmp);
            } else if (Integer.signum(cmp) != direction) {
              throw bad(
                  what, "entries out of order at " + c.date() + " (after " + previous + ")", false);
            }
          }
          previous = c.date();
          curves.add(c);
        }
      }
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      throw bad(
          what,
          "not well-formed XML (cut short or corrupted)"
              + (at == null
                  ? ""
                  : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber()),
          true);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing to release
        }
      }
    }
    if (curves.size() > 1 && curves.get(0).date().isAfter(curves.get(1).date())) {
      Collections.reverse(curves);
    }
    return curves;
  }

  private static YieldCurve readProperties(XMLStreamReader r, String what)
      throws XMLStreamException {
    LocalDate date = null;
    Map<Maturity, String> texts = new EnumMap<>(Maturity.class);
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      boolean isNull = "true".equalsIgnoreCase(r.getAttributeValue(METADATA_NS, "null"));
      String text = r.getElementText().trim(); // leaves the reader on the end tag
      if ("NEW_DATE".equals(name)) {
        if (isNull || text.isEmpty()) {
          throw bad(what, "an entry has no NEW_DATE", false);
        }
        try {
          date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
          throw bad(what, "NEW_DATE " + SafeText.quote(text) + " is not a date", false);
        }
      } else {
        Maturity m = BY_ELEMENT.get(name);
        if (m != null && !isNull && !text.isEmpty()) {
          texts.put(m, text);
        }
      }
    }
    if (date == null) {
      throw bad(what, "an entry has no NEW_DATE", false);
    }
    Map<Maturity, Double> rates = new EnumMap<>(Maturity.class);
    for (Map.Entry<Maturity, String> e : texts.entrySet()) {
      double percent;
      try {
        percent = Double.parseDouble(e.getValue());
      } catch (NumberFormatException ex) {
        throw bad(
            what,
            date
                + ": "
                + element(e.getKey())
                + " "
                + SafeText.quote(e.getValue())
                + " is not a number",
            false);
      }
      if (!Double.isFinite(percent)) {
        throw bad(
            what,
            date
                + ": "
                + element(e.getKey())
                + " "
                + SafeText.quote(e.getValue())
                + " is not finite",
            false);
      }
      rates.put(e.getKey(), YieldCurve.fromPercent(e.getValue()));
    }
    return new YieldCurve(date, rates);
  }

  private static MalformedResponseException bad(String what, String problem, boolean retryable) {
    return new MalformedResponseException(
        what + ": unusable answer from the Treasury: " + problem + "; nothing from it was kept",
        retryable);
  }
}
