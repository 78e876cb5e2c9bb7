package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.error.MetsHubException;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.kb.KbDocument;
import org.metshub.kb.KbFile;
import org.metshub.kb.KbReader;
import org.metshub.kb.Section;
import org.metshub.kb.Severity;
import org.metshub.kb.Vocabularies;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;
import org.metshub.testing.TestDatabases;

/**
 * Approving, rejecting and reviewing: the KB file, the submission, versions and audit, under
 * concurrency and across a simulated crash.
 */
class CurationTest {
  private static final LocalDate DAY = LocalDate.of(2027, 1, 15);
  private static final Clock CLOCK = Fixtures.clockAt(DAY);
  private static final User CAROL = new User(1, "carol", Role.CURATOR, false);
  private static final User DAVE = new User(2, "dave", Role.ADMIN, false);
  private static final String BONE = "bone-metastases";
  private static final String BONE_PATH = "learn/bone-metastases.md";

  private Database db;
  private TestKb kb;
  private AuditLog audit;
  private Curation curation;
  private Submissions submissions;

  private void open(String vendor, Path dir) {
    db = TestDatabases.open(vendor, dir);
    kb = TestKb.withDocs(dir, CLOCK, "directory/susan-g-komen.md", BONE_PATH);
    audit = new AuditLog(db, CLOCK);
    curation = new Curation(db, CLOCK, kb, audit);
    submissions = new Submissions(db, CLOCK, kb);
  }

  /** A new Curation over the same store and KB folder, as after a restart. */
  private Curation restart() {
    kb = new TestKb(kb.root(), CLOCK);
    audit = new AuditLog(db, CLOCK);
    submissions = new Submissions(db, CLOCK, kb);
    return new Curation(db, CLOCK, kb, audit);
  }

  private Submission suggest(String name, String url) {
    return submissions.submit(SubmissionsTest.valid(name, url));
  }

