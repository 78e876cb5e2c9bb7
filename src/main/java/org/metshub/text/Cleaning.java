package org.metshub.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes from section text what must never be quoted to a reader as if it were a sentence: figure
 * captions and image references ("Enlarge", "Drawing shows …", "Below are photos …"), reference
 * numbers ("[572,573]", "[12–14]"), and navigation lines ("See the Treatment section for more
 * information."). Applied when passages are built, so search snippets benefit too, and again when
 * an answer is cut from a section. Keeps paragraph breaks and list markers. Stateless and
 * thread-safe.
 */
public final class Cleaning {
  private static final Pattern REFERENCES =
      Pattern.compile("\\s?\\[\\d+(?:\\s*[,\\-\u2013]\\s*\\d+)*\\]");
  private static final Pattern CAPTION =
      Pattern.compile(
          "(?i)^(?:-\\s+)?(?:enlarge\\b.*|(?:drawing|picture|photo|image|illustration|figure|diagram)"
              + "s? (?:of|shows?|showing)\\b.*|below (?:are|is) (?:a )?(?:photos?|pictures?|images?|"
              + "drawings?)\\b.*|ampliar\\b.*|(?:dibujo|imagen|figura|foto) (?:de|que muestra)\\b.*)$");
  private static final Pattern NAVIGATION =
      Pattern.compile(
          "(?i)^(?:-\\s+)?(?:see the .{1,80} (?:section|summary|page)s?(?: of this summary)?"
              + "(?: for (?:more )?information.*)?\\.?|for more information,? see .{1,120}|"
              + "(?:vea|consulte) la secci[oó]n .{1,80})$");

  private Cleaning() {}

  /** The text with captions, navigation lines and reference numbers removed. */
  public static String clean(String text) {
    List<String> blocks = new ArrayList<>();
    for (String block : text.split("\n\n")) {
      List<String> lines = new ArrayList<>();
      for (String line : block.split("\n")) {
        String l = REFERENCES.matcher(line).replaceAll("");
        String bare = l.strip();
        if (CAPTION.matcher(bare).matches() || NAVIGATION.matcher(bare).matches()) {
          continue;
        }
        lines.add(l);
      }
      String b = String.join("\n", lines).strip();
      if (!b.isEmpty()) {
        blocks.add(b);
      }
    }
    return String.join("\n\n", blocks);
  }
}
