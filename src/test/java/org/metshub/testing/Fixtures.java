package org.metshub.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.ReviewSchedule;
import org.metshub.kb.Vocabularies;

/** Shared test values: a fixed clock and a reader for inline KB texts. */
public final class Fixtures {
  private Fixtures() {}

  /** 2026-11-22, the day these tests were written. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  public static Clock clock() {
    return clockAt(TODAY);
  }

  public static Clock clockAt(LocalDate day) {
    return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  public static ReviewSchedule schedule() {
    return new ReviewSchedule(clock(), Vocabularies.bundled().reviewFrequencies());
  }

  public static KbFile parse(String name, String text) {
    return new KbReader(Vocabularies.bundled()).parse(name, name.replaceAll("\\.md$", ""), text);
  }

  public static KbDocument document(String name, String text) {
    KbFile f = parse(name, text);
    if (f instanceof KbDocument d) {
      return d;
    }
    throw new AssertionError("expected a document, got " + f.problems());
  }

  /** A valid, owned, active document with the given extra front-matter lines and body. */
  public static String validDoc(String extraFrontMatter, String body) {
    return """
        ---
        id: test-doc
        title: When cancer spreads to the bone
        docType: article
        language: en
        audienceLevel: patient
        cancerTypes:
        - metastatic cancer
        source: MetsHub
        sourceType: 04_metshub_editorial
        license: owned
        status: active
        lastReviewed: '2026-11-01'
        reviewFrequency: annual
        version: v1
        """
        + extraFrontMatter
        + "---\n"
        + body;
  }
}
