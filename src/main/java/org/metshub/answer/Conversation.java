package org.metshub.answer;

import java.time.Instant;
import java.util.List;

/**
 * What MetsHub remembers of a conversation between turns, and nothing more: the cancer types,
 * metastatic sites and topic words of the last question (never the question text itself), its
 * language, the KB section it was answered from ({@code docId#anchor}, empty when none) and when it
 * was last used. Immutable.
 */
public record Conversation(
    String id,
    List<String> cancerTypes,
    List<String> sites,
    String topic,
    String language,
    Instant lastUsed,
    String section) {
  public Conversation {
    cancerTypes = List.copyOf(cancerTypes);
    sites = List.copyOf(sites);
    section = section == null ? "" : section;
  }

  /** A turn that was not answered from a section. */
  public Conversation(
      String id,
      List<String> cancerTypes,
      List<String> sites,
      String topic,
      String language,
      Instant lastUsed) {
    this(id, cancerTypes, sites, topic, language, lastUsed, "");
  }
}
