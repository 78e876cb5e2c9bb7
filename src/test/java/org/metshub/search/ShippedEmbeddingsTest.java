package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.kb.KbReader;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/**
 * The embeddings shipped in the bundled KB ({@code kb/embeddings.bin.gz}) hold exactly the vectors
 * a full index of {@code kb/} needs under the bundled model, so a fresh clone embeds nothing. When
 * a KB file changes without a refresh, this fails the build; the fix is {@code ./metshub embeddings
 * refresh}, then commit the file. Only keys are compared: nothing is embedded (the model's
 * tokenizer cuts passage texts as an index build does).
 */
class ShippedEmbeddingsTest {
  @Test
  void theBundledKbsShippedEmbeddingsAreCurrent() {
    Path kb = Path.of("kb");
    Vocabularies vocab = Vocabularies.bundled();
    var docs =
        KbIndexer.documents(
            new Validator(vocab, Fixtures.schedule())
                .validate(new KbReader(vocab).readAll(List.of(kb))));
    EmbeddingSeed.Staleness s =
        EmbeddingSeed.check(
            EmbeddingSeed.of(kb), docs, IndexOptions.DEFAULT, new BgeSmallEmbedder());
    assertThat(s.current())
        .as("%s is %s; run './metshub embeddings refresh' and commit it", EmbeddingSeed.of(kb), s)
        .isTrue();
  }
}
