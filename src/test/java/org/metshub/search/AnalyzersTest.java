package org.metshub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.metshub.error.MetsHubException.BadInput;

class AnalyzersTest {
  private final Analyzers analyzers = Analyzers.bundled();

  static List<String> terms(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void englishStemsLightlyFoldsAndDropsStopWords() throws IOException {
    assertThat(terms(analyzers.textAnalyzer("en"), "The Metastases of the patient's Tumours"))
        .containsExactly("metastasis", "patient", "tumor");
  }

  @Test
  void medicalPluralsMeetTheirSingular() throws IOException {
    Analyzer en = analyzers.textAnalyzer("en");
    assertThat(terms(en, "metastases")).isEqualTo(terms(en, "metastasis"));
    assertThat(terms(en, "micrometastases")).isEqualTo(terms(en, "micrometastasis"));
    assertThat(terms(en, "diagnoses")).isEqualTo(terms(en, "diagnosis"));
    assertThat(terms(en, "metastasized")).isEqualTo(terms(en, "metastasize"));
  }

  @Test
  void spanishFoldsAccentsAndStems() throws IOException {
    List<String> t = terms(analyzers.textAnalyzer("es"), "Las metástasis óseas del cáncer");
    assertThat(t).doesNotContain("las", "del");
    assertThat(String.join(" ", t)).doesNotContain("á").doesNotContain("ó");
  }

  @Test
  void queryAnalyzerExpandsPatientVocabulary() throws IOException {
    assertThat(terms(analyzers.queryAnalyzer("en"), "mets")).contains("metastasis");
    assertThat(terms(analyzers.queryAnalyzer("en"), "chemo")).contains("chemotherapy");
    assertThat(terms(analyzers.queryAnalyzer("es"), "quimio"))
        .anyMatch(x -> x.startsWith("quimioterapi"));
    // A steroid medicine by name reaches the pages about steroids, in both languages.
    assertThat(terms(analyzers.queryAnalyzer("en"), "dexamethasone"))
        .anyMatch(x -> x.startsWith("steroid"))
        .anyMatch(x -> x.startsWith("corticosteroid"));
    assertThat(terms(analyzers.queryAnalyzer("es"), "prednisona"))
        .anyMatch(x -> x.startsWith("esteroid"))
        .anyMatch(x -> x.startsWith("corticoid"));
  }

  @Test
  void indexAnalyzerDoesNotExpand() throws IOException {
    assertThat(terms(analyzers.textAnalyzer("en"), "mets")).doesNotContain("metastasis");
  }

  @Test
  void bundledVocabularyHasAtLeast200Rules() {
    assertThat(
            Analyzers.ruleCount("/search/synonyms-en.txt")
                + Analyzers.ruleCount("/search/synonyms-es.txt"))
        .isGreaterThanOrEqualTo(200);
  }

  @Test
  void malformedSynonymFileIsAClearError() {
    var e = assertThrows(BadInput.class, () -> Analyzers.parseSynonyms("bad.txt", "a, b => \n"));
    assertThat(e.getMessage()).startsWith("synonym file bad.txt");
  }
}
