package io.scrilla.services.http;

import io.scrilla.api.spi.RequestBudget;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One GET request for {@link HttpFetcher}: the URI (which may hold a key and is therefore never
 * shown), a description used in log lines and messages instead, the content types accepted, and the
 * redactor for any text derived from the exchange, and the {@link RequestBudget} each attempt is
 * taken from (unlimited unless set); immutable.
 *
 * <pre>{@code
 * FetchRequest r =
 *     FetchRequest.of(uri, "AlphaVantage TIME_SERIES_DAILY SPY (compact)", redactor, "json");
 * }</pre>
 */
public final class FetchRequest {
  private final URI uri;
  private final String description;
  private final Redactor redactor;
  private final List<String> accepted;
  private final RequestBudget budget;

  private FetchRequest(
      URI uri, String description, Redactor redactor, List<String> accepted, RequestBudget budget) {
    this.uri = uri;
    this.description = description;
    this.redactor = redactor;
    this.accepted = accepted;
    this.budget = budget;
  }

  /**
   * Creates a request.
   *
   * @param uri the full URI, possibly holding a secret; never logged
   * @param description what is fetched, e.g. {@code "Treasury yield curves 2021"}; must hold no
   *     secret
   * @param redactor hides the secrets the URI holds from any derived text
   * @param acceptedTypes fragments of acceptable {@code Content-Type} values, e.g. {@code "json"};
   *     an answer without a {@code Content-Type} is accepted
   * @return the request
   */
  public static FetchRequest of(
      URI uri, String description, Redactor redactor, String... acceptedTypes) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(redactor, "redactor");
    return new FetchRequest(
        uri,
        redactor.redact(description),
        redactor,
        List.of(acceptedTypes).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(),
        RequestBudget.unlimited());
  }

  /**
   * Returns this request taking each of its attempts from a budget: {@link HttpFetcher} sends an
   * attempt only once the budget allows it, and waits for the budget otherwise.
   *
   * @param budget the budget of the service account the request is sent with
   * @return the request with the budget
   */
  public FetchRequest withBudget(RequestBudget budget) {
    return new FetchRequest(
        uri, description, redactor, accepted, Objects.requireNonNull(budget, "budget"));
  }

  /**
   * Returns the budget each attempt is taken from ({@link RequestBudget#unlimited()} unless set).
   */
  public RequestBudget budget() {
    return budget;
  }

  /** Returns the URI to send; never log it. */
  public URI uri() {
    return uri;
  }

  /** Returns the description used in logs and messages. */
  public String description() {
    return description;
  }

  /** Returns the redactor for text derived from this exchange. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Returns why a content type is not acceptable, or empty when it is.
   *
   * @param contentType the header's value, if present
   * @return the reason, or empty
   */
  public Optional<String> rejectContentType(Optional<String> contentType) {
    if (contentType.isEmpty() || accepted.isEmpty()) {
      return Optional.empty();
    }
    String ct = contentType.get().toLowerCase(Locale.ROOT);
    for (String a : accepted) {
      if (ct.contains(a)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "Content-Type '"
            + redactor.redact(contentType.get())
            + "' where "
            + String.join(" or ", accepted)
            + " was expected");
  }

  /** Returns the description; never the URI. */
  @Override
  public String toString() {
    return "FetchRequest[" + description + "]";
  }
}
