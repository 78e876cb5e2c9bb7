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
    String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    String body = text.substring(bom.length());
    String nl = body.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(body.split("\r?\n", -1)));
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      throw new BadInput("the file has no front matter");
    }
    int end = -1;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.equals("---") || l.equals("...")) { // YAML allows either to close the block
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new BadInput("the front matter is not closed with ---");
    }
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
        return bom + String.join(nl, lines);
      }
    }
    lines.add(end, field + ": " + value);
    return bom + String.join(nl, lines);
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
