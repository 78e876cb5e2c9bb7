package org.metshub.curation;

import java.util.List;

/** A suggested resource and where it stands: pending, approving, approved or rejected. */
public record Submission(
    long id, String reference, String name, String url, String description,
    List<String> cancerTypes, List<String> countries, String contact, String status,
    String createdAt, String decidedBy, String decidedAt, String reason, String publishStatus,
    String docId, String docPath) {

  public Submission {
    cancerTypes = List.copyOf(cancerTypes);
    countries = List.copyOf(countries);
  }

  public boolean pending() {
    return status.equals("pending");
  }
}
