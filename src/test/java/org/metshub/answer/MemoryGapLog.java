package org.metshub.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A gap log in memory, for tests; groups questions by their normalised text. */
public final class MemoryGapLog implements GapLog {
  private final Map<String, Gap> gaps = new ConcurrentHashMap<>();

  private final Map<String, Offered> offered = new ConcurrentHashMap<>();

  /** What the reader of an abstained question was offered, as last recorded. */
  public record Offered(boolean followUp, List<String> sections) {}

  @Override
  public void record(
      String scrubbedQuestion,
      String language,
      Reason reason,
      boolean followUp,
      List<String> sections) {
    String key = language + "|" + GapLog.normalise(scrubbedQuestion);
    offered.put(key, new Offered(followUp, List.copyOf(sections)));
    gaps.merge(
        key,
        new Gap(scrubbedQuestion, language, 1),
        (a, b) -> new Gap(a.question(), a.language(), a.count() + 1));
  }

  /** What was recorded last for this question, if it was. */
  public java.util.Optional<Offered> offered(String question, String language) {
    return java.util.Optional.ofNullable(offered.get(language + "|" + GapLog.normalise(question)));
  }

  @Override
  public List<Gap> gaps(int limit) {
    List<Gap> out = new ArrayList<>(gaps.values());
    out.sort(Comparator.comparingInt(Gap::count).reversed().thenComparing(Gap::question));
    return out.subList(0, Math.min(limit, out.size()));
  }
}
