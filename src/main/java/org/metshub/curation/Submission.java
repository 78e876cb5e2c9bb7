package org.metshub.curation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A suggested resource and where it stands: pending, approving, approved or rejected. */
public record Submission(
    long id,
    String reference,
    String name,
    String url,
    String description,
    List<String> cancerTypes,
    List<String> countries,
    @Nullable String contact,
    String status,
    String createdAt,
    @Nullable String decidedBy,
    @Nullable String decidedAt,
    @Nullable String reason,
    @Nullable String publishStatus,
    @Nullable String docId,
    @Nullable String docPath) {

  public Submission {
    cancerTypes = List.copyOf(cancerTypes);
    countries = List.copyOf(countries);
  }

  public boolean pending() {
    return status.equals("pending");
  }
}
