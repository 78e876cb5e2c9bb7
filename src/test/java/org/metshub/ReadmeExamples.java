package org.metshub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's checked examples: console blocks marked with a comment such as
 *
 * <pre>{@code
 * <!-- example: search-bone-mets; mask: timing; keep: 1-10 | all -->
 * ```console
 * $ ./metshub search "bone mets pain" --limit 3
 * 69 results (hybrid, en, 306.9 ms)
 * …
 * ```
 * }</pre>
 *
 * <p>Each {@code $ ./metshub ...} line is a command (a trailing {@code # comment} is not part of
 * it); the lines under it, up to the next command or the end of the block, are the output the
 * README quotes. A line that is only {@code …} (or {@code ...}) stands for lines left out. The
 * check: every other quoted line appears, in order, among the lines the command really prints to
 * standard output (lines in between may be left out). Options after the id:
 *
 * <ul>
 *   <li>{@code mask: NAME, ...}: run-dependent text replaced on both sides before comparing; the
 *       names are those of {@link Mask}.
 *   <li>{@code keep: RANGES | RANGES ...}: for the regenerating tool only, which lines of each
 *       command's output the README shows (one entry per command, in order; {@code 1-5}, {@code -3}
 *       for the last three, {@code none}, {@code all}, comma-separated; missing entries mean all).
 *       Left-out stretches are written as one {@code …} line.
 * </ul>
 *
 * <p>In a block of several commands, the value of {@code --conversation} is replaced by the
 * conversation id the previous command printed, so follow-ups can be shown. Stateless; the parsed
 * values are immutable.
 */
final class ReadmeExamples {
  private ReadmeExamples() {}

  static final Pattern MARKER = Pattern.compile("^<!-- example: (.+?) -->\\s*$");
  static final String ELISION = "…";
  static final Pattern CONVERSATION = Pattern.compile("\\(conversation ([A-Za-z0-9_-]+)\\)");

  /** Run-dependent text, masked explicitly per example. */
  enum Mask {
    /** Durations: "306.9 ms", "1.5 s". */
    TIMING(Pattern.compile("\\b\\d+(?:\\.\\d+)? ?(?:ms|s)\\b"), "<time>"),
    /** Conversation ids are random (128 bits): "(conversation EzYgYSPDKNDXhM5ZgiF3YQ)". */
    CONVERSATION(ReadmeExamples.CONVERSATION, "(conversation <id>)");

    final Pattern pattern;
    final String replacement;

    Mask(Pattern pattern, String replacement) {
      this.pattern = pattern;
      this.replacement = replacement;
    }

