package org.metshub.text;

import java.text.Normalizer;
import java.util.Locale;

/** Folds a word for comparing across accents and case. Stateless. */
public final class Accents {
  private Accents() {}

  /** Lower case, accents removed ("Pulmón" → "pulmon", "niño" → "nino"). */
  public static String fold(String word) {
    return Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }
}
