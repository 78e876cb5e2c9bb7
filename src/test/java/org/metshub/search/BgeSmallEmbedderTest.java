package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled model run through ONNX Runtime directly: unit vectors whose order follows meaning,
 * the same vector whatever the batching and threads, long texts in windows, clipping at a word
 * piece count, and the inputs it refuses.
 */
class BgeSmallEmbedderTest {
  private static BgeSmallEmbedder model;

  @BeforeAll
  static void load() {
    model = new BgeSmallEmbedder();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }

  @Test
  void vectorsAreUnitLengthAndCloserForRelatedTexts() {
    List<float[]> v =
        model.embedPassages(
            List.of(
                "Bone metastases often cause pain in the back, hips or ribs.",
                "Cancer that has spread to the bones can hurt.",
                "The library opens at nine on Saturdays."));
    assertThat(v)
        .hasSize(3)
        .allSatisfy(
            x -> {
              assertThat(x).hasSize(BgeSmallEmbedder.DIMENSION);
              assertThat(dot(x, x)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            });
    assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.1);
    float[] q = model.embedQuery("why do my bones hurt");
    assertThat(dot(q, v.get(0))).isGreaterThan(dot(q, v.get(2)));
  }

  @Test
  void oneTextGetsTheSameVectorAloneInABatchAndOnOtherThreads() {
    List<String> texts =
        List.of(
            "Fatigue is the most common side effect.",
            "Ask your care team which scans you need and why.",
            "Radiosurgery aims many small beams of radiation at a tumour in the brain.");
    List<float[]> alone = texts.stream().map(t -> model.embedPassages(List.of(t)).get(0)).toList();
    try (BgeSmallEmbedder one = new BgeSmallEmbedder(new BgeSmallEmbedder.Tuning(1, 1, 2));
        BgeSmallEmbedder batched = new BgeSmallEmbedder(new BgeSmallEmbedder.Tuning(8, 2, 1))) {
      List<float[]> a = one.embedPassages(texts);
      List<float[]> b = batched.embedPassages(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(dot(a.get(i), alone.get(i))).as("threads, text %d", i).isGreaterThan(0.9999);
        // padding shifts the int8 model's per-run activation scale a little, never the meaning
        assertThat(dot(b.get(i), alone.get(i))).as("batched, text %d", i).isGreaterThan(0.98);
      }
    }
  }

  @Test
  void aTextLongerThanTheWindowIsReadInWindowsThatStartAtAWord() {
    String sentence = "Metastatic cancer is cancer that has spread from where it started. ";
    String longText = sentence.repeat(60); // about 780 word pieces
    assertThat(model.tokens(longText)).isGreaterThan(2 * BgeSmallEmbedder.WINDOW / 2 + 2);
    float[] v = model.embedPassages(List.of(longText)).get(0);
    float[] s = model.embedPassages(List.of(sentence.repeat(30))).get(0);
    assertThat(dot(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(dot(v, s)).isGreaterThan(0.95);

    ai.djl.huggingface.tokenizers.Encoding e;
    try (var tok =
        ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(
            BgeSmallEmbedder.class.getResourceAsStream("/bge-small-en-v1.5-q-tokenizer.json"),
            java.util.Map.of("padding", "false", "truncation", "false"))) {
      e = tok.encode("chemoembolization ".repeat(200));
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    List<long[]> windows = model.windows(e.getIds(), e.getTokens());
    assertThat(windows).hasSizeGreaterThan(1);
    int pieces = 0;
    for (long[] w : windows) {
      assertThat(w.length).isLessThanOrEqualTo(BgeSmallEmbedder.WINDOW + 2);
      assertThat(w[0]).isEqualTo(e.getIds()[0]);
      assertThat(w[w.length - 1]).isEqualTo(e.getIds()[e.getIds().length - 1]);
      pieces += w.length - 2;
    }
    assertThat(pieces).isEqualTo(e.getIds().length - 2);
  }

  @Test
  void clipKeepsWholeWordsWithinTheCount() {
    String text = "Stereotactic radiosurgery treats small brain metastases in one session.";
    assertThat(model.clip(text, 0)).isEqualTo(text);
    assertThat(model.clip(text, 1000)).isEqualTo(text);
    String clipped = model.clip(text, 8);
    assertThat(model.tokens(clipped)).isLessThanOrEqualTo(8);
    assertThat(text).startsWith(clipped);
    assertThat(clipped).isNotBlank();
    // cut before a word, never inside one
    assertThat(text.charAt(clipped.length())).isEqualTo(' ');
  }

  @Test
  void emptyTextsAndBadTuningAreRefused() {
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class, () -> model.embedPassages(List.of("fine", "  ")));
    assertThat(blank.getMessage()).contains("empty text (item 1)");
    assertThat(model.embedPassages(List.of())).isEmpty();
    IllegalArgumentException tuning =
        assertThrows(IllegalArgumentException.class, () -> new BgeSmallEmbedder.Tuning(0, 1, 1));
    assertThat(tuning.getMessage()).contains("at least 1");
  }
}
