package org.metshub.search;

import java.util.List;

/**
 * Every Lucene field name MetsHub uses, with why it is indexed the way it is. One Lucene document
 * is one passage; document-level metadata is copied onto each of its passages so that filters,
 * facets and citations need no join.
 */
public final class Fields {
  private Fields() {}

  /** Passage id ({@code docId#n}): keyword, stored; the unit of results. */
  public static final String PASSAGE_ID = "passageId";

  /** KB document id: keyword (delete-by-term on re-index), stored for citations. */
  public static final String DOC_ID = "docId";

  /** Hash of the source file: stored, so incremental indexing can tell unchanged files. */
  public static final String DOC_HASH = "docHash";

  /** Position of the passage in its document: stored, to show passages in reading order. */
  public static final String ORDINAL = "ordinal";

  /**
   * Title, heading path and body are analysed per language (English or Spanish stemming and stop
   * words), so each has an {@code _en} and an {@code _es} variant; a passage fills only the variant
   * of its document's language. Title gets the highest boost at query time.
   */
  public static final String TITLE = "title";

  public static final String HEADING = "heading";
  public static final String BODY = "body";

  /**
   * The questions the passage's section answers, as the KB's curators wrote them (front matter
   * {@code questions}): analysed per language like the body, never stored or shown. Searched beside
   * title, heading and body, so that "how do they treat bone mets" finds the section whose curators
   * wrote that question, whatever words its text uses.
   */
  public static final String ASKS = "asks";

  /**
   * Title and body again, lower-cased but not stemmed, never stored: the dictionary of real words
   * for typo correction ("metastsis" → "metastasis"). Every page's words are in it, and again in
   * the dictionary of the page's language ({@code spell_en}, {@code spell_es}), where corrections
   * are looked for first: "apetite" in an English question is "appetite", not the Spanish
   * "apetito".
   */
  public static final String SPELL = "spell";

  /** The passage vector (bge-small-en-v1.5, 384 dims, cosine) in Lucene's HNSW graph. */
  public static final String VECTOR = "vector";

  /**
   * The section-lead vector: title, heading and the section's first two sentences. It says what a
   * passage is about; on MedQuAD it ranks the right answer first far more often than the
   * whole-passage vector (see README, "Performance").
   */
  public static final String LEAD_VECTOR = "leadVector";

  /**
   * The heading paths of the sections a passage is made of ({@link Passage#parts}), stored in
   * order, one value each, never searched; only for a passage of several sections (one of one
   * section is its own heading).
   */
  public static final String PARTS = "s_parts";

  /**
   * The vectors of those sections, as one binary value: for each section in order, the number of
   * its questions (an int), then, for a passage of several sections only, the vector of its lead
   * ({@link Passage#leadText(boolean, Passage.Part)}; a passage of one section has {@link
   * #LEAD_VECTOR}), then the vectors of its questions ({@link #ASKS}, or its heading when that is a
   * question), float32s one after the other. Never searched: read for a retrieved page's sections,
   * so the answer path can weigh each section in meaning, a short one joined to its neighbour
   * included, and tell how close a reader's question comes to one a curator wrote for it.
   */
  public static final String PART_VECTORS = "s_partVectors";

  /** Stored copies of what snippets and citations show. */
  public static final String STORED_TITLE = "s_title";

  public static final String STORED_HEADING = "s_heading";
  public static final String STORED_TEXT = "s_text";
  public static final String URL = "url";
  public static final String SOURCE = "source";
  public static final String LAST_REVIEWED = "lastReviewed";
  public static final String REVIEW_FREQUENCY = "reviewFrequency";
  public static final String LICENSE = "license";
  public static final String STATUS = "status";

  /** Last-reviewed date as days since the epoch: a point field for date-range filters. */
  public static final String LAST_REVIEWED_DAYS = "lastReviewedDays";

  /**
   * Next review date (last review plus the review cycle) as days since the epoch: a point field for
   * the review-state filter (a range query) and doc values for the review-state facet (range
   * counts) and the review prior. Absent when the document has no review date. The state itself is
   * never indexed: it depends on the day of the search, not of the sync.
   */
  public static final String NEXT_REVIEW_DUE = "nextReviewDue";

  /**
   * The source tier's number, the two digits its id starts with ({@code 04_metshub_editorial} is
   * 4): doc values only, read for the tier prior of every candidate. Absent when the id does not
   * start with two digits (the prior for an unknown tier applies).
   */
  public static final String TIER_NUMBER = "tierNumber";

  /**
   * 1 when the audience level is one for clinicians or researchers (its vocabulary flag {@code
   * professional}), else 0: doc values only, read for the audience prior.
   */
  public static final String PROFESSIONAL = "professional";

  /** Publication date (news) as days since the epoch, for sorting and ranges. */
  public static final String PUBLISHED_DAYS = "publishedDays";

  /**
   * Facet dimensions. Each is indexed twice: as a keyword field (exact filters, including filters
   * with no query text for browsing) and as sorted-set doc values (counts).
   */
  public static final String CANCER_TYPE = "cancerType";

  public static final String SITE = "site";
  public static final String AUDIENCE = "audience";
  public static final String LANGUAGE = "language";
  public static final String SOURCE_TIER = "sourceTier";
  public static final String DOC_TYPE = "docType";

  /**
   * A facet dimension not indexed as such: filters and counts on it are worked out from {@link
   * #NEXT_REVIEW_DUE} and the day of the search (see {@code ReviewStates}).
   */
  public static final String REVIEW_STATE = "reviewState";

  public static final String LICENSE_CLASS = "licenseClass";

  /** The facet dimensions in display order. */
  public static final List<String> FACETS =
      List.of(
          CANCER_TYPE,
          SITE,
          AUDIENCE,
          LANGUAGE,
          SOURCE_TIER,
          DOC_TYPE,
          REVIEW_STATE,
          LICENSE_CLASS);

  /** The language-specific variant of an analysed field: {@code body_en}, {@code title_es}. */
  public static String localized(String field, String language) {
    return field + "_" + ("es".equals(language) ? "es" : "en");
  }
}
