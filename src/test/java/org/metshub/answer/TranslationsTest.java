package org.metshub.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbReader;
import org.metshub.kb.Vocabularies;
import org.metshub.search.TestIndex;

/** The same section across a page's translations: by place, both ways, and never by guess. */
class TranslationsTest {
  static KbDocument doc(String id, String language, String translations, String body) {
    String text =
        TestIndex.doc(id, id, translations, body).replace("language: en", "language: " + language);
    return (KbDocument) new KbReader(Vocabularies.bundled()).parse(id + ".md", id, text);
  }

  static final KbDocument LIVER =
      doc(
          "liver",
          "en",
          "translations:\n  es: higado",
          "## What it is\n\nText.\n\n## Symptoms\n\nTired.\n");
  static final KbDocument HIGADO =
      doc(
          "higado",
          "es",
          "translations:\n  en: liver",
          "## Qué es\n\nTexto.\n\n## Síntomas\n\nCansancio.\n");
  static final KbDocument BONE =
      doc(
          "bone",
          "en",
          "translations:\n  es: huesos",
          "## What it is\n\nText.\n\n## Symptoms\n\nPain.\n");
  static final KbDocument HUESOS =
      doc("huesos", "es", "translations:\n  en: bone", "## Qué es\n\nTexto.\n");
  static final KbDocument ALONE = doc("alone", "en", "", "## Symptoms\n\nText.\n");

  static final Documents DOCS =
      id ->
          Optional.ofNullable(
              Stream.of(LIVER, HIGADO, BONE, HUESOS, ALONE)
                  .collect(Collectors.toMap(KbDocument::id, Function.identity()))
                  .get(id));

  @Test
  void theSectionAtTheSamePlaceOfTheTranslationBothWays() {
    var es = Translations.sameSection(DOCS, "liver", "symptoms", "es").orElseThrow();
    assertThat(es.doc().id()).isEqualTo("higado");
    assertThat(es.section().title()).isEqualTo("Síntomas");
    var en = Translations.sameSection(DOCS, "higado", es.section().anchor(), "en").orElseThrow();
    assertThat(en.section().title()).isEqualTo("Symptoms");
    // In the page's own language, the page itself.
    assertThat(Translations.sameSection(DOCS, "liver", "symptoms", "en").orElseThrow().doc().id())
        .isEqualTo("liver");
    assertThat(Translations.inTranslations(DOCS, "liver", "symptoms"))
        .extracting(l -> l.doc().id() + "#" + l.section().title())
        .containsExactly("higado#Síntomas");
  }

  @Test
  void nothingIsGuessedWhenThePagesDifferOrAreMissing() {
    // The Spanish bone page has fewer sections: no place can be trusted.
    assertThat(Translations.sameSection(DOCS, "bone", "symptoms", "es")).isEmpty();
    assertThat(Translations.inTranslations(DOCS, "bone", "symptoms")).isEmpty();
    assertThat(Translations.sameSection(DOCS, "alone", "symptoms", "es")).isEmpty();
    assertThat(Translations.sameSection(DOCS, "liver", "no-such-heading", "es")).isEmpty();
    assertThat(Translations.sameSection(DOCS, "nobody", "symptoms", "es")).isEmpty();
    assertThat(Translations.inTranslations(DOCS, "nobody", "symptoms")).isEmpty();
  }
}
