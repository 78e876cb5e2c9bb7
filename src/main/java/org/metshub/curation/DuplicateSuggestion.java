package org.metshub.curation;

import java.util.Optional;
import org.metshub.error.MetsHubException.Conflict;

/**
 * A suggested resource that the KB lists already, or that someone has suggested and is waiting for
 * review: a {@link Conflict} that also says which, so a page can thank the reader in their language
 * and name the page that lists it.
 */
public final class DuplicateSuggestion extends Conflict {
  private static final long serialVersionUID = 1L;

  /** The title of the KB page that lists the resource; "" when it waits in the queue. */
  private final String listedAs;

  private DuplicateSuggestion(String message, String listedAs) {
    super(message);
    this.listedAs = listedAs;
  }

  static DuplicateSuggestion listed(String title) {
    return new DuplicateSuggestion(
        "Thank you, but we already list this resource: \"" + title + "\".", title);
  }

  static DuplicateSuggestion queued() {
    return new DuplicateSuggestion(
        "Thank you, but someone has already suggested this resource "
            + "and it is waiting for review.",
        "");
  }

  /** The title of the KB page that lists the resource; empty when it waits in the queue. */
  public Optional<String> listedAs() {
    return listedAs.isEmpty() ? Optional.empty() : Optional.of(listedAs);
  }
}
