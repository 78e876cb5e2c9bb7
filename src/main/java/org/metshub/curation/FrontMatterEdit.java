package org.metshub.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;

/**
 * Edits single-line top-level fields of a KB file's front matter in place, leaving every other line
 * as it was, so that a review sign-off shows in git as the two or three lines it changed.
 */
final class FrontMatterEdit {
  private FrontMatterEdit() {}

  /**
   * {@code text} with {@code field} set to the YAML scalar {@code value} (already quoted as
   * needed): the field's line is replaced when it has one (a field whose value continues on further
   * lines has them removed), else the line is added before the closing {@code ---}.
   */
  static String set(String text, String field, String value) {
    Lines doc = Lines.of(text);
    List<String> lines = doc.lines();
    int end = closing(lines);
    Pattern key = Pattern.compile("^" + Pattern.quote(field) + "\\s*:.*$");
    for (int i = 1; i < end; i++) {
      Matcher m = key.matcher(lines.get(i));
      if (m.matches()) {
        lines.set(i, field + ": " + value);
        // Drop the value's continuation lines: indented lines and list items, and blank
        // lines inside a block (a blank line followed by more of it).
        while (i + 1 < end && continues(lines, i + 1, end)) {
          lines.remove(i + 1);
          end--;
        }
        return doc.joined();
      }
    }
    lines.add(end, field + ": " + value);
    return doc.joined();
  }

  /**
   * {@code text} with {@code question} added to the questions the section under {@code heading}
   * answers (the front-matter field of {@code SectionQuestions}): after the heading's last question
   * when the field names the heading, else as a new key at the end of the field, else in a new
   * field before the closing {@code ---}. Only lines are added; every other line stays as it was.
   * The field must be written the usual way (block style, each heading a key indented by two
   * spaces, each question a list item under it); another style is refused rather than rewritten.
   */
  static String addQuestion(String text, String heading, String question) {
    Lines doc = Lines.of(text);
    List<String> lines = doc.lines();
    int end = closing(lines);
    String item = "  - " + single(question);
    String key = "  " + single(heading) + ":";
    int field = -1;
    for (int i = 1; i < end; i++) {
      if (lines.get(i).matches("^questions\\s*:.*$")) {
        field = i;
        break;
      }
    }
    if (field < 0) {
      lines.add(end, item);
      lines.add(end, key);
      lines.add(end, "questions:");
      return doc.joined();
    }
    if (!lines.get(field).strip().equals("questions:")) {
      throw new BadInput("the questions field is not written as a block; edit the file by hand");
    }
    int last = field; // the field's last line
    int under = -1; // the line of the heading's key
    for (int i = field + 1; i < end && continues(lines, i, end); i++) {
      last = i;
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("  - ") || l.startsWith("    ")) {
        continue; // a question, or a blank line inside the field
      }
      if (!l.startsWith("  ") || l.startsWith("   ") || !l.endsWith(":")) {
        throw new BadInput(
            "the questions field is not written as usual (line "
                + (i + 1)
                + "); edit the file by hand");
      }
      if (under < 0 && heading.equals(unquote(l.substring(2, l.length() - 1)))) {
        under = i;
      }
    }
    if (under < 0) {
      lines.add(last + 1, item);
      lines.add(last + 1, key);
      return doc.joined();
    }
    int at = under + 1;
    while (at <= last && (lines.get(at).startsWith("  - ") || lines.get(at).startsWith("    "))) {
      at++;
    }
    lines.add(at, item);
    return doc.joined();
  }

  /**
   * A file's lines, editable, with what joining them back needs: its byte-order mark and its line
   * ending, both kept as they were.
   */
  private record Lines(String bom, String nl, List<String> lines) {
    static Lines of(String text) {
      String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
      String body = text.substring(bom.length());
      return new Lines(
          bom,
          body.contains("\r\n") ? "\r\n" : "\n",
          new ArrayList<>(List.of(body.split("\r?\n", -1))));
    }

    String joined() {
      return bom + String.join(nl, lines);
    }
  }

  /** The index of the line that closes the front matter. */
  private static int closing(List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      throw new BadInput("the file has no front matter");
    }
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.equals("---") || l.equals("...")) { // YAML allows either to close the block
        return i;
      }
    }
    throw new BadInput("the front matter is not closed with ---");
  }

  /** A YAML single-quoted scalar (a quote inside is doubled). */
  static String single(String s) {
    if (s.chars().anyMatch(ch -> ch < 0x20)) {
      throw new BadInput("a question or heading cannot hold control characters or line breaks");
    }
    return "'" + s.replace("'", "''") + "'";
  }

  /** A key as written: a single- or double-quoted scalar, or a plain one. */
  private static String unquote(String k) {
    String s = k.strip();
    if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }

  private static boolean continues(List<String> lines, int i, int end) {
    String l = lines.get(i);
    if (l.startsWith(" ") || l.startsWith("\t") || l.startsWith("- ")) {
      return true;
    }
    if (l.isBlank()) {
      int j = i;
      while (j < end && lines.get(j).isBlank()) {
        j++;
      }
      return j < end && (lines.get(j).startsWith(" ") || lines.get(j).startsWith("\t"));
    }
    return false;
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\x%02x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** The next version: the last number in it plus one ({@code v1} → {@code v2}). */
  static String bump(@Nullable String version) {
    if (version == null || version.isBlank()) {
      return "v2";
    }
    Matcher m = Pattern.compile("(\\d+)(?!.*\\d)").matcher(version);
    if (!m.find()) {
      return version + ".1";
    }
    long n = Long.parseLong(m.group(1)) + 1;
    return version.substring(0, m.start()) + n + version.substring(m.end());
  }
}
