package io.scrilla.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 answering like AlphaVantage ({@code /query}) and the Treasury's
 * yield pages ({@code /treasury}), built from the sample data bundled in scrilla-services. Records
 * every request's query string.
 */
final class FakeServices implements AutoCloseable {
  private final HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile long delayMillis;

  FakeServices() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/query", this::query);
    server.createContext("/treasury", this::treasury);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String alphaVantageUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/query";
  }

  String treasuryUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/treasury";
  }

  long count(String fragment) {
    return requests.stream().filter(q -> q.contains(fragment)).count();
  }

  private static Map<String, String> params(URI uri) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : uri.getRawQuery().split("&")) {
      int eq = kv.indexOf('=');
      m.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  static List<String[]> sample(String file) throws IOException {
    try (InputStream in =
        FakeServices.class.getResourceAsStream("/io/scrilla/services/csv/sample/" + file)) {
      if (in == null) {
        return List.of();
      }
      List<String[]> rows = new ArrayList<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .forEach(l -> rows.add(l.split(",", -1)));
      return rows;
    }
  }

  private void query(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestURI().getRawQuery());
    sleep();
    Map<String, String> p = params(ex.getRequestURI());
    if ("DIVIDENDS".equals(p.get("function"))) {
      dividends(ex, p.get("symbol"));
      return;
    }
    List<String[]> rows = sample(p.get("symbol") + ".csv");
    if (rows.isEmpty()) {
      send(
          ex,
          "application/json",
          "{\"Error Message\": \"Invalid API call. Please retry or visit the documentation.\"}");
      return;
    }
    List<String> header = List.of(rows.get(0));
    List<String[]> data = new ArrayList<>(rows.subList(1, rows.size()));
    data.removeIf(r -> r[header.indexOf("date")].compareTo("2021-11-19") > 0);
    Collections.reverse(data); // newest first, as the service answers
    if ("compact".equals(p.get("outputsize"))) {
      data = data.subList(0, 100);
    }
    StringBuilder sb =
        new StringBuilder(
            "{\"Meta Data\": {\"2. Symbol\": \""
                + p.get("symbol")
                + "\"}, \"Time Series (Daily)\": {");
    for (int i = 0; i < data.size(); i++) {
      String[] r = data.get(i);
      sb.append(i == 0 ? "" : ",")
          .append('"')
          .append(r[header.indexOf("date")])
          .append("\": {")
          .append("\"1. open\": \"")
          .append(r[header.indexOf("open")])
          .append("\", ")
          .append("\"2. high\": \"")
          .append(r[header.indexOf("high")])
          .append("\", ")
          .append("\"3. low\": \"")
          .append(r[header.indexOf("low")])
          .append("\", ")
          .append("\"4. close\": \"")
          .append(r[header.indexOf("close")])
          .append("\", ")
          .append("\"5. volume\": \"")
          .append(r[header.indexOf("volume")])
          .append("\"}");
    }
    send(ex, "application/json", sb.append("}}").toString());
  }

  /** AlphaVantage's DIVIDENDS answer, newest first, from the sample's dividends file. */
  private void dividends(HttpExchange ex, String symbol) throws IOException {
    List<String[]> rows = sample(symbol + ".dividends.csv");
    List<String[]> data =
        rows.isEmpty() ? new ArrayList<>() : new ArrayList<>(rows.subList(1, rows.size()));
    Collections.reverse(data);
    StringBuilder sb = new StringBuilder("{\"symbol\": \"" + symbol + "\", \"data\": [");
    for (int i = 0; i < data.size(); i++) {
      String[] r = data.get(i); // date,amount,ex_date
      sb.append(i == 0 ? "" : ",")
          .append("{\"ex_dividend_date\": \"")
          .append(r[2])
          .append(
              "\", \"declaration_date\": \"None\", \"record_date\": \"None\", \"payment_date\": \"")
          .append(r[0])
          .append("\", \"amount\": \"")
          .append(r[1])
          .append("\"}");
    }
    send(ex, "application/json", sb.append("]}").toString());
  }

  private static final String[] XML = {
    "BC_1MONTH",
    "BC_2MONTH",
    "BC_3MONTH",
    "BC_6MONTH",
    "BC_1YEAR",
    "BC_2YEAR",
    "BC_3YEAR",
    "BC_5YEAR",
    "BC_7YEAR",
    "BC_10YEAR",
    "BC_20YEAR",
    "BC_30YEAR"
  };

  private void treasury(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestURI().getRawQuery());
    String year = params(ex.getRequestURI()).get("field_tdr_date_value");
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\""
                + " xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\""
                + " xmlns=\"http://www.w3.org/2005/Atom\">\n");
    List<String[]> rows = sample("yields.csv");
    List<String[]> data = new ArrayList<>(rows.subList(1, rows.size()));
    Collections.reverse(data); // oldest first
    for (String[] r : data) {
      String[] mdy = r[0].split("/");
      if (!mdy[2].equals(year)) {
        continue;
      }
      sb.append(
              "<entry><content type=\"application/xml\"><m:properties>\n"
                  + "<d:NEW_DATE m:type=\"Edm.DateTime\">")
          .append(mdy[2])
          .append('-')
          .append(mdy[0])
          .append('-')
          .append(mdy[1])
          .append("T00:00:00</d:NEW_DATE>\n");
      for (int i = 0; i < XML.length; i++) {
        sb.append("<d:")
            .append(XML[i])
            .append(" m:type=\"Edm.Double\">")
            .append(r[i + 1])
            .append("</d:")
            .append(XML[i])
            .append(">\n");
      }
      sb.append("</m:properties></content></entry>\n");
    }
    send(ex, "application/atom+xml", sb.append("</feed>\n").toString());
  }

  private void sleep() {
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void send(HttpExchange ex, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
