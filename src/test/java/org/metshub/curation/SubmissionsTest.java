package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.error.MetsHubException;
import org.metshub.kb.Vocabularies;
import org.metshub.kb.Vocabulary;
import org.metshub.store.Database;
import org.metshub.testing.Fixtures;
import org.metshub.testing.TestDatabases;

/** The suggestion form and the queue: checks, storage, duplicates, references. */
class SubmissionsTest {
  private static final Vocabulary CANCER_TYPES = Vocabularies.bundled().cancerTypes();
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String DESCRIPTION =
      "A volunteer network that matches people living "
          + "with metastatic breast cancer with trained peer mentors.";

  private Database db;
  private TestKb kb;
  private Submissions submissions;

  private void open(String vendor, Path dir) {
    db = TestDatabases.open(vendor, dir);
    kb = TestKb.withDocs(dir, Fixtures.clock(), "directory/susan-g-komen.md");
    submissions = new Submissions(db, Fixtures.clock(), kb);
  }

  /** A valid form, as the browser sends it. */
  static Map<String, List<String>> form(String name, String url) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put("name", List.of(name));
    f.put("url", List.of(url));
    f.put("description", List.of(DESCRIPTION));
    f.put("cancerTypes", List.of("breast", "metastatic cancer"));
    f.put("countries", List.of("US", "ca"));
    f.put("contact", List.of(""));
    return f;
  }

  static Map<String, List<String>> with(
      Map<String, List<String>> f, String field, List<String> values) {
    Map<String, List<String>> out = new LinkedHashMap<>(f);
    out.put(field, values);
    return out;
  }

  static Suggestion.Result read(Map<String, List<String>> f) {
    return Suggestion.read(f, CANCER_TYPES);
  }

  static Suggestion valid(String name, String url) {
    Suggestion.Result r = read(form(name, url));
    assertThat(r.errors()).isEmpty();
    return r.suggestion();
  }

  // ---- the form (no store) -------------------------------------------------------------

  @Test
  void aValidFormIsCleanedAndNormalised() {
    Map<String, List<String>> f =
        form("  Metastatic \t Peer\u200b   Mentors\u0007 ", " https://example.org/mentors ");
    f.put(
        "description",
        List.of("  First line  of text.\r\n\r\n\r\n\r\nSecond  paragraph " + "here. "));
    f.put("cancerTypes", List.of("Breast Cancer", "breast", "MBC"));
    f.put("countries", List.of("us", "INT", "US"));
    f.put("contact", List.of(" jo@example.org "));
    Suggestion.Result r = read(f);
    assertThat(r.ok()).isTrue();
    Suggestion s = r.suggestion();
    assertThat(s.name()).isEqualTo("Metastatic Peer Mentors");
    assertThat(s.url()).isEqualTo("https://example.org/mentors");
    assertThat(s.description()).isEqualTo("First line of text.\n\nSecond paragraph here.");
    assertThat(s.cancerTypes()).containsExactly("breast");
    assertThat(s.countries()).containsExactly("US", "INT");
    assertThat(s.contact()).isEqualTo("jo@example.org");
  }

  @Test
  void plainTextWithAngleBracketsThatIsNotATagIsAccepted() {
    Map<String, List<String>> f = form("Stage 4 > Stage 3", "https://example.org/x");
    f.put("description", List.of("We love our members <3 and answer within 2 < 3 days."));
    assertThat(read(f).errors()).isEmpty();
  }

  static Stream<Arguments> badFields() {
    List<String> elevenTypes = CANCER_TYPES.ids().subList(0, 11);
    List<String> elevenCountries =
        List.of("US", "CA", "GB", "FR", "DE", "ES", "IT", "MX", "AU", "JP", "BR");
    return Stream.of(
        Arguments.of("name", List.of(""), "name.required"),
        Arguments.of("name", List.of(), "name.required"),
        Arguments.of("name", List.of("   \u0000\u0001 "), "name.required"),
        Arguments.of("name", List.of("X"), "tooShort"),
        Arguments.of("name", List.of("n".repeat(151)), "tooLong"),
        Arguments.of("name", List.of(SCRIPT), "markup"),
        Arguments.of("name", List.of("Hope <img src=x onerror=alert(1)>"), "markup"),
        Arguments.of("name", List.of("Hope <!-- comment -->"), "markup"),
        Arguments.of("name", List.of("Hope </ b>"), "markup"),
        Arguments.of("url", List.of(""), "url.required"),
        Arguments.of("url", List.of("https://example.org/" + "a".repeat(481)), "tooLong"),
        Arguments.of("url", List.of(SCRIPT), "url.unreadable"),
        Arguments.of("url", List.of("https://example.org/" + SCRIPT), "url.unreadable"),
        Arguments.of("url", List.of("https://exa mple.org/"), "url.spaces"),
        Arguments.of("url", List.of("https://example.org/a\tb"), "url.spaces"),
        Arguments.of("url", List.of("javascript:alert(1)"), "url.scheme"),
        Arguments.of("url", List.of("JavaScript://example.org/%0Aalert(1)"), "url.scheme"),
        Arguments.of("url", List.of("data:text/html;base64,PHNjcmlwdD4="), "url.scheme"),
        Arguments.of("url", List.of("ftp://example.org/file"), "url.scheme"),
        Arguments.of("url", List.of("example.org/page"), "url.scheme"),
        Arguments.of("url", List.of("//example.org/page"), "url.scheme"),
        Arguments.of("url", List.of("https:///only/a/path"), "url.host"),
        Arguments.of("url", List.of("http://localhost:8080/admin"), "url.host"),
        Arguments.of("url", List.of("https://.example.org/"), "url.host"),
        Arguments.of("url", List.of("https://user:pass@example.org/"), "url.userinfo"),
        Arguments.of("url", List.of("https://user@example.org/"), "url.userinfo"),
        Arguments.of("description", List.of(""), "description.required"),
        Arguments.of("description", List.of("Too short."), "tooShort"),
        Arguments.of("description", List.of("d".repeat(2001)), "tooLong"),
        Arguments.of("description", List.of(SCRIPT), "markup"),
        Arguments.of("description", List.of("Good people. <a href=\"x\">click</a> here"), "markup"),
        Arguments.of("contact", List.of("c".repeat(201)), "tooLong"),
        Arguments.of("contact", List.of(SCRIPT), "markup"),
        Arguments.of("cancerTypes", List.of(), "cancerTypes.required"),
        Arguments.of("cancerTypes", List.of("", " "), "cancerTypes.required"),
        Arguments.of("cancerTypes", List.of("martian cancer"), "unknown"),
        Arguments.of("cancerTypes", List.of("breast", SCRIPT), "unknown"),
        Arguments.of("cancerTypes", elevenTypes, "tooMany"),
        Arguments.of("countries", List.of(), "countries.required"),
        Arguments.of("countries", List.of(""), "countries.required"),
        Arguments.of("countries", List.of("XX"), "unknown"),
        Arguments.of("countries", List.of("Atlantis"), "unknown"),
        Arguments.of("countries", List.of("US", SCRIPT), "unknown"),
        Arguments.of("countries", List.of("US'; DROP TABLE submissions;--"), "unknown"),
        Arguments.of("countries", elevenCountries, "tooMany"));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @MethodSource("badFields")
  void aBadFieldIsReportedWithItsCode(String field, List<String> values, String code) {
    Suggestion.Result r = read(with(form("Peer Mentors", "https://example.org/m"), field, values));
    assertThat(r.ok()).isFalse();
    assertThat(r.suggestion()).isNull();
    assertThat(r.errors()).containsOnlyKeys(field);
    assertThat(r.errors().get(field).code()).isEqualTo(code);
  }

  @Test
  void errorsForEveryFieldAreReportedTogetherInFormOrder() {
    Map<String, List<String>> f = new LinkedHashMap<>();
    Suggestion.Result r = read(f);
    assertThat(r.errors().keySet())
        .containsExactly("name", "url", "description", "cancerTypes", "countries");
    assertThat(r.errors().values())
        .extracting(Suggestion.FieldError::code)
        .containsExactly(
            "name.required",
            "url.required",
            "description.required",
            "cancerTypes.required",
            "countries.required");
    // Too-long and too-short errors carry the limit and the length.
    Suggestion.Result tooLong =
        read(with(form("ok name", "https://e.org"), "name", List.of("n".repeat(151))));
    assertThat(tooLong.errors().get("name").args()).containsExactly(150, 151);
  }

  // ---- the queue ---------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aValidSuggestionIsStoredPendingWithAReference(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Suggestion s = valid("Metastatic Peer Mentors", "https://example.org/mentors");
    Submission sub = submissions.submit(s);
    assertThat(sub.reference()).matches(Submissions.REFERENCE);
    assertThat(sub.status()).isEqualTo("pending");
    assertThat(sub.pending()).isTrue();
    assertThat(sub.name()).isEqualTo("Metastatic Peer Mentors");
    assertThat(sub.url()).isEqualTo("https://example.org/mentors");
    assertThat(sub.description()).isEqualTo(DESCRIPTION);
    assertThat(sub.cancerTypes()).containsExactly("breast", "metastatic cancer");
    assertThat(sub.countries()).containsExactly("US", "CA");
    assertThat(sub.contact()).isNull();
    assertThat(sub.createdAt()).isEqualTo("2026-11-22T00:00:00Z");
    assertThat(sub.decidedBy()).isNull();
    assertThat(sub.docId()).isNull();

    assertThat(submissions.get(sub.id())).contains(sub);
    assertThat(submissions.list("pending", 10)).containsExactly(sub);
    assertThat(submissions.count("pending")).isEqualTo(1);
    assertThat(submissions.count("approved")).isZero();
    assertThat(submissions.get(sub.id() + 1000)).isEmpty();

    Set<String> refs = new HashSet<>();
    refs.add(sub.reference());
    for (int i = 0; i < 15; i++) {
      Submission more = submissions.submit(valid("Group " + i, "https://example.org/g" + i));
      assertThat(more.reference()).matches(Submissions.REFERENCE);
      refs.add(more.reference());
    }
    assertThat(refs).hasSize(16);
    assertThat(submissions.list("pending", 5)).hasSize(5);
    assertThat(submissions.list("pending", 100)).first().isEqualTo(sub);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void sqlMetacharactersAreStoredVerbatim(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    String name = "O'Brien\"; DROP TABLE submissions; --";
    String description =
        "Robert'); DROP TABLE submissions;-- and \"quotes\", back\\slash, "
            + "100% _wild_ cards; SELECT * FROM users WHERE '1'='1'";
    String contact = "x' OR '1'='1";
    Map<String, List<String>> f = form(name, "https://example.org/obrien?q='1'");
    f.put("description", List.of(description));
    f.put("contact", List.of(contact));
    Suggestion.Result r = read(f);
    assertThat(r.errors()).isEmpty();
    Submission sub = submissions.submit(r.suggestion());

    Submission back = submissions.get(sub.id()).orElseThrow();
    assertThat(back.name()).isEqualTo(name);
    assertThat(back.description()).isEqualTo(description);
    assertThat(back.contact()).isEqualTo(contact);
    assertThat(back.url()).isEqualTo("https://example.org/obrien?q='1'");

    // The table is still there and still takes suggestions.
    submissions.submit(valid("Another Group", "https://example.org/another"));
    assertThat(submissions.count("pending")).isEqualTo(2);
    assertThat(submissions.list("pending", 10))
        .extracting(Submission::name)
        .containsExactly(name, "Another Group");
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void theSameUrlInAnotherFormIsADuplicateInTheQueue(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Submission first =
        submissions.submit(
            valid("Peer Mentors", "https://www.Example.org/path/?utm_source=x#frag"));
    for (String url :
        List.of(
            "http://example.org/path",
            "HTTPS://EXAMPLE.ORG/path/index.html",
            "https://example.org:443/path?fbclid=abc&utm_medium=y",
            "http://www.example.org//path//")) {
      DuplicateSuggestion e =
          assertThrows(
              DuplicateSuggestion.class, () -> submissions.submit(valid("Someone Else", url)));
      assertThat(e.listedAs()).as(url).isEmpty();
      assertThat(e.getMessage()).contains("already suggested");
    }
    assertThat(submissions.count("pending")).isEqualTo(1);
    assertThat(submissions.list("pending", 10)).containsExactly(first);
    // Another page of the same site is another resource.
    submissions.submit(valid("Peer Mentors Spain", "https://example.org/path/es"));
    submissions.submit(valid("Peer Mentors Query", "https://example.org/path?lang=es"));
    assertThat(submissions.count("pending")).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void aUrlAlreadyInTheKbIsADuplicateOfThatDocument(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    for (String url :
        List.of(
            "https://www.komen.org/",
            "http://komen.org",
            "https://KOMEN.org/?utm_campaign=spring#top")) {
      DuplicateSuggestion e =
          assertThrows(DuplicateSuggestion.class, () -> submissions.submit(valid("Komen", url)));
      assertThat(e.listedAs()).as(url).contains("Susan G. Komen");
      assertThat(e.getMessage()).contains("Susan G. Komen");
    }
    assertThat(submissions.count("pending")).isZero();
    submissions.submit(valid("Komen Spanish page", "https://www.komen.org/es/"));
    assertThat(submissions.count("pending")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void afterARejectionTheSameUrlMayBeSuggestedAgain(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    Curation curation = new Curation(db, Fixtures.clock(), kb, new AuditLog(db, Fixtures.clock()));
    User carol = new User(1, "carol", Role.CURATOR, false);
    Submission first = submissions.submit(valid("Peer Mentors", "https://example.org/m"));
    curation.reject(first.id(), "The site was down when we checked.", carol);
    assertThat(submissions.get(first.id()).orElseThrow().status()).isEqualTo("rejected");

    Submission again = submissions.submit(valid("Peer Mentors", "http://www.example.org/m/"));
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.reference()).isNotEqualTo(first.reference());
    assertThat(again.status()).isEqualTo("pending");
    assertThat(
            assertThrows(
                    DuplicateSuggestion.class,
                    () -> submissions.submit(valid("Peer Mentors", "https://example.org/m")))
                .listedAs())
        .isEmpty();

    curation.reject(again.id(), "Still down, sorry.", carol);
    submissions.submit(valid("Peer Mentors", "https://example.org/m"));
    assertThat(submissions.count("rejected")).isEqualTo(2);
    assertThat(submissions.count("pending")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void everyFormInABatchIsEitherAcceptedOrRejected(String vendor, @TempDir Path dir) {
    open(vendor, dir);
    List<Map<String, List<String>>> batch = new ArrayList<>();
    batch.add(form("Group One", "https://one.example.org/")); // ok
    batch.add(form("Group Two", "https://two.example.org/")); // ok
    batch.add(form("Group One Again", "http://one.example.org")); // queue dup
    batch.add(form("Komen", "https://komen.org")); // KB dup
    batch.add(form(SCRIPT, "https://three.example.org/")); // markup
    batch.add(form("Group Four", "javascript:alert(1)")); // scheme
    batch.add(
        with(
            form("Group Five", "https://five.example.org/"),
            "countries",
            List.of("XX"))); // country
    batch.add(form("O'Brien\"; DROP TABLE submissions; --", "https://six.example.org/")); // ok
    batch.add(
        with(
            form("Group Seven", "https://seven.example.org/"),
            "description",
            List.of("short"))); // too short
    batch.add(form("Group Eight", "https://eight.example.org/?utm_source=mail")); // ok
    batch.add(form("Group Eight Again", "https://www.eight.example.org/")); // queue dup
    batch.add(new LinkedHashMap<>()); // empty

    int accepted = 0;
    int rejected = 0;
    Map<String, Integer> why = new LinkedHashMap<>();
    for (Map<String, List<String>> f : batch) {
      Suggestion.Result r = read(f);
      if (!r.ok()) {
        rejected++;
        why.merge("invalid", 1, Integer::sum);
        continue;
      }
      try {
        submissions.submit(r.suggestion());
        accepted++;
      } catch (DuplicateSuggestion e) {
        rejected++;
        why.merge(e.listedAs().isPresent() ? "listed" : "queued", 1, Integer::sum);
      }
    }
    assertThat(accepted + rejected).isEqualTo(batch.size());
    assertThat(accepted).isEqualTo(4);
    assertThat(why)
        .containsExactlyInAnyOrderEntriesOf(Map.of("invalid", 5, "queued", 2, "listed", 1));
    assertThat(submissions.count("pending")).isEqualTo(accepted);
  }

  @ParameterizedTest
  @MethodSource("org.metshub.testing.TestDatabases#vendors")
  void peopleSuggestingTheSameSiteAtOnceMakeOneEntry(String vendor, @TempDir Path dir)
      throws Exception {
    open(vendor, dir);
    int n = 8;
    CyclicBarrier barrier = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        String url =
            i % 2 == 0 ? "https://www.example.org/together/" : "http://example.org/together";
        Suggestion s = valid("Together " + i, url);
        results.add(
            pool.submit(
                () -> {
                  barrier.await(10, TimeUnit.SECONDS);
                  try {
                    submissions.submit(s);
                    return "accepted";
                  } catch (MetsHubException e) {
                    return e instanceof DuplicateSuggestion d && d.listedAs().isEmpty()
                        ? "queued"
                        : e.toString();
                  }
                }));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
      assertThat(outcomes)
          .filteredOn(o -> !o.equals("accepted"))
          .hasSize(n - 1)
          .containsOnly("queued");
    } finally {
      pool.shutdownNow();
    }
    assertThat(submissions.count("pending")).isEqualTo(1);
    int rows =
        db.tx(
            c -> {
              try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM submissions");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            });
    assertThat(rows).isEqualTo(1);
  }
}