  private Submission suggestion(long id) {
    return submissions.get(id).orElseThrow();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int count(String sql, Object... args) {
    return db.tx(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              if (args[i] instanceof Long l) {
                ps.setLong(i + 1, l);
              } else {
                ps.setString(i + 1, (String) args[i]);
              }
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  private int changes() {
    return count("SELECT count(*) FROM changes");
  }

  private List<AuditLog.Entry> auditOf(String action) {
    return audit.recent(1000).stream().filter(e -> e.action().equals(action)).toList();
  }

  private static KbDocument parse(Path file) {
    KbFile f = new KbReader(Vocabularies.bundled()).read(file);
    assertThat(f).isInstanceOf(KbDocument.class);
    assertThat(f.problems()).filteredOn(p -> p.severity() == Severity.ERROR).isEmpty();
    return (KbDocument) f;
  }

  private List<String> directoryFilesStartingWith(String stem) {
    return kb.allFiles().stream().filter(p -> p.startsWith("directory/" + stem)).toList();
  }

  // ---- approve ---------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void approvingAsDraftWritesOneValidKbFileAndRecordsIt(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Submission s = suggest("Metastatic Peer Mentors", "https://www.example.org/mentors/");
    List<String> filesBefore = kb.allFiles();

    Curation.Approved a = curation.approve(s.id(), "draft", CAROL);
    assertThat(a)
        .isEqualTo(
            new Curation.Approved(
                "metastatic-peer-mentors", "directory/metastatic-peer-mentors.md", "draft"));

    List<String> expected = new ArrayList<>(filesBefore);
    expected.add(a.path());
    assertThat(kb.allFiles())
        .as("exactly one new file, no temporary files left")
        .containsExactlyInAnyOrderElementsOf(expected);
    Path file = kb.root().resolve(a.path());
    KbDocument d = parse(file);
    var fm = d.frontMatter();
    assertThat(d.id()).isEqualTo("metastatic-peer-mentors");
    assertThat(fm.status()).isEqualTo("draft");
    assertThat(fm.title()).isEqualTo("Metastatic Peer Mentors");
    assertThat(fm.docType()).isEqualTo("organization");
    assertThat(fm.url()).isEqualTo("https://www.example.org/mentors/");
    assertThat(fm.cancerTypes()).containsExactly("breast", "metastatic cancer");
    assertThat(fm.countries()).containsExactly("US", "CA");
    assertThat(fm.lastReviewed()).contains(DAY);
    assertThat(fm.reviewedBy()).isEqualTo("carol");
    assertThat(fm.version()).isEqualTo("v1");
    assertThat(fm.license()).isEqualTo("link_only");
    assertThat(fm.citation()).contains(s.reference());
    assertThat(d.plainText()).contains("trained peer mentors");
    // The validator, as the live KB runs it, finds no errors either.
    assertThat(curation.document(a.docId()).hasErrors()).isFalse();

    Submission after = suggestion(s.id());
    assertThat(after.status()).isEqualTo("approved");
    assertThat(after.docId()).isEqualTo(a.docId());
    assertThat(after.docPath()).isEqualTo(a.path());
    assertThat(after.publishStatus()).isEqualTo("draft");
    assertThat(after.decidedBy()).isEqualTo("carol");
    assertThat(after.decidedAt()).isEqualTo("2027-01-15T00:00:00Z");

    String hash = sha256(file);
    assertThat(curation.versions(a.docId()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.seq()).isEqualTo(1);
              assertThat(v.version()).isEqualTo("v1");
              assertThat(v.createdBy()).isEqualTo("carol");
              assertThat(v.hash()).isEqualTo(hash);
              assertThat(v.path()).isEqualTo(a.path());
            });
    assertThat(curation.versionText(a.docId(), 1)).isEqualTo(read(file));
    assertThat(auditOf("submission.approve"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("carol");
              assertThat(e.target()).isEqualTo("doc:" + a.docId());
              assertThat(e.hashBefore()).isNull();
              assertThat(e.hashAfter()).isEqualTo(hash);
              assertThat(e.detail()).contains(s.reference()).contains("draft");
            });
    assertThat(changes()).isZero();
    assertThat(kb.refreshes()).isEqualTo(1);

    // Now in the KB: the same resource cannot be suggested again.
    DuplicateSuggestion dup =
        assertThrows(
            DuplicateSuggestion.class,
            () -> suggest("Mentors again", "http://example.org/mentors"));
    assertThat(dup.listedAs())
        .hasValueSatisfying(
            title ->
                assertThat(dup)
                    .hasMessageContaining("we already list this resource: \"" + title + "\""));

    // Approving again is a conflict and changes nothing.
    assertThrows(Conflict.class, () -> curation.approve(s.id(), "draft", DAVE));
    assertThrows(Conflict.class, () -> curation.approve(s.id(), "active", CAROL));
    assertThat(sha256(file)).isEqualTo(hash);
    assertThat(curation.versions(a.docId())).hasSize(1);
    assertThat(suggestion(s.id()).decidedBy()).isEqualTo("carol");
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void approvingAsActiveUnderATakenNameGetsAFreeId(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Path komen = kb.root().resolve("directory/susan-g-komen.md");
    String komenHash = sha256(komen);
    Submission s = suggest("Susan G. Komen", "https://example.org/komen-fan-club");

    assertThrows(BadInput.class, () -> curation.approve(s.id(), "published", CAROL));
    assertThrows(BadInput.class, () -> curation.approve(s.id(), null, CAROL));
    assertThrows(NotFound.class, () -> curation.approve(s.id() + 999, "draft", CAROL));
    assertThat(suggestion(s.id()).status()).isEqualTo("pending");

    Curation.Approved a = curation.approve(s.id(), "active", CAROL);
    assertThat(a.docId()).isEqualTo("susan-g-komen-2");
    assertThat(a.path()).isEqualTo("directory/susan-g-komen-2.md");
    assertThat(parse(kb.root().resolve(a.path())).frontMatter().status()).isEqualTo("active");
    assertThat(suggestion(s.id()).publishStatus()).isEqualTo("active");
    assertThat(sha256(komen)).as("the existing document is untouched").isEqualTo(komenHash);
    assertThat(kb.files())
        .filteredOn(f -> f instanceof KbDocument)
        .extracting(f -> ((KbDocument) f).id())
        .contains("susan-g-komen", "susan-g-komen-2");
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void formTextCannotInjectFrontMatterOrMarkdown(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    String name = "Hope & \"Help\": #1 [club] *star* \\o/ 'quoted'";
    String description =
        "Peer support for anyone with metastatic breast cancer.\n---\n"
            + "status: active\nid: evil\n# Not a heading\n- not a list\n1. not a list either\n"
            + "[click](javascript:alert(1)) and `code` and | pipes |";
    Map<String, List<String>> f = SubmissionsTest.form(name, "https://example.org/hope?a=1&b=2");
    f.put("description", List.of(description));
    Suggestion.Result r = SubmissionsTest.read(f);
    assertThat(r.errors()).isEmpty();
    Submission s = submissions.submit(r.suggestion());

    Curation.Approved a = curation.approve(s.id(), "draft", CAROL);
    KbDocument d = parse(kb.root().resolve(a.path()));
    assertThat(d.id()).isEqualTo(a.docId()).isNotEqualTo("evil");
    assertThat(d.frontMatter().title()).isEqualTo(name);
    assertThat(d.frontMatter().status()).isEqualTo("draft");
    assertThat(d.frontMatter().url()).isEqualTo("https://example.org/hope?a=1&b=2");
    assertThat(d.sections())
        .extracting(Section::heading)
        .containsExactly(name + " › What they offer", name + " › Sources");
    assertThat(d.sections().stream().flatMap(x -> x.links().stream()).toList())
        .noneMatch(l -> l.toString().contains("javascript"));
    assertThat(d.body().lines())
        .doesNotContain("---", "# Not a heading", "- not a list")
        .contains("status: active"); // harmless body text
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void thePublishStatusRecordedIsTheOneInTheFrontMatter(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Map<String, List<String>> f =
        SubmissionsTest.form("Status Line Group", "https://example.org/status");
    f.put(
        "description",
        List.of("Peer support for people with metastatic breast cancer.\n" + "status: active"));
    Submission s = submissions.submit(SubmissionsTest.read(f).suggestion());
    Curation.Approved a = curation.approve(s.id(), "draft", CAROL);
    assertThat(parse(kb.root().resolve(a.path())).frontMatter().status()).isEqualTo("draft");
    assertThat(suggestion(s.id()).publishStatus()).isEqualTo("draft");
    assertThat(auditOf("submission.approve"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("as draft"));
  }

  // ---- reject ----------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void rejectingNeedsAReasonAndIsFinal(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Submission s = suggest("Peer Mentors", "https://example.org/m");
    List<String> filesBefore = kb.allFiles();
    for (String reason :
        new String[] {
          null, "", "abcd", "  \t ab \n\n  ", "\u0000\u0001\u0002\u0003\u0004", "x".repeat(501)
        }) {
      assertThrows(
          BadInput.class, () -> curation.reject(s.id(), reason, CAROL), "reason " + reason);
    }
    assertThat(suggestion(s.id()).status()).isEqualTo("pending");
    assertThrows(NotFound.class, () -> curation.reject(s.id() + 999, "A fine reason", CAROL));

    curation.reject(s.id(), "  Not about\tcancer.  ", CAROL);
    Submission r = suggestion(s.id());
    assertThat(r.status()).isEqualTo("rejected");
    assertThat(r.reason()).isEqualTo("Not about cancer.");
    assertThat(r.decidedBy()).isEqualTo("carol");
    assertThat(r.decidedAt()).isEqualTo("2027-01-15T00:00:00Z");
    assertThat(auditOf("submission.reject"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("carol");
              assertThat(e.target()).isEqualTo("submission:" + s.id());
              assertThat(e.detail()).isEqualTo("Not about cancer.");
            });

    assertThrows(Conflict.class, () -> curation.approve(s.id(), "draft", DAVE));
    assertThrows(Conflict.class, () -> curation.reject(s.id(), "Another reason", DAVE));
    assertThat(suggestion(s.id()).decidedBy()).isEqualTo("carol");
    assertThat(kb.allFiles()).isEqualTo(filesBefore);
    assertThat(changes()).isZero();

    // The limits themselves are allowed.
    Submission s5 = suggest("Five", "https://example.org/five");
    curation.reject(s5.id(), "Spam.", CAROL);
    Submission s500 = suggest("Five hundred", "https://example.org/500");
    curation.reject(s500.id(), "y".repeat(500), CAROL);
    assertThat(submissions.count("rejected")).isEqualTo(3);
  }

  // ---- review ----------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void markingReviewedEditsThreeLinesAndKeepsBothVersions(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Path file = kb.root().resolve(BONE_PATH);
    String before = read(file);
    KbDocument doc = curation.document(BONE);
    String hash = curation.currentHash(doc);
    assertThat(hash).isEqualTo(sha256(before));

    Curation.Reviewed r = curation.markReviewed(BONE, hash, CAROL);
    assertThat(r).isEqualTo(new Curation.Reviewed(BONE, "v2", DAY));

    String after = read(file);
    String[] b = before.split("\n", -1);
    String[] a = after.split("\n", -1);
    assertThat(a).hasSameSizeAs(b);
    Map<String, String> changed = new LinkedHashMap<>();
    for (int i = 0; i < b.length; i++) {
      if (!a[i].equals(b[i])) {
        changed.put(b[i], a[i]);
      }
    }
    assertThat(changed)
        .containsExactly(
            Map.entry("lastReviewed: '2026-11-22'", "lastReviewed: '2027-01-15'"),
            Map.entry("reviewedBy: MetsHub editorial team", "reviewedBy: \"carol\""),
            Map.entry("version: v1", "version: \"v2\""));

    KbDocument reread = parse(file);
    assertThat(reread.frontMatter().lastReviewed()).contains(DAY);
    assertThat(reread.frontMatter().reviewedBy()).isEqualTo("carol");
    assertThat(reread.frontMatter().version()).isEqualTo("v2");
    assertThat(reread.body()).isEqualTo(doc.body());
    // The live KB was refreshed.
    assertThat(curation.document(BONE).frontMatter().version()).isEqualTo("v2");

    assertThat(curation.versions(BONE))
        .extracting(
            Curation.Version::seq,
            Curation.Version::version,
            Curation.Version::createdBy,
            Curation.Version::hash,
            Curation.Version::path)
        .containsExactly(
            tuple(1L, "v1", "system", sha256(before), BONE_PATH),
            tuple(2L, "v2", "carol", sha256(after), BONE_PATH));
    assertThat(curation.versionText(BONE, 1)).isEqualTo(before);
    assertThat(curation.versionText(BONE, 2)).isEqualTo(after);
    assertThat(curation.diff(BONE, 1, 2))
        .filteredOn(l -> l.op() != ' ')
        .extracting(LineDiff.Line::op, LineDiff.Line::text)
        .containsExactlyInAnyOrder(
            tuple('-', "lastReviewed: '2026-11-22'"), tuple('+', "lastReviewed: '2027-01-15'"),
            tuple('-', "reviewedBy: MetsHub editorial team"), tuple('+', "reviewedBy: \"carol\""),
            tuple('-', "version: v1"), tuple('+', "version: \"v2\""));
    assertThat(curation.diff(BONE, 1, 2)).filteredOn(l -> l.op() == ' ').hasSize(b.length - 3);
    assertThat(auditOf("doc.review"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("carol");
              assertThat(e.target()).isEqualTo("doc:" + BONE);
              assertThat(e.hashBefore()).isEqualTo(sha256(before));
              assertThat(e.hashAfter()).isEqualTo(sha256(after));
              assertThat(e.detail()).contains("v2");
            });
    assertThat(changes()).isZero();

    // A second review keeps one baseline and adds one version.
    Curation.Reviewed r2 = curation.markReviewed(BONE, sha256(after), DAVE);
    assertThat(r2.version()).isEqualTo("v3");
    assertThat(curation.versions(BONE))
        .extracting(Curation.Version::seq)
        .containsExactly(1L, 2L, 3L);
    assertThat(curation.diff(BONE, 2, 3))
        .filteredOn(l -> l.op() != ' ')
        .extracting(LineDiff.Line::text)
        .containsExactlyInAnyOrder(
            "reviewedBy: \"carol\"", "reviewedBy: \"dave\"", "version: \"v2\"", "version: \"v3\"");
    assertThrows(NotFound.class, () -> curation.versionText(BONE, 4));
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aStaleHashOrAnUnknownDocumentChangesNothing(String vendor, @TempDir Path dir)
      throws IOException {
    open(vendor, dir);
    Path file = kb.root().resolve(BONE_PATH);
    String seen = curation.currentHash(curation.document(BONE));
    assertThrows(Conflict.class, () -> curation.markReviewed(BONE, "0".repeat(64), CAROL));
    // Someone edits the file after the curator opened it.
    String edited = read(file) + "\nOne more line from another editor.\n";
    Files.writeString(file, edited);
    assertThrows(Conflict.class, () -> curation.markReviewed(BONE, seen, CAROL));
    assertThat(read(file)).isEqualTo(edited);
    assertThat(curation.versions(BONE)).isEmpty();
    assertThat(changes()).isZero();
    assertThat(auditOf("doc.review")).isEmpty();
    assertThrows(NotFound.class, () -> curation.markReviewed("no-such-doc", null, CAROL));
  }

  // ---- concurrency -----------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void twoCuratorsApprovingAtOnceMakeOneFile(String vendor, @TempDir Path dir) throws Exception {
    open(vendor, dir);
    Curation other = new Curation(db, CLOCK, kb, audit); // a second node
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        Submission s = suggest("Round " + round + " Group", "https://example.org/r" + round);
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (Curation c : List.of(curation, other)) {
          User who = c == curation ? CAROL : DAVE;
          results.add(
              pool.submit(
                  () -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                      return c.approve(s.id(), "draft", who).path();
                    } catch (MetsHubException e) {
                      return e.getClass().getSimpleName();
                    }
                  }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
          outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        String path = "directory/round-" + round + "-group.md";
        assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(path, "Conflict");
        assertThat(directoryFilesStartingWith("round-" + round + "-")).containsExactly(path);
        Submission done = suggestion(s.id());
        assertThat(done.status()).isEqualTo("approved");
        assertThat(done.docPath()).isEqualTo(path);
        assertThat(curation.versions("round-" + round + "-group")).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(changes()).isZero();
    assertThat(auditOf("submission.approve")).hasSize(5);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void approvingTwoSuggestionsWithOneNameAtOnceNeverSharesAFile(String vendor, @TempDir Path dir)
      throws Exception {
    open(vendor, dir);
    Curation other = new Curation(db, CLOCK, kb, audit);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        String name = "Twin " + round + " Network";
        Submission s1 = suggest(name, "https://one.example.org/t" + round);
        Submission s2 = suggest(name, "https://two.example.org/t" + round);
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        results.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  try {
                    return curation.approve(s1.id(), "draft", CAROL).path();
                  } catch (MetsHubException e) {
                    return e.getClass().getSimpleName();
                  }
                }));
        results.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  try {
                    return other.approve(s2.id(), "draft", DAVE).path();
                  } catch (MetsHubException e) {
                    return e.getClass().getSimpleName();
                  }
                }));
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
          outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        List<String> paths = outcomes.stream().filter(o -> o.endsWith(".md")).toList();
        assertThat(outcomes)
            .as("round %d", round)
            .allMatch(o -> o.endsWith(".md") || o.equals("Conflict"));
        assertThat(paths)
            .as("at least one wins, never two on one file")
            .isNotEmpty()
            .doesNotHaveDuplicates();
        assertThat(directoryFilesStartingWith("twin-" + round + "-"))
            .containsExactlyInAnyOrderElementsOf(paths);
        for (Submission s : List.of(s1, s2)) {
          Submission now = suggestion(s.id());
          assertThat(now.status()).isIn("approved", "pending");
          if (now.status().equals("approved")) {
            assertThat(parse(kb.root().resolve(now.docPath())).frontMatter().url())
                .as("each file holds its own suggestion")
                .isEqualTo(s.url());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(changes()).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void twoCuratorsReviewingTheSameVersionAtOnceMakeOneNewVersion(String vendor, @TempDir Path dir)
      throws Exception {
    open(vendor, dir);
    Curation other = new Curation(db, CLOCK, kb, audit);
    Path file = kb.root().resolve(BONE_PATH);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        String seen = sha256(file);
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (Curation c : List.of(curation, other)) {
          User who = c == curation ? CAROL : DAVE;
          results.add(
              pool.submit(
                  () -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                      return c.markReviewed(BONE, seen, who).version();
                    } catch (MetsHubException e) {
                      return e.getClass().getSimpleName();
                    }
                  }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
          outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(outcomes)
            .as("round %d", round)
            .containsExactlyInAnyOrder("v" + (round + 2), "Conflict");
        assertThat(changes()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(curation.versions(BONE))
        .extracting(Curation.Version::version)
        .containsExactly("v1", "v2", "v3", "v4", "v5");
    assertThat(sha256(file)).isEqualTo(curation.versions(BONE).get(4).hash());
    assertThat(auditOf("doc.review")).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void namesWithoutLatinLettersStillGetDistinctValidIds(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Submission s1 = suggest("東京がん患者の会", "https://example.jp/tokyo");
    Submission s2 = suggest("!!! ???", "https://example.jp/other");
    Curation.Approved a1 = curation.approve(s1.id(), "draft", CAROL);
    Curation.Approved a2 = curation.approve(s2.id(), "draft", CAROL);
    assertThat(a1.docId()).matches("[a-z0-9][a-z0-9-]*").isNotEqualTo(a2.docId());
    assertThat(a2.docId()).matches("[a-z0-9][a-z0-9-]*");
    assertThat(parse(kb.root().resolve(a1.path())).frontMatter().title()).isEqualTo("東京がん患者の会");
    assertThat(parse(kb.root().resolve(a2.path())).id()).isEqualTo(a2.docId());
  }

  // ---- crash safety ----------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void anApprovalKilledAfterTheFileWriteIsFinishedOnRestart(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Submission s = suggest("Crash Test Group", "https://example.org/crash");
    Path file = kb.root().resolve("directory/crash-test-group.md");
    curation.afterFileWrite(
        () -> {
          throw new Error("simulated kill");
        });
    assertThatThrownBy(() -> curation.approve(s.id(), "draft", CAROL))
        .isInstanceOf(Error.class)
        .hasMessage("simulated kill");

    assertThat(file).exists();
    String hash = sha256(file);
    assertThat(suggestion(s.id()).status()).isEqualTo("approving");
    assertThat(
            count(
                "SELECT count(*) FROM changes WHERE kind = 'approve' AND doc_path = ? "
                    + "AND submission_id = ? AND hash_after = ?",
                "directory/crash-test-group.md",
                s.id(),
                hash))
        .isEqualTo(1);
    assertThat(curation.versions("crash-test-group")).isEmpty();
    assertThat(auditOf("submission.approve")).isEmpty();

    Curation restarted = restart();
    assertThat(restarted.recover()).isEqualTo(1);
    Submission done = suggestion(s.id());
    assertThat(done.status()).isEqualTo("approved");
    assertThat(done.docId()).isEqualTo("crash-test-group");
    assertThat(done.docPath()).isEqualTo("directory/crash-test-group.md");
    assertThat(done.publishStatus()).isEqualTo("draft");
    assertThat(done.decidedBy()).isEqualTo("carol");
    assertThat(restarted.versions("crash-test-group"))
        .singleElement()
        .satisfies(v -> assertThat(v.hash()).isEqualTo(hash));
    assertThat(auditOf("submission.approve"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.hashAfter()).isEqualTo(hash);
              assertThat(e.detail()).contains("finished after a restart");
            });
    assertThat(changes()).isZero();
    assertThat(sha256(file)).isEqualTo(hash);
    assertThat(restarted.document("crash-test-group").frontMatter().status()).isEqualTo("draft");
    assertThat(restarted.recover()).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void anApprovalKilledBeforeTheFileLandedIsUndoneOnRestart(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Submission s = suggest("Crash Test Group", "https://example.org/crash");
    Path file = kb.root().resolve("directory/crash-test-group.md");
    curation.afterFileWrite(
        () -> {
          try {
            Files.delete(file); // as if the write never reached the disk
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new Error("simulated kill");
        });
    assertThatThrownBy(() -> curation.approve(s.id(), "draft", CAROL))
        .isInstanceOf(Error.class)
        .hasMessage("simulated kill");
    assertThat(file).doesNotExist();
    assertThat(suggestion(s.id()).status()).isEqualTo("approving");
    assertThat(changes()).isEqualTo(1);

    Curation restarted = restart();
    assertThat(restarted.recover()).isEqualTo(1);
    assertThat(suggestion(s.id()).status()).isEqualTo("pending");
    assertThat(file).doesNotExist();
    assertThat(changes()).isZero();
    assertThat(restarted.versions("crash-test-group")).isEmpty();
    assertThat(auditOf("submission.approve")).isEmpty();
    assertThat(auditOf("change.undone"))
        .singleElement()
        .satisfies(e -> assertThat(e.target()).isEqualTo("doc:crash-test-group"));

    // The suggestion can be approved again, once.
    Curation.Approved a = restarted.approve(s.id(), "draft", DAVE);
    assertThat(a.path()).isEqualTo("directory/crash-test-group.md");
    assertThat(directoryFilesStartingWith("crash-test-group")).containsExactly(a.path());
    assertThat(suggestion(s.id()).status()).isEqualTo("approved");
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aReviewKilledAfterTheFileWriteIsFinishedOnRestart(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Path file = kb.root().resolve(BONE_PATH);
    String before = read(file);
    curation.afterFileWrite(
        () -> {
          throw new Error("simulated kill");
        });
    assertThatThrownBy(() -> curation.markReviewed(BONE, null, CAROL)).isInstanceOf(Error.class);
    String after = read(file);
    assertThat(after).contains("version: \"v2\"");
    assertThat(count("SELECT count(*) FROM changes WHERE kind = 'review'")).isEqualTo(1);
    assertThat(curation.versions(BONE))
        .extracting(Curation.Version::createdBy)
        .containsExactly("system");

    Curation restarted = restart();
    assertThat(restarted.recover()).isEqualTo(1);
    assertThat(restarted.versions(BONE))
        .extracting(Curation.Version::seq, Curation.Version::hash)
        .containsExactly(tuple(1L, sha256(before)), tuple(2L, sha256(after)));
    assertThat(auditOf("doc.review"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("finished after a restart"));
    assertThat(changes()).isZero();
    assertThat(restarted.document(BONE).frontMatter().version()).isEqualTo("v2");
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aReviewKilledBeforeTheFileLandedIsUndoneOnRestart(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Path file = kb.root().resolve(BONE_PATH);
    String before = read(file);
    curation.afterFileWrite(
        () -> {
          try {
            Files.writeString(file, before); // the new content never reached the disk
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new Error("simulated kill");
        });
    assertThatThrownBy(() -> curation.markReviewed(BONE, null, CAROL)).isInstanceOf(Error.class);
    assertThat(changes()).isEqualTo(1);

    Curation restarted = restart();
    assertThat(restarted.recover()).isEqualTo(1);
    assertThat(read(file)).isEqualTo(before);
    assertThat(changes()).isZero();
    assertThat(restarted.versions(BONE))
        .extracting(Curation.Version::createdBy)
        .containsExactly("system");
    assertThat(auditOf("doc.review")).isEmpty();
    assertThat(auditOf("change.undone")).hasSize(1);

    assertThat(restarted.markReviewed(BONE, sha256(before), CAROL).version()).isEqualTo("v2");
    assertThat(restarted.versions(BONE)).hasSize(2);
  }
}
