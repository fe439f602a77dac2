package io.scrilla.api.error;

/**
 * A configuration value (environment variable, system property or builder setting) is missing or
 * invalid; the message names the variable, the value seen and the values allowed.
 */
public class ConfigurationException extends ScrillaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   */
  public ConfigurationException(String message) {
    super(ErrorCode.CONFIGURATION, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public ConfigurationException(String message, Throwable cause) {
    super(ErrorCode.CONFIGURATION, message, cause);
  }
}
