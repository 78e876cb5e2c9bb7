package org.metshub.kb;

import java.util.Objects;
import org.metshub.text.Clip;

/**
 * One fault found in a KB file: where (path and 1-based line), how bad, which field, which rule and
 * the offending value. Immutable.
 *
 * @param path the file as given to the reader
 * @param line 1-based line of the field in the file (1 when the fault concerns the whole file)
 * @param severity error or warning
 * @param field front-matter field name, or {@code file}/{@code body} for whole-file faults
 * @param rule what the value should be, e.g. "must be a date (YYYY-MM-DD)"
 * @param value the offending value as written, possibly empty
 */
public record Problem(
    String path, int line, Severity severity, String field, String rule, String value) {

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    value = value == null ? "" : value;
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
  }

  public static Problem error(String path, int line, String field, String rule, String value) {
    return new Problem(path, line, Severity.ERROR, field, rule, value);
  }

  public static Problem warning(String path, int line, String field, String rule, String value) {
    return new Problem(path, line, Severity.WARNING, field, rule, value);
  }

  /**
   * The rule with the value: {@code must be a date (YYYY-MM-DD), got '2025-13-01'}; just the rule
   * when there is no value (a missing field).
   */
  public String message() {
    return value.isEmpty() ? rule : rule + ", got '" + abbreviate(value) + "'";
  }

  /** One report line: {@code path:line: error: field: rule, got 'value'}. */
  public String format() {
    return path + ":" + line + ": " + severity.label() + ": " + field + ": " + message();
  }

  private static String abbreviate(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return Clip.of(oneLine, 119);
  }
}
