package org.metshub.search;

import java.util.Locale;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.text.Clip;

/** How results are ranked: BM25 only, vectors only, or both fused. */
public enum SearchMode {
  LEXICAL,
  SEMANTIC,
  HYBRID;

  /** Parses {@code lexical|semantic|hybrid}, any case. */
  public static SearchMode parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInput(
          "mode must be lexical, semantic or hybrid, got '" + Clip.of(s, 80) + "'", e);
    }
  }
}