    static Mask named(String name, String where) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where
                + ": unknown mask '"
                + name.trim()
                + "'; known: "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT));
      }
    }
  }

  /** One {@code $} line of a block and the output lines quoted under it. */
  record Command(String text, List<String> args, List<String> quoted, String keep) {
    Command {
      args = List.copyOf(args);
      quoted = List.copyOf(quoted);
    }
  }

  /** A marked block: its id, the README lines it spans (1-based, marker to closing fence). */
  record Example(String id, int markerLine, int endLine, List<Command> commands, List<Mask> masks) {
    Example {
      commands = List.copyOf(commands);
      masks = List.copyOf(masks);
    }

    String where() {
      return "README.md:" + markerLine + " (example '" + id + "')";
    }
  }

  static List<Example> read(Path readme) throws java.io.IOException {
    return parse(Files.readAllLines(readme));
  }

  /** Every marked example, in README order; a malformed marker or block is an error. */
  static List<Example> parse(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      String where = "README.md:" + (i + 1);
      String[] parts = m.group(1).split(";");
      String id = parts[0].trim();
      List<Mask> masks = new ArrayList<>();
      String[] keeps = new String[0];
      for (int p = 1; p < parts.length; p++) {
        String part = parts[p].trim();
        int colon = part.indexOf(':');
        String key = colon < 0 ? part : part.substring(0, colon).trim();
        String value = colon < 0 ? "" : part.substring(colon + 1).trim();
        switch (key) {
          case "mask" -> {
            for (String name : value.split(",")) {
              masks.add(Mask.named(name, where));
            }
          }
          case "keep" -> keeps = value.split("\\|");
          default ->
              throw new IllegalArgumentException(
                  where
                      + ": unknown option '"
                      + key
                      + "' in the example marker (known: mask, keep)");
        }
      }
      if (i + 1 >= lines.size() || !lines.get(i + 1).equals("```console")) {
        throw new IllegalArgumentException(
            where + ": an example marker must be followed by a" + " ```console block");
      }
      int j = i + 2;
      List<Command> commands = new ArrayList<>();
      String text = null;
      List<String> quoted = new ArrayList<>();
      for (; j < lines.size() && !lines.get(j).equals("```"); j++) {
        String line = lines.get(j);
        if (line.startsWith("$ ")) {
          if (text != null) {
            commands.add(command(text, quoted, keepAt(keeps, commands.size()), where));
          }
          text = line.substring(2);
          quoted = new ArrayList<>();
        } else if (text == null) {
          throw new IllegalArgumentException(
              "README.md:"
                  + (j + 1)
                  + ": output before the"
                  + " first '$ ' command of example '"
                  + id
                  + "'");
        } else {
          quoted.add(line);
        }
      }
      if (j >= lines.size() || text == null) {
        throw new IllegalArgumentException(
            where + ": example '" + id + "' has no command or" + " no closing ```");
      }
      commands.add(command(text, quoted, keepAt(keeps, commands.size()), where));
      out.add(new Example(id, i + 1, j + 1, commands, masks));
      i = j;
    }
    return List.copyOf(out);
  }

  private static String keepAt(String[] keeps, int index) {
    return index < keeps.length ? keeps[index].trim() : "all";
  }

  private static Command command(String text, List<String> quoted, String keep, String where) {
    List<String> words = words(text);
    if (words.isEmpty() || !words.get(0).equals("./metshub")) {
      throw new IllegalArgumentException(
          where + ": a checked command must start with" + " './metshub', got '" + text + "'");
    }
    keptLines(List.of(), keep, where); // validates the ranges early
    return new Command(text, words.subList(1, words.size()), quoted, keep);
  }

  /** The words of a command line as a POSIX shell splits them, up to an unquoted comment. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          out.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in '" + line + "'");
    }
    if (word != null) {
      out.add(word.toString());
    }
    return out;
  }

  static String masked(String line, List<Mask> masks) {
    String s = line.stripTrailing();
    for (Mask m : masks) {
      s = m.pattern.matcher(s).replaceAll(Matcher.quoteReplacement(m.replacement));
    }
    return s;
  }

  static boolean isElision(String line) {
    String t = line.strip();
    return t.equals(ELISION) || t.equals("...");
  }

  /**
   * Why {@code output} does not bear out the lines the README quotes for {@code command}, as a
   * listing of the quote (each line marked found or not) and of the real output; empty when every
   * quoted line appears in order.
   */
  static Optional<String> mismatch(Example example, Command command, String output) {
    List<String> actual = output.lines().map(l -> masked(l, example.masks())).toList();
    List<String> report = new ArrayList<>();
    int at = 0;
    boolean lost = false;
    for (String q : command.quoted()) {
      if (isElision(q)) {
        report.add("    " + q);
        continue;
      }
      String want = masked(q, example.masks());
      int found = -1;
      for (int k = at; k < actual.size(); k++) {
        if (actual.get(k).equals(want)) {
          found = k;
          break;
        }
      }
      if (found < 0) {
        lost = true;
        report.add("  ! " + q);
      } else {
        report.add("    " + q);
        at = found + 1;
      }
    }
    if (!lost) {
      return Optional.empty();
    }
    return Optional.of(
        example.where()
            + ": `$ "
            + command.text()
            + "` no longer prints the"
            + " lines marked '!' (in this order; masks "
            + example.masks()
            + ")\n"
            + "--- README quotes\n"
            + String.join("\n", report)
            + "\n"
            + "--- the command printed\n"
            + output.stripTrailing()
            + "\n---\n"
            + "Regenerate with bench/readme-examples.sh and review the diff.");
  }

  /** The lines of {@code output} the README shows, per the {@code keep} ranges. */
  static List<String> keptLines(List<String> output, String keep, String where) {
    int n = output.size();
    boolean[] kept = new boolean[n];
    for (String range : keep.split(",")) {
      String r = range.strip();
      try {
        if (r.equals("all")) {
          Arrays.fill(kept, true);
        } else if (r.equals("none")) {
          // nothing
        } else if (r.startsWith("-")) {
          int last = Integer.parseInt(r.substring(1));
          for (int k = Math.max(0, n - last); k < n; k++) {
            kept[k] = true;
          }
        } else {
          int dash = r.indexOf('-');
          int from = Integer.parseInt(dash < 0 ? r : r.substring(0, dash));
          int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1));
          for (int k = from - 1; k < Math.min(to, n); k++) {
            kept[k] = true;
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where
                + ": keep must be ranges such as '1-5, -3',"
                + " 'all' or 'none', got '"
                + keep
                + "'");
      }
    }
    List<String> out = new ArrayList<>();
    boolean gap = false;
    for (int k = 0; k < n; k++) {
      if (kept[k]) {
        if (gap) {
          out.add(ELISION);
          gap = false;
        }
        out.add(output.get(k).stripTrailing());
      } else {
        gap = true;
      }
    }
    if (gap) {
      out.add(ELISION);
    }
    return out;
  }

  /** The conversation id the output names last, if any. */
  static Optional<String> conversationOf(String output) {
    Matcher m = CONVERSATION.matcher(output);
    String id = null;
    while (m.find()) {
      id = m.group(1);
    }
    return Optional.ofNullable(id);
  }
}
