package org.metshub.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metshub.kb.KbFile;
import org.metshub.kb.Validator;
import org.metshub.kb.Vocabularies;
import org.metshub.testing.Fixtures;

/** Builds small indexes in a temporary folder from inline KB texts. */
public final class TestIndex {
  private TestIndex() {}

  public static String doc(String id, String title, String front, String body) {
    return """
        ---
        id: %s
        title: %s
        language: en
        audienceLevel: patient
        cancerTypes: [metastatic cancer]
        source: MetsHub
        sourceType: 04_metshub_editorial
        license: owned
        status: active
        lastReviewed: '2026-11-01'
        reviewFrequency: annual
        %s
        ---
        # %s

        %s
        """
        .formatted(id, title, front, title, body);
  }

  public static SearchIndex open(Path data, Embedder embedder) {
    return SearchIndex.open(
        data,
        Analyzers.bundled(),
        embedder,
        IndexOptions.DEFAULT,
        Fixtures.schedule(),
        Vocabularies.bundled());
  }

  public static IndexUpdate sync(SearchIndex index, String... texts) {
    List<KbFile> files = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      // Files are named after their id, so the same document keeps the same path across syncs.
      var m = java.util.regex.Pattern.compile("(?m)^id: (\\S+)$").matcher(texts[i]);
      files.add(Fixtures.parse((m.find() ? m.group(1) : "doc" + i) + ".md", texts[i]));
    }
    files = new Validator(Vocabularies.bundled(), Fixtures.schedule()).validate(files);
    return KbIndexer.index(index, files);
  }

  public static final String BONE =
      doc(
              "bone",
              "When cancer spreads to the bone",
              "metastaticSites: [bone]",
              """
      ## What it means

      Bone metastases happen when cancer cells travel to the bones. Breast cancer often spreads
      to the bone. Pain in the back or hips is a common first sign.

      ## Treatment

      Radiation therapy can ease bone pain. Drugs such as denosumab or zoledronic acid make
      bones stronger.
      """)
          .replace("cancerTypes: [metastatic cancer]", "cancerTypes: [metastatic cancer, breast]");

  public static final String LIVER =
      doc(
          "liver",
          "When cancer spreads to the liver",
          "metastaticSites: [liver]",
          """
      ## What it means

      Liver metastases are tumors in the liver that started somewhere else. Jaundice, a
      yellowing of the skin, can be a sign.
      """);

  public static final String DRAFT =
      doc(
              "draft-note",
              "Draft about the bone marrow",
              "metastaticSites: [bone]",
              "A draft text about bone marrow that the public must not see.")
          .replace("status: active", "status: draft");

  public static final String NEWS =
      doc(
              "news-sbrt",
              "Targeted radiation eases spine pain",
              "docType: news\ndatePublished: '2020-11-24'\nreviewFrequency: as_needed",
              "A trial found that SBRT relieved pain from metastases in the spine for more people.")
          .replace("reviewFrequency: annual\n", "");
}
