package io.scrilla.commands;

import picocli.CommandLine.Option;

/**
 * {@code --crypto}: bare tickers are crypto, for the commands whose result differs between the two
 * types (how weekends and annualization are treated); {@code T:crypto} names one ticker's type.
 */
public final class CryptoOptions {
  @Option(
      names = {"--crypto", "-crypto"},
      description = "treat bare tickers as crypto (T:crypto names one ticker's type)")
  boolean crypto;

  /** Returns whether bare tickers are crypto. */
  public boolean crypto() {
    return crypto;
  }
}
