package org.metshub.kb;

import java.util.List;

/** One file read from a KB folder: either a parsed document or a file that could not be read. */
public sealed interface KbFile permits KbDocument, UnreadableFile {
  /** The file as named in reports. */
  String path();

  /** Every problem found in the file so far. */
  List<Problem> problems();

  /** True when any problem is an error. */
  default boolean hasErrors() {
    return problems().stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }
}
