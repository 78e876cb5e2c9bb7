package org.metshub.ingest.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metshub.kb.Vocabularies;

/**
 * Issue 14, defect 5: on text with no sentence punctuation every mention's negation check walked
 * back to the start of the text, so inference took quadratic time (11 s for 216 KB on one line).
 * The reach is now bounded; the timeout is generous, a guard against a hang and not a measurement.
 */
class UnpunctuatedTextTest {
  /** About 1 MB on one line: no full stop, no line break, cancers named all along. */
  static String oneLine(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 200);
    String[] words = {
      "people",
      "with",
      "breast",
      "cancer",
      "and",
      "lung",
      "cancer",
      "often",
      "ask",
      "about",
      "bone",
      "metastases",
      "and",
      "what",
      "comes",
      "next",
      "for",
      "them"
    };
    for (int i = 0; sb.length() < bytes; i++) {
      sb.append(words[i % words.length]).append(' ');
    }
    return sb.toString();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMegabyteOnOneLineIsInferredInBoundedWork() {
    String body = oneLine(1_000_000);
    DocumentText text = Texts.of("Living with metastatic cancer", body);
    CancerTypeInference.Result r =
        new CancerTypeInference(Vocabularies.bundled().cancerTypes()).infer(text);
    assertThat(r.types()).contains("breast", "lung");
    assertThat(new SiteInference(Vocabularies.bundled().metastaticSites()).infer(text))
        .contains("bone");
  }

  @Test
  void aNotAboutPhraseReachesNoFurtherThanTheBoundedWindow() {
    // "does not cover" sets aside what follows in its sentence, but only within REACH tokens:
    // with no sentence end, the mention far away is not set aside (and was not looked for).
    String near = "this summary does not cover breast cancer";
    assertThat(Negation.negated(Tokens.of(near), 5)).isTrue();
    Tokens far =
        Tokens.of("this summary does not cover " + "word ".repeat(5_000) + "breast cancer");
    assertThat(Negation.negated(far, far.size() - 2)).isFalse();
    Tokens within =
        Tokens.of(
            "this summary does not cover " + "word ".repeat(Negation.REACH - 10) + "breast cancer");
    assertThat(Negation.REACH).isBetween(50, 200); // a long sentence, not a whole text
    assertThat(Negation.negated(within, within.size() - 2)).isTrue();
  }
}
