package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metshub.testing.Fixtures.document;

import org.junit.jupiter.api.Test;

class FrontMatterWriterTest {
  private final FrontMatterWriter writer = new FrontMatterWriter();

  @Test
  void roundTripKeepsEveryFieldAndUnknownFieldsUnchanged() {
    String original =
        """
        ---
        id: bone-mets
        title: "Bone: what it means"
        cancerTypes: [metastatic cancer]
        lastReviewed: '2026-11-01'
        customScore: 42
        nested:
          a: [1, 2]
          b: "text: with colon"
        license: owned
        ---
        # Bone

        Metastatic cancer.
        """;
    KbDocument d = document("bone-mets.md", original);
    String written = writer.write(d.frontMatter(), d.body());
    KbDocument again = document("bone-mets.md", written);
    assertThat(again.frontMatter()).isEqualTo(d.frontMatter());
    assertThat(again.body()).isEqualTo(d.body());
    assertThat(again.frontMatter().extra().get("nested").toString())
        .isEqualTo("{\"a\":[1,2],\"b\":\"text: with colon\"}");
    assertThat(written).contains("customScore: 42");
  }

  @Test
  void writesKnownFieldsInCanonicalOrderAndSkipsEmptyOnes() {
    KbDocument d = document("x.md", "---\nstatus: active\ntitle: T\n---\nx\n");
    String written = writer.write(d.frontMatter(), d.body());
    assertThat(written).startsWith("---\nid: x\ntitle: T\ndocType: article\n");
    assertThat(written).doesNotContain("url:");
  }
}
