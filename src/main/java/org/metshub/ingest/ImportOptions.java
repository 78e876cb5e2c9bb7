package org.metshub.ingest;

import java.util.Objects;

/**
 * What the import command states for every item, beside what the sources say.
 *
 * @param status the status written ({@code draft} unless the command says otherwise); candidate
 *     directory entries are always drafts
 * @param dryRun report what would be written, and write nothing
 * @param baseUrl the URL the sources were saved from, for pages that do not say (may be empty)
 * @param source the publisher, for sources that do not say (may be empty)
 * @param sourceType the source's trust tier id, for sources that do not say (may be empty)
 * @param license the licence id, for sources that do not say (may be empty: then {@code link_only},
 *     the safe choice, is inferred)
 * @param followLinks follow symbolic links whose target lies outside the folder they are named in
 *     or found in (by default they are skipped, each with its reason)
 */
public record ImportOptions(
    String status,
    boolean dryRun,
    String baseUrl,
    String source,
    String sourceType,
    String license,
    boolean followLinks) {

  /** Links do not leave the folders named. */
  public ImportOptions(
      String status,
      boolean dryRun,
      String baseUrl,
      String source,
      String sourceType,
      String license) {
    this(status, dryRun, baseUrl, source, sourceType, license, /* followLinks= */ false);
  }

  public ImportOptions {
    Objects.requireNonNull(status, "status");
    baseUrl = baseUrl == null ? "" : baseUrl.strip();
    source = source == null ? "" : source.strip();
    sourceType = sourceType == null ? "" : sourceType.strip();
    license = license == null ? "" : license.strip();
  }

  /** Drafts, written for real, nothing stated. */
  public static ImportOptions defaults() {
    return new ImportOptions("draft", false, "", "", "", "");
  }

  public ImportOptions withDryRun(boolean dry) {
    return new ImportOptions(status, dry, baseUrl, source, sourceType, license, followLinks);
  }

  public ImportOptions withStatus(String newStatus) {
    return new ImportOptions(newStatus, dryRun, baseUrl, source, sourceType, license, followLinks);
  }

  public ImportOptions withFollowLinks(boolean follow) {
    return new ImportOptions(status, dryRun, baseUrl, source, sourceType, license, follow);
  }
}
