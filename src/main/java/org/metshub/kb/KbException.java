package org.metshub.kb;

/**
 * The one unchecked domain exception of MetsHub: something failed for a named input (a file, a
 * vocabulary, a document id). The message names the input, the rule and the bad value; the cause
 * is kept.
 */
public class KbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KbException(String message) {
    super(message);
  }

  public KbException(String message, Throwable cause) {
    super(message, cause);
  }
}
