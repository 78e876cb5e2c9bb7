package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.metshub.testing.Fixtures;

class GlossaryTest {
  static final Glossary GLOSSARY =
      Glossary.of(
          Fixtures.document(
              "glossary.md",
              Fixtures.validDoc(
                  "",
                  """
          # Glossary

          ## Biomarker

          A thing that can be measured.

          ## PET scan

          A scan.

          ## Circulating tumour cell

          A cell in the blood.

          ## SBRT or SABR

          Precise radiation.

          ## Sources

          - NCI.
          """)));

  static String linked(String html, String title) {
    Element body = Jsoup.parseBodyFragment(html).body();
    GLOSSARY.link(body, title);
    return body.html();
  }

  @Test
  void aHeadingGivesEachOfItsForms() {
    assertThat(Glossary.forms("SBRT or SABR")).containsExactly("SBRT", "SABR");
    assertThat(Glossary.forms("Tomografía computarizada (TAC)"))
        .containsExactly("Tomografía computarizada", "TAC");
    assertThat(Glossary.forms("Circulating tumour cell"))
        .containsExactly("Circulating tumour cell", "Circulating tumor cell");
    assertThat(Glossary.forms("SBRT o SABR")).containsExactly("SBRT", "SABR");
  }

  @Test
  void onlyTheFirstOccurrenceIsLinkedAndPluralsCount() {
    String html = linked("<p>Biomarkers help. A biomarker again.</p><p>Biomarker.</p>", "Tests");
    assertThat(html)
        .containsOnlyOnce("glossary-term")
        .contains(
            "<a href=\"/docs/test-doc#biomarker\" class=\"glossary-term\">Biomarkers</a>"
                + " help. A biomarker again.");
  }

  @Test
  void abbreviationsMatchTheirCaseOnly() {
    assertThat(linked("<p>My pet scan of the cat.</p>", "x")).doesNotContain("glossary-term");
    assertThat(linked("<p>A PET scan showed it.</p>", "x"))
        .contains("<a href=\"/docs/test-doc#pet-scan\" class=\"glossary-term\">PET scan</a>");
    assertThat(linked("<p>Ask about SABR, also called SBRT.</p>", "x"))
        .containsOnlyOnce("glossary-term")
        .contains("#sbrt-or-sabr\" class=\"glossary-term\">SABR");
    assertThat(linked("<p>One circulating tumor cell.</p>", "x"))
        .contains("class=\"glossary-term\">circulating tumor cell</a>");
  }

  @Test
  void headingsLinksTheTitleAndSourcesAreLeftAlone() {
    assertThat(linked("<h2>Biomarker tests</h2><p><a href=\"/x\">biomarker</a> here.</p>", "x"))
        .doesNotContain("glossary-term");
    assertThat(linked("<p>A biomarker.</p>", "Biomarker testing")).doesNotContain("glossary-term");
    assertThat(linked("<h2>Sources</h2><ul><li>Biomarker paper.</li></ul>", "x"))
        .doesNotContain("glossary-term");
    // Part of a longer word is not the term.
    assertThat(linked("<p>Non-biomarker and biomarkerless.</p>", "x"))
        .doesNotContain("glossary-term");
  }
}
