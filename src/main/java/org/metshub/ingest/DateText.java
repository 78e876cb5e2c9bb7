package org.metshub.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as news pages write them: {@code 2025-05-06}, {@code May 6, 2025}, {@code Sept. 26, 2024},
 * {@code 6 May 2025}, {@code 6 de mayo de 2025}. Only unambiguous forms: {@code 05/06/2025} is read
 * as nothing rather than guessed. Thread-safe.
 */
final class DateText {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12),
          Map.entry("enero", 1),
          Map.entry("febrero", 2),
          Map.entry("marzo", 3),
          Map.entry("abril", 4),
          Map.entry("mayo", 5),
          Map.entry("junio", 6),
          Map.entry("julio", 7),
          Map.entry("agosto", 8),
          Map.entry("septiembre", 9),
          Map.entry("setiembre", 9),
          Map.entry("octubre", 10),
          Map.entry("noviembre", 11),
          Map.entry("diciembre", 12));

  private static final String EN_MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
          + "|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final String ES_MONTH =
      "(enero|febrero|marzo|abril|mayo|junio|julio|agosto"
          + "|septiembre|setiembre|octubre|noviembre|diciembre)";

  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?i)\\b" + EN_MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + EN_MONTH + "\\.?,?\\s+(\\d{4})\\b");
  private static final Pattern SPANISH =
      Pattern.compile("(?iu)\\b(\\d{1,2})\\s+de\\s+" + ES_MONTH + "\\s+(?:de|del)\\s+(\\d{4})\\b");

  /** Labels a date line may carry: "Posted: May 6, 2025". */
  private static final Pattern LABEL =
      Pattern.compile(
          "(?iu)^(?:posted|published|updated|date|released|publicado|fecha|actualizado)"
              + "\\s*(?:on|:|-|el)?\\s*");

  private DateText() {}

  /** The first date written in {@code text}. */
  static Optional<LocalDate> find(String text) {
    return first(text).map(Found::date);
  }

  /** True when the line is a date and nothing else (a label and punctuation allowed). */
  static boolean isDateLine(String line) {
    String s = strip(line);
    s = LABEL.matcher(s).replaceFirst("");
    Optional<Found> f = first(s);
    if (f.isEmpty()) {
      return false;
    }
    String rest =
        (s.substring(0, f.get().start()) + s.substring(f.get().end()))
            .replaceAll("[\\s,.;:|()\\[\\]*_—–-]", "");
    return rest.isEmpty();
  }

  /** The line without list marker, heading marks and emphasis. */
  static String strip(String line) {
    return line.strip()
        .replaceFirst("^(?:[-*+]\\s+|#{1,6}\\s+|\\d+[.)]\\s+)", "")
        .replace("*", "")
        .replace("_", " ")
        .strip();
  }

  private record Found(LocalDate date, int start, int end) {}

  private static Optional<Found> first(String text) {
    Found best = null;
    for (Pattern p : new Pattern[] {ISO, MONTH_DAY_YEAR, DAY_MONTH_YEAR, SPANISH}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        Optional<LocalDate> d = toDate(p, m);
        if (d.isPresent()) {
          if (best == null || m.start() < best.start()) {
            best = new Found(d.get(), m.start(), m.end());
          }
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<LocalDate> toDate(Pattern p, Matcher m) {
    try {
      if (p == ISO) {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
      }
      String monthWord;
      String day;
      if (p == MONTH_DAY_YEAR) {
        monthWord = m.group(1);
        day = m.group(2);
      } else {
        day = m.group(1);
        monthWord = m.group(2);
      }
      String key = monthWord.toLowerCase(Locale.ROOT);
      Integer month = MONTHS.get(key.length() > 3 && p != SPANISH ? key.substring(0, 3) : key);
      if (month == null) {
        return Optional.empty();
      }
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(day)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
