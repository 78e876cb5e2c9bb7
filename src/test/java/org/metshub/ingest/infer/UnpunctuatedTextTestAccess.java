package org.metshub.ingest.infer;

/** Lets the import tests build the same one-line text as {@link UnpunctuatedTextTest}. */
public final class UnpunctuatedTextTestAccess {
  private UnpunctuatedTextTestAccess() {}

  public static String oneLine(int bytes) {
    return UnpunctuatedTextTest.oneLine(bytes);
  }
}
