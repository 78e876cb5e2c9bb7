package org.metshub.kb;

/**
 * The controlled vocabularies a KB is checked against, read once from the bundled data files under
 * {@code src/main/resources/vocab}. Immutable.
 */
public record Vocabularies(
    Vocabulary cancerTypes,
    Vocabulary metastaticSites,
    Vocabulary audienceLevels,
    Vocabulary licenses,
    Vocabulary reviewFrequencies,
    Vocabulary statuses,
    Vocabulary docTypes,
    Vocabulary sourceTypes,
    Vocabulary services) {

  private static final class Holder {
    static final Vocabularies BUNDLED =
        new Vocabularies(
            Vocabulary.bundled("cancer-types"),
            Vocabulary.bundled("metastatic-sites"),
            Vocabulary.bundled("audience-levels"),
            Vocabulary.bundled("licenses"),
            Vocabulary.bundled("review-frequencies"),
            Vocabulary.bundled("statuses"),
            Vocabulary.bundled("doc-types"),
            Vocabulary.bundled("source-types"),
            Vocabulary.bundled("services"));
  }

  /** The vocabularies shipped with MetsHub (loaded once, shared). */
  public static Vocabularies bundled() {
    return Holder.BUNDLED;
  }

  /** True when the licence id allows quoting text verbatim in answers. */
  public boolean quotable(String licenseId) {
    return licenses.byId(licenseId).map(t -> t.flag("quotable")).orElse(false);
  }
}
