package org.metshub.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metshub.testing.Fixtures;

class CoverageTest {
  static KbDocument doc(String id, String language, String extra) {
    return Fixtures.document(
        id + ".md",
        Fixtures.validDoc(extra, "# T\n\nText about cancer.\n")
            .replace("id: test-doc", "id: " + id)
            .replace("language: en", "language: " + language));
  }

  @Test
  void countsPagesPerLanguageShowsZerosAndListsPagesWithoutATranslation() {
    String md =
        Coverage.markdown(
            List.of(
                doc("bone-en", "en", "translations:\n  es: hueso-es\n"),
                doc("hueso-es", "es", "translations:\n  en: bone-en\n"),
                doc("alone-en", "en", "")));
    assertThat(md)
        .contains(
            "| kind | en | es |",
            "| article | 2 | 1 |",
            "## Reader pages without a translation",
            "- alone-en (en)")
        .doesNotContain("- bone-en (en)", "- hueso-es (es)");
  }

  @Test
  void namesTheOrganisationsWithoutASpanishSummary() {
    String md =
        Coverage.markdown(
            List.of(
                organisation("with", "summaryEs: \"Una línea de ayuda.\"\n"),
                organisation("without", "")));
    assertThat(md)
        .contains(
            "Organisations with a Spanish summary (`summaryEs`): 1 of 2;" + " without: without.");
  }

  private static KbDocument organisation(String id, String extra) {
    return Fixtures.document(
        id + ".md",
        Fixtures.validDoc("countries: [US]\n" + extra, "# T\n\nHelp about cancer.\n")
            .replace("id: test-doc", "id: " + id)
            .replace("docType: article", "docType: organization"));
  }

  @Test
  void anEmptyKbSaysSo() {
    assertThat(Coverage.markdown(List.of())).contains("from 0 active documents", "None.");
  }
}
