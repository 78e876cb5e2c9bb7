package org.metshub.ingest;

import java.util.List;

/**
 * A value of the source's that the import corrected: which file and field, the value before and
 * after, and why. For {@code cancerTypes}, how many values were dropped, added, or moved to {@code
 * tags}. Immutable.
 */
record Correction(
    String path,
    String field,
    String from,
    String to,
    String reason,
    int dropped,
    int added,
    int moved) {

  static Correction audience(String path, String from, String to, String reason) {
    return new Correction(path, "audienceLevel", from, to, reason, 0, 0, 0);
  }

  static Correction cancerTypes(
      String path,
      List<String> from,
      List<String> to,
      String reason,
      int dropped,
      int added,
      int moved) {
    return new Correction(
        path,
        "cancerTypes",
        "[" + String.join(", ", from) + "]",
        "[" + String.join(", ", to) + "]",
        reason,
        dropped,
        added,
        moved);
  }

  /** One warning line: {@code path: field: from → to (reason)}. */
  String format() {
    return path + ": " + field + ": " + from + " → " + to + " (" + reason + ")";
  }
}
