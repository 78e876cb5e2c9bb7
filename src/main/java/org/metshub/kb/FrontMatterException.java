package org.metshub.kb;

import org.metshub.error.MetsHubException.BadInput;

/** A KB file whose front matter cannot be read at all; carries the line, field, rule and value. */
public final class FrontMatterException extends BadInput {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String field;
  private final String rule;
  private final String value;

  public FrontMatterException(int line, String field, String rule, String value) {
    super(
        "line "
            + line
            + ": "
            + field
            + ": "
            + rule
            + (value.isEmpty() ? "" : ", got '" + value + "'"));
    this.line = Math.max(1, line);
    this.field = field;
    this.rule = rule;
    this.value = value;
  }

  /** This failure as a report problem for the given file. */
  public Problem toProblem(String path) {
    return Problem.error(path, line, field, rule, value);
  }

  public int line() {
    return line;
  }
}
