package org.metshub.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the country a message says the user is in: a cue from the rules files ("I'm in", "estoy
 * en", "from") followed by a country name from the crisis-lines file ("the UK", "México"). Cues
 * come in levels, strongest first, so "I'm from Mexico but I live in the US" gives US. A name alone
 * is not enough ("New Mexico" is not Mexico). Immutable and thread-safe.
 */
final class CountryDetector {
  private record Candidate(String code, PhrasePattern pattern) {}

  private final List<List<Candidate>> levels = new ArrayList<>();

  CountryDetector(CrisisDirectory directory, List<List<String>> cueLevels, List<String> after) {
    for (List<String> cues : cueLevels) {
      List<Candidate> level = new ArrayList<>();
      for (CrisisDirectory.Country c : directory.countries()) {
        level.add(
            new Candidate(
                c.code(),
                PhrasePattern.compile(
                    "{cue} (the|el|la|los|las)? {country}",
                    Map.of("cue", cues, "country", c.names()))));
        // "Canada here", "desde México aquí" place the writer as firmly as "I live in".
        if (levels.isEmpty() && !after.isEmpty()) {
          level.add(
              new Candidate(
                  c.code(),
                  PhrasePattern.compile(
                      "{country} {after}", Map.of("after", after, "country", c.names()))));
        }
      }
      levels.add(level);
    }
  }

  /** The code of the country the message places its writer in, if it says so. */
  Optional<String> detect(NormalisedText text) {
    for (List<Candidate> level : levels) {
      String best = null;
      int bestStart = Integer.MAX_VALUE;
      for (Candidate c : level) {
        for (Span s : c.pattern().find(text)) {
          if (s.start() < bestStart) {
            bestStart = s.start();
            best = c.code();
          }
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }
}
