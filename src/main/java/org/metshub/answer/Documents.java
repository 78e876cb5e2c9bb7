package org.metshub.answer;

import java.util.Optional;
import org.metshub.kb.KbDocument;

/**
 * The KB documents answers are cut from, by id. The KB folder is the source of truth on every node
 * (the index is derived from it), so the answer path reads sections from the document rather than
 * from the search engine's stored passages, which may join short sections.
 */
@FunctionalInterface
public interface Documents {
  Optional<KbDocument> get(String id);

  /** No documents: answers are cut from the retrieved passages themselves. */
  Documents NONE = id -> Optional.empty();
}
