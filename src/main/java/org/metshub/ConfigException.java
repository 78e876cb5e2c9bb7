package org.metshub;

/**
 * A setting has a value it cannot take, or a {@code -Dmetshub.*} property names no setting. The
 * message names where the value came from, the rule and the value; the CLI reports it as a usage
 * error (exit 64).
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  /** The message, which the constructor takes, never null. */
  @Override
  public String getMessage() {
    return java.util.Objects.requireNonNull(super.getMessage());
  }
}
