package org.metshub.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A gap log in memory, for tests; groups questions by their normalised text. */
public final class MemoryGapLog implements GapLog {
  private final Map<String, Gap> gaps = new ConcurrentHashMap<>();

  @Override
  public void record(String scrubbedQuestion, String language, String reason) {
    String key = language + "|" + GapLog.normalise(scrubbedQuestion);
    gaps.merge(
        key,
        new Gap(scrubbedQuestion, language, 1),
        (a, b) -> new Gap(a.question(), a.language(), a.count() + 1));
  }

  @Override
  public List<Gap> gaps(int limit) {
    List<Gap> out = new ArrayList<>(gaps.values());
    out.sort(Comparator.comparingInt(Gap::count).reversed().thenComparing(Gap::question));
    return out.subList(0, Math.min(limit, out.size()));
  }
}
