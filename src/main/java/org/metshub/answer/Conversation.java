package org.metshub.answer;

import java.time.Instant;
import java.util.List;

/**
 * What MetsHub remembers of a conversation between turns, and nothing more: the cancer types,
 * metastatic sites and topic words of the last question (never the question text itself), its
 * language and when it was last used. Immutable.
 */
public record Conversation(
    String id, List<String> cancerTypes, List<String> sites, String topic, String language,
    Instant lastUsed) {
  public Conversation {
    cancerTypes = List.copyOf(cancerTypes);
    sites = List.copyOf(sites);
  }
}
