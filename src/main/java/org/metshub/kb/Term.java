package org.metshub.kb;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a controlled vocabulary: its canonical id, display labels, the synonyms that
 * normalise to it, the words that show a text is about it, and free attributes (such as {@code
 * quotable} for licences or {@code months} for review frequencies).
 */
public record Term(
    String id,
    String label,
    String labelEs,
    List<String> synonyms,
    List<String> terms,
    Map<String, String> attributes) {

  public Term {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a vocabulary term needs an id");
    }
    label = label == null || label.isBlank() ? id : label;
    labelEs = labelEs == null || labelEs.isBlank() ? label : labelEs;
    synonyms = List.copyOf(synonyms);
    terms = List.copyOf(terms);
    attributes = Map.copyOf(attributes);
  }

  /** The label in the given language ({@code es} or anything else for English). */
  public String label(String language) {
    return "es".equals(language) ? labelEs : label;
  }

  /** The attribute's value, if the vocabulary file gives one. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** True when the attribute is the word {@code true}. */
  public boolean flag(String name) {
    return "true".equals(attributes.get(name));
  }

  /** The URL form of the id: {@code head and neck} becomes {@code head-and-neck}. */
  public String slug() {
    return id.replace(' ', '-').replace('_', '-');
  }
}
