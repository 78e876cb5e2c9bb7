package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.testing.Fixtures;
import org.metshub.text.Sentences;

class PassagesTest {
  private static String sentences(int n, String word) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("This is sentence ")
          .append(i)
          .append(" about ")
          .append(word)
          .append(" and metastatic spread in plain words. ");
    }
    return sb.toString();
  }

  @Test
  void captionsReferenceNumbersAndNavigationLinesAreNotPassageText() {
    String body =
        "# T\n\n## Treatment\n\nEnlarge\n\nDrawing shows the liver.\n\n"
            + "Surgery can remove a few tumours [12,13]. Radiation is another choice.\n\n"
            + "See the Treatment Option Overview section for more information.\n\n"
            + "## Figure\n\nEnlarge\n";
    var d = Fixtures.document("d.md", Fixtures.validDoc("", body));
    List<Passage> ps = Passages.of(d, "h");
    String all = String.join(" ", ps.stream().map(Passage::text).toList());
    assertThat(all)
        .contains("Surgery can remove a few tumours. Radiation is another choice.")
        .doesNotContain("Enlarge", "Drawing shows", "[12,13]", "See the Treatment");
  }

  @Test
  void longSectionsAreSplitBetweenSentencesIntoEvenParts() {
    String body = "## Long\n\n" + sentences(80, "bone") + "\n";
    var d = Fixtures.document("d.md", Fixtures.validDoc("", body));
    List<Passage> ps = Passages.of(d, "h");
    assertThat(ps).hasSizeGreaterThan(1);
    for (Passage p : ps) {
      int words = Sentences.wordCount(p.text());
      assertThat(words).isBetween(100, Passages.MAX_WORDS);
      assertThat(p.text()).endsWith(".");
      assertThat(p.headingPath()).containsExactly("Long");
    }
    assertThat(ps)
        .extracting(Passage::id)
        .containsExactly(ps.stream().map(p -> "test-doc#" + p.ordinal()).toArray(String[]::new));
  }

  @Test
  void shortSectionsMergeWithTheNextUnderTheSameTopHeading() {
    String body = "## Signs\n\nPain in the bones.\n\n## Treatment\n\nRadiation helps.\n";
    var d = Fixtures.document("d.md", Fixtures.validDoc("", body));
    assertThat(Passages.of(d, "h")).hasSize(2); // different top headings stay apart
    String nested = "## Bone\n\n### Signs\n\nPain.\n\n### Care\n\nRadiation helps.\n";
    var n = Fixtures.document("n.md", Fixtures.validDoc("", nested));
    List<Passage> ps = Passages.of(n, "h");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.text()).contains("Pain.").contains("Care").contains("Radiation helps.");
              assertThat(p.headingPath()).containsExactly("Bone", "Signs");
            });
  }

  @Test
  void sourceListsAndTheRepeatedTitleHeadingAreLeftOut() {
    String body =
        "# When cancer spreads to the bone\n\nIntro about metastatic cancer.\n\n"
            + "## Sources\n\n- NCI. https://www.cancer.gov\n";
    var d = Fixtures.document("d.md", Fixtures.validDoc("", body));
    List<Passage> ps = Passages.of(d, "h");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.headingPath()).isEmpty();
              assertThat(p.text()).doesNotContain("cancer.gov");
            });
  }

  @Test
  void aSingleOverlongSentenceStaysWhole() {
    String longSentence = "word ".repeat(400).strip() + ".";
    assertThat(Passages.split(longSentence + " Short one."))
        .hasSize(2)
        .first()
        .isEqualTo(longSentence);
  }

  @Test
  void embeddingTextCarriesTitleAndHeadingWhenAsked() {
    var d = Fixtures.document("d.md", Fixtures.validDoc("", "## Signs\n\nPain in the bones.\n"));
    Passage p = Passages.of(d, "h").get(0);
    assertThat(p.embeddingText(true)).startsWith("When cancer spreads to the bone. Signs. Pain");
    assertThat(p.embeddingText(false)).startsWith("Signs. Pain");
  }

  @Test
  void passagesCarryTheQuestionsOfTheirSectionAndAMergedPassageThoseOfBoth() {
    String body =
        "# T\n\n## Short\n\nA short part about bones.\n\n## Also short\n\nAnother part.\n\n"
            + "## Long\n\n"
            + sentences(40, "liver")
            + "\n\n## Sources\n\n- A source.\n";
    String questions =
        """
        questions:
          'Short': ['what is it']
          'Also short': ['and then what']
          'Long': ['how long does it last', 'liver mets']
        """;
    List<Passage> ps =
        Passages.of(Fixtures.document("d.md", Fixtures.validDoc(questions, body)), "h");
    assertThat(ps.get(0).text()).contains("A short part", "Another part");
    assertThat(ps.get(0).asks()).containsExactly("what is it", "and then what");
    assertThat(ps.subList(1, ps.size()))
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.text()).contains("liver");
              assertThat(p.asks()).containsExactly("how long does it last", "liver mets");
              // The lead vector reads them, between the heading and the section's first words.
              assertThat(p.leadText(true))
                  .startsWith(
                      "When cancer spreads to the bone. T › Long. how long does it last? "
                          + "liver mets? This is sentence 0 about liver");
            });
    // A section without questions leads with its heading and its own words only.
    Passage plain =
        Passages.of(
                Fixtures.document(
                    "e.md", Fixtures.validDoc("", "## Plain\n\n" + sentences(3, "bone") + "\n")),
                "h")
            .getFirst();
    assertThat(plain.leadText(false)).isEqualTo("Plain. " + plain.lead());
    assertThat(plain.lead()).startsWith("This is sentence 0 about bone");
  }

  @Test
  void aMergedPassageKeepsEachSectionsOwnHeadingLeadAndQuestionsAsItsParts() {
    String body =
        "# T\n\n## Short\n\nA short part about bones. It is brief.\n\n"
            + "## Also short?\n\nAnother part about the nerves. It says more.\n\n"
            + "## Long\n\n"
            + sentences(40, "liver")
            + "\n";
    String questions =
        """
        questions:
          'Short': ['what is it']
          'Long': ['how long does it last']
        """;
    List<Passage> ps =
        Passages.of(Fixtures.document("d.md", Fixtures.validDoc(questions, body)), "h");
    Passage merged = ps.getFirst();
    assertThat(merged.parts())
        .extracting(Passage.Part::heading)
        .containsExactly("T › Short", "T › Also short?");
    Passage.Part first = merged.parts().get(0);
    Passage.Part second = merged.parts().get(1);
    assertThat(first.lead()).isEqualTo("A short part about bones. It is brief.");
    assertThat(first.questions()).containsExactly("what is it");
    // Its own lead and questions, not the first section's: a heading that asks is a question.
    assertThat(second.lead()).isEqualTo("Another part about the nerves. It says more.");
    assertThat(second.questions()).containsExactly("Also short?");
    assertThat(merged.leadText(false, second))
        .isEqualTo("T › Also short?. Another part about the nerves. It says more.");
    // A passage of one section has that section as its one part, and the same lead text.
    assertThat(ps.subList(1, ps.size()))
        .allSatisfy(
            p -> {
              assertThat(p.parts())
                  .singleElement()
                  .extracting(Passage.Part::heading)
                  .isEqualTo("T › Long");
              assertThat(p.leadText(true, p.parts().getFirst())).isEqualTo(p.leadText(true));
            });
  }

  @Test
  void aSectionsQuestionsAreItsCuratedOnesAndItsHeadingWhenThatIsAQuestion() {
    String body =
        "# T\n\n## What is it?\n\n"
            + sentences(40, "bone")
            + "\n\n## Signs\n\n"
            + sentences(40, "sign")
            + "\n\n## Why?\n\n"
            + sentences(40, "reason")
            + "\n\n## Sources\n\n- A source.\n";
    String questions =
        """
        questions:
          'What is it?': ['what are bone mets']
          'Signs': ['how do I know']
          'Why?': ['Why?']
        """;
    List<Passage> ps =
        Passages.of(Fixtures.document("d.md", Fixtures.validDoc(questions, body)), "h");
    Passage what = ps.stream().filter(p -> p.heading().endsWith("What is it?")).findFirst().get();
    Passage signs = ps.stream().filter(p -> p.heading().endsWith("Signs")).findFirst().get();
    Passage why = ps.stream().filter(p -> p.heading().endsWith("Why?")).findFirst().get();
    assertThat(what.questions()).containsExactly("what are bone mets", "What is it?");
    assertThat(signs.questions()).containsExactly("how do I know");
    // A heading its curators already wrote as a question counts once.
    assertThat(why.questions()).containsExactly("Why?");
  }
}
