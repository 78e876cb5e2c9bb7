package org.metshub.curation;

/**
 * A curation request that cannot be done as asked, with a message for the person who asked:
 * {@link Kind#INVALID} for bad input, {@link Kind#NOT_FOUND}, {@link Kind#CONFLICT} when
 * someone else changed the thing first, {@link Kind#UNAVAILABLE} when the server cannot do it
 * now for a reason an administrator must fix (a KB folder it may not write).
 */
public final class CurationException extends RuntimeException {
  /** What went wrong, so the web layer can pick the status. */
  public enum Kind { INVALID, NOT_FOUND, CONFLICT, UNAVAILABLE }

  private final Kind kind;
  private final String code;
  private final String arg;

  public CurationException(Kind kind, String message) {
    this(kind, message, "", "");
  }

  /** With a code and argument, for pages that say it in the reader's language. */
  public CurationException(Kind kind, String message, String code, String arg) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.arg = arg;
  }

  public Kind kind() {
    return kind;
  }

  /** A short code for the interface strings ("" when there is none). */
  public String code() {
    return code;
  }

  public String arg() {
    return arg;
  }

  static CurationException invalid(String m) {
    return new CurationException(Kind.INVALID, m);
  }

  static CurationException notFound(String m) {
    return new CurationException(Kind.NOT_FOUND, m);
  }

  static CurationException conflict(String m) {
    return new CurationException(Kind.CONFLICT, m);
  }

  static CurationException unavailable(String m) {
    return new CurationException(Kind.UNAVAILABLE, m);
  }
}
