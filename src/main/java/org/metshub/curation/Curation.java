package org.metshub.curation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.error.MetsHubException.Unavailable;
import org.metshub.kb.AtomicFiles;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.Problem;
import org.metshub.kb.Severity;
import org.metshub.kb.Slugs;
import org.metshub.store.Columns;
import org.metshub.store.Database;
import org.metshub.store.Times;
import org.metshub.text.QuestionScrubber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curator's changes to the KB: approving a suggestion (a new file), rejecting one, marking a
 * document reviewed and teaching a section a content gap's question (edited files), with version
 * history and the audit log.
 *
 * <p>A change touches two stores, the KB folder and the database, which cannot share a transaction.
 * So each change is journalled: (1) a row in {@code changes} with the new content and its hash is
 * committed first (for an approval, in the same transaction that moves the submission from {@code
 * pending} to {@code approving}, which only one curator can win); (2) the file is written
 * atomically; (3) one transaction records the outcome (submission approved, version kept, audit
 * entry) and deletes the journal row. {@link #recover} runs on start: a journal row whose file
 * already has the new hash is finished; one whose file is unchanged is undone. A crash at any point
 * therefore leaves either the whole change or none of it.
 */
public final class Curation {
  private static final Logger LOG = LoggerFactory.getLogger(Curation.class);
  public static final int REASON_MIN = 5;
  public static final int REASON_MAX = 500;

  private final Database db;
  private final Clock clock;
  private final KbLive kb;
  private final AuditLog audit;

  /** Runs between the file write and the final commit; tests use it to simulate a crash. */
  private volatile Runnable afterFileWrite = () -> {};

  public Curation(Database db, Clock clock, KbLive kb, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.kb = kb;
    this.audit = audit;
  }

  /** For crash tests: what to do after a file is written and before the commit. */
  public void afterFileWrite(Runnable hook) {
    this.afterFileWrite = hook;
  }

  /** The result of an approval: the new document's id and path (relative to the KB). */
  public record Approved(String docId, String path, String status) {}

  /**
   * Approves a pending suggestion: writes {@code directory/ID.md} as a {@code draft} or {@code
   * active} organisation document, records it, and refreshes the index. A suggestion that is no
   * longer pending (another curator was first) is a conflict.
   */
  public Approved approve(long submissionId, String publishStatus, User curator) {
    if (!"draft".equals(publishStatus) && !"active".equals(publishStatus)) {
      throw new BadInput(
          "publish as draft or active, not '" + Columns.clip(publishStatus, 20) + "'");
    }
    Submission s =
        db.tx(c -> Submissions.get(c, submissionId))
            .orElseThrow(() -> new NotFound("there is no suggestion " + submissionId));
    requirePending(s);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String id = freeId(slug(s.name()));
    String rel = "directory/" + id + ".md";
    String text = OrganizationDoc.write(s, id, publishStatus, today, curator.username());
    check(rel, text);
    String hash = AtomicFiles.hash(text);
    Path file = kb.root().resolve(rel);
    db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE submissions SET status = "
                      + "'approving' WHERE id = ? AND status = 'pending'")) {
            ps.setLong(1, submissionId);
            if (ps.executeUpdate() != 1) {
              throw alreadyDecided(c, submissionId);
            }
          }
          journal(
              c,
              new Change(
                  "approve",
                  rel,
                  id,
                  null,
                  hash,
                  text,
                  curator.username(),
                  submissionId,
                  null,
                  null,
                  null));
          return null;
        });
    writeAndFinish("approval", rel, file, null, text, "a KB file " + rel + " already exists");
    return new Approved(id, rel, publishStatus);
  }

  /** Rejects a pending suggestion with a reason the curators will see. */
  public void reject(long submissionId, String reason, User curator) {
    String r = Suggestion.paragraph(reason);
    if (r.length() < REASON_MIN || r.length() > REASON_MAX) {
      throw new BadInput(
          "please give a reason of " + REASON_MIN + " to " + REASON_MAX + " characters");
    }
    db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE submissions SET status = "
                      + "'rejected', reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = "
                      + "'pending'")) {
            ps.setString(1, r);
            ps.setString(2, curator.username());
            ps.setString(3, Times.now(clock));
            ps.setLong(4, submissionId);
            if (ps.executeUpdate() != 1) {
              if (Submissions.get(c, submissionId).isEmpty()) {
                throw new NotFound("there is no suggestion " + submissionId);
              }
              throw alreadyDecided(c, submissionId);
            }
          }
          audit.record(
              c,
              curator.username(),
              "submission.reject",
              "submission:" + submissionId,
              null,
              null,
              r);
          return null;
        });
  }

  /** The result of a review sign-off. */
  public record Reviewed(String docId, String version, LocalDate lastReviewed) {}

  /**
   * Marks a document reviewed today by {@code curator}: sets {@code lastReviewed} and {@code
   * reviewedBy}, bumps {@code version}, keeps the previous content as a version, and refreshes the
   * index. {@code expectedHash}, when given, is the hash of the file the curator saw; a file
   * changed since is a conflict.
   */
  public Reviewed markReviewed(String docId, @Nullable String expectedHash, User curator) {
    KbDocument d = document(docId);
    Current now = current(d);
    if (expectedHash != null && !expectedHash.isEmpty() && !expectedHash.equals(now.hash())) {
      throw new Conflict(
          "the document changed since you opened it; reload the " + "page and check it again");
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String version = FrontMatterEdit.bump(d.frontMatter().version());
    String after = FrontMatterEdit.set(now.text(), "lastReviewed", "'" + today + "'");
    after = FrontMatterEdit.set(after, "reviewedBy", FrontMatterEdit.quote(curator.username()));
    after = FrontMatterEdit.set(after, "version", FrontMatterEdit.quote(version));
    check(now.rel(), after);
    edit(
        now,
        new Change(
            "review",
            now.rel(),
            docId,
            now.hash(),
            AtomicFiles.hash(after),
            after,
            curator.username(),
            null,
            null,
            null,
            null),
        "review",
        "the document changed while it was being marked reviewed; reload the page and check it"
            + " again");
    return new Reviewed(docId, version, today);
  }

  /** What teaching added: the question, to the questions of this section. */
  public record Taught(String docId, String heading, String question) {}

  /** A content gap as teaching needs it (see {@link #teach}). */
  private record Gap(
      String key, String language, String question, boolean followUp, List<String> sections) {}

  /**
   * Answers a content gap: adds its question to the questions that {@code section} ({@code <doc
   * id>#<heading>}, one of the closest sections the reader was offered) answers, so that search and
   * the answer path read it from now on (see {@code SectionQuestions}), keeps the previous content
   * as a version, records it in the audit log and closes the gap. Journalled like a review. A
   * question asked as a follow-up is refused (its words lean on the turn before), and so is a page
   * in another language than the question's.
   */
  public Taught teach(String gapKey, String language, String section, User curator) {
    Gap gap =
        gap(gapKey, language)
            .orElseThrow(
                () ->
                    new NotFound(
                        "there is no such content gap (another curator may have answered it)"));
    if (gap.followUp()) {
      throw new BadInput(
          "this question was asked as a follow-up: its words lean on the turn before, so it"
              + " cannot be taught on its own");
    }
    if (!gap.sections().contains(section)) {
      throw new BadInput(
          "teach the question to one of the sections the reader was offered, not '"
              + Columns.clip(section, 120)
              + "'");
    }
    int hash = section.indexOf('#');
    String docId = section.substring(0, hash);
    String heading = section.substring(hash + 1);
    KbDocument d = document(docId);
    if (!d.frontMatter().language().equals(gap.language())) {
      throw new BadInput(
          "the question is in '"
              + gap.language()
              + "' and the page "
              + docId
              + " in '"
              + d.frontMatter().language()
              + "': teach it to a page in the question's language");
    }
    org.metshub.kb.Section target =
        d.sections().stream()
            .filter(x -> x.title().equals(heading))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFound(
                        "the document " + docId + " has no section '" + heading + "' any more"));
    String question = QuestionScrubber.withoutStandIns(gap.question());
    if (question.isEmpty()) {
      throw new BadInput("the question has no words left to teach once personal data is removed");
    }
    if (question.length() > org.metshub.kb.SectionQuestions.MAX_LENGTH) {
      throw new BadInput(
          "the question is too long to be one a section answers ("
              + question.length()
              + " characters; at most "
              + org.metshub.kb.SectionQuestions.MAX_LENGTH
              + ")");
    }
    String key = normalised(question);
    if (target.questions().stream().anyMatch(q -> normalised(q).equals(key))) {
      throw new Conflict("the section '" + heading + "' already lists this question");
    }
    Current now = current(d);
    String after = FrontMatterEdit.addQuestion(now.text(), heading, question);
    check(now.rel(), after);
    edit(
        now,
        new Change(
            "teach",
            now.rel(),
            docId,
            now.hash(),
            AtomicFiles.hash(after),
            after,
            curator.username(),
            null,
            "taught \"" + question + "\" to the section '" + heading + "'",
            gap.key(),
            gap.language()),
        "taught question",
        "the document changed while the question was being added; reload the page and try again");
    return new Taught(docId, heading, question);
  }

  /** A document's file as it is now: where it is, its path in the KB, its text and its hash. */
  private record Current(Path file, String rel, String text, String hash) {}

  private Current current(KbDocument d) {
    Path file = Path.of(d.path()).toAbsolutePath().normalize();
    String rel = relative(file);
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return new Current(file, rel, text, AtomicFiles.hash(text));
    } catch (IOException e) {
      throw new NotFound("cannot read " + rel + ": " + e.getMessage());
    }
  }

  /**
   * Journals the change of an existing file (keeping the file as found as its first version), then
   * writes it and records it; {@code conflict} is the message when the file changed meanwhile.
   */
  private void edit(Current now, Change ch, String what, String conflict) {
    db.tx(
        c -> {
          journal(c, ch);
          ensureBaseline(c, ch.docId(), now.rel(), now.text(), now.hash());
          return null;
        });
    writeAndFinish(what, now.rel(), now.file(), now.hash(), ch.content(), conflict);
  }

  /** A content gap by its group key and language. */
  private Optional<Gap> gap(String key, String language) {
    return db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT question, follow_up, sections FROM gaps WHERE group_key = ? AND "
                      + "language = ?")) {
            ps.setString(1, key);
            ps.setString(2, language);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              String sections = rs.getString(3);
              return Optional.of(
                  new Gap(
                      key,
                      language,
                      rs.getString(1),
                      rs.getInt(2) != 0,
                      sections.isEmpty() ? List.of() : List.of(sections.split("\n"))));
            }
          }
        });
  }

  /** Lower case, punctuation dropped, spaces collapsed: two wordings of one question match. */
  private static String normalised(String q) {
    return q.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /**
   * Finishes or undoes the changes a crash left half-done (see the class comment); returns how many
   * it found. Then removes the temporary files of interrupted writes (see {@link
   * #removeLeftoverTemps}). Safe to run at any time no change is in flight, so it runs on start.
   */
  public int recover() {
    // File times are the file system's, so this is the real time, not the injected clock.
    java.time.Instant journalRead = java.time.Instant.now();
    List<String> paths =
        db.tx(
            c -> {
              List<String> out = new ArrayList<>();
              try (PreparedStatement ps =
                      c.prepareStatement("SELECT doc_path FROM changes ORDER BY id");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(rs.getString(1));
                }
              }
              return out;
            });
    for (String rel : paths) {
      Change ch = db.tx(c -> change(c, rel)).orElse(null);
      if (ch == null) {
        continue;
      }
      String now;
      try {
        now = AtomicFiles.hashOf(kb.root().resolve(rel));
      } catch (IOException e) {
        LOG.warn("cannot read {} to recover an interrupted change: {}", rel, e.getMessage());
        continue;
      }
      if (ch.hashAfter.equals(now)) {
        LOG.warn(
            "finishing an interrupted {} of {}: the file was written, the record was not",
            ch.kind,
            rel);
        finish(rel, " (finished after a restart)");
      } else {
        LOG.warn("undoing an interrupted {} of {}: the file was not written", ch.kind, rel);
        if (!java.util.Objects.equals(ch.hashBefore, now)) {
          LOG.warn("{} has content neither before nor after the change; left as it is", rel);
        }
        undo(rel);
      }
    }
    if (!paths.isEmpty()) {
      refresh(paths);
    }
    removeLeftoverTemps(journalRead);
    return paths.size();
  }

  /**
   * Deletes, and logs, every temporary file of {@link AtomicFiles#write} in the KB folder ({@code
   * .NAME.md.<n>.tmp}) last modified before {@code journalRead}. A write makes its temporary file
   * only after its journal row is committed and renames it away within the same call, so a
   * temporary file older than the journal recovery just acted on belongs to a write that a crash
   * cut short (kill -9, power cut): its content is either in the KB file now or undone above. Newer
   * ones may be a write in flight (an import) and are left alone. Hidden folders (.git) are not
   * searched and links are not followed.
   */
  private void removeLeftoverTemps(java.time.Instant journalRead) {
    Path root = kb.root();
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
              return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                  : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
              if (attrs.isRegularFile()
                  && AtomicFiles.isKbTemp(file)
                  && attrs.lastModifiedTime().toInstant().isBefore(journalRead)) {
                found.add(file);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.warn("cannot look for temporary files left in {}: {}", root, e.toString());
      return;
    }
    for (Path f : found) {
      try {
        java.time.Instant modified = Files.getLastModifiedTime(f).toInstant();
        if (Files.deleteIfExists(f)) {
          LOG.warn(
              "removed {}: the temporary file of a write interrupted by a crash (last "
                  + "modified {})",
              f,
              modified);
        }
      } catch (IOException e) {
        LOG.warn(
            "cannot remove {}, the temporary file of an interrupted write: {}", f, e.toString());
      }
    }
  }

  /** What a curator is told when a change cannot be saved for want of write permission. */
  static final String NOT_WRITABLE = "the KB folder is not writable by the server";

  /**
   * Why curators' changes cannot be saved now, if they cannot: the first folder the server may not
   * write among the KB folder, its {@code directory} (where approvals go) and the folders of its
   * files (where reviews go). A read-only mount and missing permissions both count.
   */
  public Optional<String> writeProblem() {
    Path root = kb.root().toAbsolutePath().normalize();
    Set<Path> folders = new java.util.LinkedHashSet<>();
    folders.add(root);
    folders.add(existing(root.resolve("directory")));
    for (KbFile f : kb.files()) {
      Path parent = Path.of(f.path()).toAbsolutePath().normalize().getParent();
      if (parent != null && parent.startsWith(root)) {
        folders.add(parent);
      }
    }
    for (Path folder : folders) {
      if (!Files.isWritable(folder)) {
        return Optional.of(
            NOT_WRITABLE
                + " ("
                + (folder.equals(root) ? root.toString() : relative(folder) + "/")
                + ")");
      }
    }
    return Optional.empty();
  }

  /** {@code p} or its closest ancestor that exists (the folder a new file's folder goes in). */
  private static Path existing(Path p) {
    Path q = p.toAbsolutePath().normalize();
    while (q.getParent() != null && !Files.exists(q)) {
      q = q.getParent();
    }
    return q;
  }

  /** One stored version of a document. */
  public record Version(
      long seq,
      String version,
      String createdAt,
      String createdBy,
      String note,
      String hash,
      String path) {}

  /** The stored versions of a document, oldest first (empty when never changed here). */
  public List<Version> versions(String docId) {
    return db.tx(
        c -> {
          List<Version> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seq, version, created_at, "
                      + "created_by, note, hash, path FROM doc_versions WHERE doc_id = ? ORDER BY seq")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Version(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)));
              }
            }
          }
          return out;
        });
  }

  /** The text of one stored version. */
  public String versionText(String docId, long seq) {
    return db.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT content FROM doc_versions WHERE doc_id = ? AND seq = ?")) {
            ps.setString(1, docId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFound("document " + docId + " has no version " + seq);
              }
              return rs.getString(1);
            }
          }
        });
  }

  /** The line diff between two stored versions of a document. */
  public List<LineDiff.Line> diff(String docId, long fromSeq, long toSeq) {
    return LineDiff.diff(versionText(docId, fromSeq), versionText(docId, toSeq));
  }

  /** The KB document with this id (any status), or a not-found error. */
  public KbDocument document(String docId) {
    for (KbFile f : kb.files()) {
      if (f instanceof KbDocument d && d.id().equals(docId)) {
        return d;
      }
    }
    throw new NotFound("there is no KB document '" + Columns.clip(docId, 80) + "'");
  }

  /** The SHA-256 of a document's file as it is now (what a review form carries). */
  public String currentHash(KbDocument d) {
    try {
      String h = AtomicFiles.hashOf(Path.of(d.path()));
      return h == null ? "" : h;
    } catch (IOException e) {
      return "";
    }
  }

  // ---------------------------------------------------------------------------------------

  /**
   * A change in flight, as journalled. {@code note}, {@code gapKey} and {@code gapLanguage} are set
   * for a {@code teach} only: the version history's note and the content gap it closes.
   */
  private record Change(
      String kind,
      String docPath,
      String docId,
      @Nullable String hashBefore,
      String hashAfter,
      String content,
      String actor,
      @Nullable Long submissionId,
      @Nullable String note,
      @Nullable String gapKey,
      @Nullable String gapLanguage) {}

  private void journal(Connection c, Change ch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO changes (kind, doc_path, doc_id, hash_before, hash_after, content, actor, "
                + "submission_id, created_at, note, gap_key, gap_language) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, ch.kind());
      ps.setString(2, ch.docPath());
      ps.setString(3, ch.docId());
      ps.setString(4, ch.hashBefore());
      ps.setString(5, ch.hashAfter());
      ps.setString(6, ch.content());
      ps.setString(7, ch.actor());
      if (ch.submissionId() == null) {
        ps.setNull(8, java.sql.Types.BIGINT);
      } else {
        ps.setLong(8, ch.submissionId());
      }
      ps.setString(9, Times.now(clock));
      ps.setString(10, ch.note());
      ps.setString(11, ch.gapKey());
      ps.setString(12, ch.gapLanguage());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e)) {
        throw new Conflict(
            "another change to " + ch.docPath() + " is in progress; try again in a moment");
      }
      throw e;
    }
  }

  private static Optional<Change> change(Connection c, String rel) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, doc_path, doc_id, hash_before, hash_after, content, actor, "
                + "submission_id, note, gap_key, gap_language FROM changes WHERE doc_path = ?")) {
      ps.setString(1, rel);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long sid = rs.getLong(8);
        Long submissionId = rs.wasNull() ? null : sid; // asked at once: wasNull is of the last read
        return Optional.of(
            new Change(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                submissionId,
                rs.getString(9),
                rs.getString(10),
                rs.getString(11)));
      }
    }
  }

  /**
   * Steps 2 and 3 of a journalled change: writes {@code text} to {@code file} if the file still has
   * {@code expectedHash} (null: it must not exist), else undoes the journal row and reports {@code
   * conflict}; then records the outcome and refreshes the index. {@code what} names the change in
   * the log ("approval", "review", "taught question").
   */
  private void writeAndFinish(
      String what,
      String rel,
      Path file,
      @Nullable String expectedHash,
      String text,
      String conflict) {
    try {
      if (!java.util.Objects.equals(expectedHash, AtomicFiles.hashOf(file))) {
        throw new Conflict(conflict);
      }
      AtomicFiles.write(file, text);
    } catch (IOException | RuntimeException e) {
      undo(rel);
      if (e instanceof Conflict changedFirst) {
        throw changedFirst;
      }
      // file is a KB file under the KB folder, so it has a folder.
      Path folder = existing(java.util.Objects.requireNonNull(file.getParent(), rel));
      if (!Files.isWritable(folder)) {
        LOG.error(
            "cannot write {}: the KB folder {} is not writable by the server; the {} was "
                + "undone",
            rel,
            folder,
            what,
            e);
        throw new Unavailable(
            "cannot save "
                + rel
                + ": "
                + NOT_WRITABLE
                + ". Nothing was changed"
                + (expectedHash == null ? " and the suggestion is still " + "pending" : "")
                + "; an administrator must let the server write to "
                + (folder.equals(kb.root().toAbsolutePath().normalize())
                    ? "the KB folder"
                    : relative(folder) + "/")
                + ".");
      }
      // The exception's class says what an I/O message alone does not (AccessDenied, NoSpace).
      throw new Internal("cannot write " + rel + ": " + e, e);
    }
    afterFileWrite.run();
    finish(rel, "");
    refresh(List.of(rel));
  }

  /** Step 3: records the outcome of a written change and deletes its journal row. */
  private void finish(String rel, String note) {
    db.tx(
        c -> {
          Change ch =
              change(c, rel)
                  .orElseThrow(() -> new IllegalStateException("no change in flight for " + rel));
          String now = Times.now(clock);
          if (ch.kind.equals("approve")) {
            // An approval's journal row names its suggestion (see approve).
            long submissionId = java.util.Objects.requireNonNull(ch.submissionId, rel);
            Submission s = Submissions.get(c, submissionId).orElseThrow();
            String status = statusOf(ch.content);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE submissions SET status = "
                        + "'approved', decided_by = ?, decided_at = ?, publish_status = ?, doc_id = ?, "
                        + "doc_path = ? WHERE id = ? AND status = 'approving'")) {
              ps.setString(1, ch.actor);
              ps.setString(2, now);
              ps.setString(3, status);
              ps.setString(4, ch.docId);
              ps.setString(5, rel);
              ps.setLong(6, submissionId);
              ps.executeUpdate();
            }
            addVersion(
                c,
                ch.docId,
                rel,
                ch.content,
                ch.hashAfter,
                ch.actor,
                "approved suggestion " + s.reference() + " as " + status + note);
            audit.record(
                c,
                ch.actor,
                "submission.approve",
                "doc:" + ch.docId,
                null,
                ch.hashAfter,
                "suggestion " + s.reference() + " published as " + status + " at " + rel + note);
          } else if (ch.kind.equals("teach")) {
            String what = java.util.Objects.requireNonNull(ch.note, rel);
            addVersion(c, ch.docId, rel, ch.content, ch.hashAfter, ch.actor, what + note);
            audit.record(
                c,
                ch.actor,
                "doc.teach",
                "doc:" + ch.docId,
                ch.hashBefore,
                ch.hashAfter,
                what + note);
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM gaps WHERE group_key = ? AND language = ?")) {
              ps.setString(1, ch.gapKey);
              ps.setString(2, ch.gapLanguage);
              ps.executeUpdate();
            }
          } else {
            String version = versionOf(ch.content);
            addVersion(
                c, ch.docId, rel, ch.content, ch.hashAfter, ch.actor, "marked reviewed" + note);
            audit.record(
                c,
                ch.actor,
                "doc.review",
                "doc:" + ch.docId,
                ch.hashBefore,
                ch.hashAfter,
                "marked reviewed; version " + version + note);
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM changes WHERE doc_path = ?")) {
            ps.setString(1, rel);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Undoes a change whose file was not (or not fully) written. */
  private void undo(String rel) {
    db.tx(
        c -> {
          Optional<Change> ch = change(c, rel);
          if (ch.isEmpty()) {
            return null;
          }
          if (ch.get().kind.equals("approve")) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE submissions SET status = "
                        + "'pending' WHERE id = ? AND status = 'approving'")) {
              ps.setLong(1, java.util.Objects.requireNonNull(ch.get().submissionId, rel));
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM changes WHERE doc_path = ?")) {
            ps.setString(1, rel);
            ps.executeUpdate();
          }
          audit.record(
              c,
              ch.get().actor,
              "change.undone",
              "doc:" + ch.get().docId,
              ch.get().hashBefore,
              null,
              ch.get().kind + " of " + rel + " not completed; undone");
          return null;
        });
  }

  /** Keeps the file as it was before the first change made here, as version 1. */
  private void ensureBaseline(Connection c, String docId, String rel, String text, String hash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(*) FROM doc_versions WHERE doc_id = ?")) {
      ps.setString(1, docId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
    }
    addVersion(
        c,
        docId,
        rel,
        text,
        hash,
        "system",
        "as found in the KB before the first " + "change made in the console");
  }

  private void addVersion(
      Connection c, String docId, String rel, String text, String hash, String actor, String note)
      throws SQLException {
    long seq;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM doc_versions WHERE doc_id = ?")) {
      ps.setString(1, docId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        seq = rs.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_versions (doc_id, seq, "
                + "version, path, content, hash, created_at, created_by, note) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, docId);
      ps.setLong(2, seq);
      ps.setString(3, versionOf(text));
      ps.setString(4, rel);
      ps.setString(5, text);
      ps.setString(6, hash);
      ps.setString(7, Times.now(clock));
      ps.setString(8, actor);
      ps.setString(9, note);
      ps.executeUpdate();
    }
  }

  private String statusOf(String text) {
    KbFile f = kb.check("x.md", text);
    return f instanceof KbDocument d ? d.frontMatter().status() : "";
  }

  private String versionOf(String text) {
    KbFile f = kb.check("x.md", text);
    return f instanceof KbDocument d ? d.frontMatter().version() : "";
  }

  private static MetsHubException alreadyDecided(Connection c, long id) throws SQLException {
    Submission s = Submissions.get(c, id).orElse(null);
    if (s == null) {
      return new NotFound("there is no suggestion " + id);
    }
    return new Conflict(
        "suggestion "
            + s.reference()
            + " is already "
            + s.status()
            + (s.decidedBy() != null ? " (by " + s.decidedBy() + ")" : ""));
  }

  private static void requirePending(Submission s) {
    if (!s.pending()) {
      throw new Conflict(
          "suggestion "
              + s.reference()
              + " is already "
              + s.status()
              + (s.decidedBy() != null ? " (by " + s.decidedBy() + ")" : ""));
    }
  }

  private void check(String rel, String text) {
    KbFile f = kb.check(rel, text);
    List<String> errors = new ArrayList<>();
    for (Problem p : f.problems()) {
      if (p.severity() == Severity.ERROR) {
        errors.add(p.field() + ": " + p.rule());
      }
    }
    if (!errors.isEmpty()) {
      throw new BadInput("the document would not be valid: " + String.join("; ", errors));
    }
  }

  /** A document id from a resource's name (at most 60 characters; never empty). */
  static String slug(String name) {
    String s = Slugs.of(name, 60).replaceAll("^[^a-z0-9]+", "");
    return s.isEmpty() ? "resource" : s;
  }

  private String freeId(String base) {
    Set<String> used = new HashSet<>();
    for (KbFile f : kb.files()) {
      if (f instanceof KbDocument d) {
        used.add(d.id().toLowerCase(Locale.ROOT));
      }
      String name = Path.of(f.path()).getFileName().toString();
      used.add(name.substring(0, Math.max(0, name.length() - 3)).toLowerCase(Locale.ROOT));
    }
    db.tx(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT doc_id FROM changes");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              used.add(rs.getString(1));
            }
          }
          return null;
        });
    String id = base;
    for (int n = 2;
        used.contains(id) || Files.exists(kb.root().resolve("directory/" + id + ".md"));
        n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private String relative(Path file) {
    Path root = kb.root().toAbsolutePath().normalize();
    return root.relativize(file).toString().replace('\\', '/');
  }

  private void refresh(Collection<String> changed) {
    try {
      String summary = kb.refresh(changed);
      LOG.info("KB refreshed after a curation change: {}", summary);
    } catch (RuntimeException e) {
      // The change is recorded and on disk; the index catches up on the next refresh.
      LOG.warn("the KB changed but the index could not be refreshed: {}", e.toString());
    }
  }
}
