package org.metshub.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metshub.kb.KbDocument;
import org.metshub.kb.Section;

/**
 * The same section across a page's translations. A translation keeps its page's structure, so the
 * n-th titled section of a page is the n-th of its translation; pages whose numbers of titled
 * sections differ are not matched. Stateless.
 */
final class Translations {
  /** A section of a page. */
  record Located(KbDocument doc, Section section) {}

  private Translations() {}

  /**
   * The section at the place of {@code anchor} in the translation of page {@code docId} into {@code
   * language}, or in the page itself when it is in that language.
   */
  static Optional<Located> sameSection(
      Documents docs, String docId, String anchor, String language) {
    Optional<KbDocument> own = docs.get(docId);
    if (own.isEmpty()) {
      return Optional.empty();
    }
    int at = place(own.get(), anchor);
    Optional<KbDocument> target =
        language.equals(own.get().frontMatter().language())
            ? own
            : own.get()
                .frontMatter()
                .extra("translations")
                .map(node -> node.path(language).asText(""))
                .filter(id -> !id.isEmpty())
                .flatMap(docs::get);
    return at < 0 ? Optional.empty() : target.flatMap(t -> at(t, at, own.get()));
  }

  /** The section at the place of {@code anchor} in every translation of page {@code docId}. */
  static List<Located> inTranslations(Documents docs, String docId, String anchor) {
    List<Located> out = new ArrayList<>();
    docs.get(docId)
        .ifPresent(
            d -> {
              int at = place(d, anchor);
              d.frontMatter()
                  .extra("translations")
                  .ifPresent(
                      node ->
                          node.properties()
                              .forEach(
                                  e ->
                                      docs.get(e.getValue().asText())
                                          .flatMap(t -> at < 0 ? Optional.empty() : at(t, at, d))
                                          .ifPresent(out::add)));
            });
    return out;
  }

  private static int place(KbDocument d, String anchor) {
    List<Section> own = titled(d);
    int at = -1;
    for (int i = 0; i < own.size(); i++) {
      if (own.get(i).anchor().equals(anchor)) {
        at = i;
      }
    }
    return at;
  }

  private static Optional<Located> at(KbDocument target, int at, KbDocument source) {
    List<Section> theirs = titled(target);
    return theirs.size() != titled(source).size()
        ? Optional.empty()
        : Optional.of(new Located(target, theirs.get(at)));
  }

  private static List<Section> titled(KbDocument d) {
    return d.sections().stream().filter(s -> !s.title().isEmpty()).toList();
  }
}
