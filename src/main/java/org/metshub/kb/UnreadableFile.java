package org.metshub.kb;

import java.util.List;

/** A file in a KB folder that has no usable front matter (or cannot be decoded at all). */
record UnreadableFile(String path, Problem problem) implements KbFile {
  @Override
  public List<Problem> problems() {
    return List.of(problem);
  }
}
