package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.metshub.curation.Submission;
import org.metshub.testing.TestDatabases;

/**
 * The suggest form and the curator console through HTTP, on one store vendor (the subclasses pick
 * SQLite or PostgreSQL): access control on every console route, login with lockout, suggestion →
 * approval → live in the site, bad input on every field, reviews with history and diff, feedback
 * and content gaps reaching curators, admin-only pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleHttpTests {
  ConsoleSite site;

  abstract String vendor();

  @BeforeAll
  void start() throws Exception {
    // Without the store, each test is skipped one by one (below), so the run counts them as
    // skipped; an abort here would hide them ("Tests run: 0").
    if (TestDatabases.available(vendor())) {
      site = new ConsoleSite(vendor(), Files.createTempDirectory("metshub-console-"));
    }
  }

  @BeforeEach
  void requireStore() {
    TestDatabases.require(vendor());
  }

  @AfterAll
  void stop() {
    if (site != null) {
      site.close();
    }
  }

  static Map<String, Object> suggestion(String name, String url) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("url", url);
    f.put(
        "description",
        "A free helpline and online group for people living with "
            + "metastatic breast cancer and the people who care for them.");
    f.put("cancerTypes", List.of("breast", "metastatic cancer"));
    f.put("countries", List.of("GB", "IE"));
    f.put("contact", "helper@example.org");
    return f;
  }

  /** Posts a suggestion with the form's token; returns the response. */
  HttpResponse<String> suggest(ConsoleSite.Client c, Map<String, Object> fields) {
    Map<String, Object> f = new LinkedHashMap<>(fields);
    f.put("csrf", c.csrf("/suggest"));
    return c.post("/suggest", f);
  }

  String referenceOf(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    String loc = r.headers().firstValue("Location").orElseThrow();
    assertThat(loc).matches("/suggest/thanks\\?ref=MH-[0-9A-Z]{4}-[0-9A-Z]{4}");
    return loc.substring(loc.indexOf('=') + 1);
  }

  @Test
  void countriesTypedByNameInEitherLanguageJoinTheTickedOnes() {
    Map<String, Object> f = suggestion("Name Typed Group", "https://name-typed.example.org/");
    f.put("countries", List.of("CA"));
    f.put("countryOther", "Irlanda, new zealand; PT");
    Submission s = pending(referenceOf(suggest(site.client(), f)));
    assertThat(s.countries()).containsExactlyInAnyOrder("CA", "IE", "NZ", "PT");
    // Only the free field, with nothing ticked, is enough.
    Map<String, Object> only = suggestion("Only Typed Group", "https://only-typed.example.org/");
    only.remove("countries");
    only.put("countryOther", "España");
    assertThat(pending(referenceOf(suggest(site.client(), only))).countries())
        .containsExactly("ES");
  }

  Submission pending(String ref) {
    return site.app.submissions().list("pending", 1000).stream()
        .filter(s -> s.reference().equals(ref))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyConsoleRouteRefusesStrangersCuratorsOnAdminPagesAndForgedForms() {
    String ref =
        referenceOf(
            suggest(
                site.client(),
                suggestion("Route Check Trust", "https://route-check.example.org/")));
    long id = pending(ref).id();
    var anonymous = site.client();
    var curator = site.client().loggedIn("cy");
    var admin = site.client().loggedIn("ada");
    assertThat(ConsolePages.ROUTES).hasSize(18);
    for (String route : ConsolePages.ROUTES) {
      String method = route.substring(0, route.indexOf(' '));
      String path =
          route
                  .substring(route.indexOf(' ') + 1)
                  .replace("{id}", Long.toString(id))
                  .replace("{docId}", "bone-metastases")
                  .replace("{username}", "nobody")
              + (route.endsWith("/diff") ? "?from=1&to=1" : "");
      var anon =
          method.equals("GET") ? anonymous.get(path) : anonymous.post(path, Map.of("csrf", "x"));
      assertThat(anon.statusCode()).as("anonymous " + route).isEqualTo(401);
      if (method.equals("GET")) {
        assertThat(anon.body()).as("anonymous " + route).contains("Curator login");
      }
      if (ConsolePages.ADMIN_ROUTES.contains(route)) {
        String token = curator.csrf("/console");
        var r =
            method.equals("GET") ? curator.get(path) : curator.post(path, Map.of("csrf", token));
        assertThat(r.statusCode()).as("curator " + route).isEqualTo(403);
      }
      if (method.equals("POST")) {
        var forged = admin.post(path, Map.of("csrf", "forged-token"));
        assertThat(forged.statusCode()).as("forged " + route).isEqualTo(403);
        var none = admin.post(path, Map.of());
        assertThat(none.statusCode()).as("no token " + route).isEqualTo(403);
      }
    }
    // Nothing above changed the suggestion.
    assertThat(site.app.submissions().get(id).orElseThrow().status()).isEqualTo("pending");
    // The right users get through.
    assertThat(curator.get("/console/submissions").statusCode()).isEqualTo(200);
    assertThat(admin.get("/console/audit").statusCode()).isEqualTo(200);
    assertThat(admin.get("/console/users").statusCode()).isEqualTo(200);
  }

  @Test
  void loginNeedsTheFormTokenCountsFailuresAndSetsAStrictCookie() {
    var c = site.client();
    String token = c.csrf("/console/login");
    assertThat(
            c.post("/console/login", Map.of("username", "cy", "password", ConsoleSite.PASSWORD))
                .statusCode())
        .as("no token")
        .isEqualTo(403);
    var wrong =
        c.post(
            "/console/login",
            Map.of("csrf", token, "username", "cy", "password", "not the password"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Wrong user name or password");
    assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(h -> h.startsWith("mh_console="));
    // Behind a TLS proxy the cookie is Secure (so this client will not send it over http).
    var secure = site.client();
    var viaHttps =
        secure.post(
            "/console/login",
            Map.of(
                "csrf",
                secure.csrf("/console/login"),
                "username",
                "cy",
                "password",
                ConsoleSite.PASSWORD),
            "X-Forwarded-Proto",
            "https");
    assertThat(viaHttps.headers().allValues("Set-Cookie"))
        .anyMatch(h -> h.startsWith("mh_console=") && h.contains("; Secure"));
    var ok =
        c.post(
            "/console/login",
            Map.of("csrf", token, "username", "cy", "password", ConsoleSite.PASSWORD));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location")).hasValue("/console");
    String cookie =
        ok.headers().allValues("Set-Cookie").stream()
            .filter(h -> h.startsWith("mh_console="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/console");
    assertThat(c.get("/console").body()).contains("Curator console", "cy");
    // Unknown users and empty or oversized fields are refused the same way, never a 500.
    for (var f :
        List.of(
            Map.of("csrf", token, "username", "nobody", "password", "x"),
            Map.of("csrf", token, "username", "", "password", ""),
            Map.of("csrf", token, "username", "'; DROP TABLE users; --", "password", "' OR 1=1 --"),
            Map.of("csrf", token, "username", "<script>alert(1)</script>", "password", "x"))) {
      var r = site.client().post("/console/login", f);
      assertThat(r.statusCode()).isIn(401, 403);
    }
    var huge =
        c.post(
            "/console/login",
            Map.of("csrf", token, "username", "cy", "password", "p".repeat(5000)));
    assertThat(huge.statusCode()).isEqualTo(400);
  }

  @Test
  void fiveWrongPasswordsLockTheAccount() throws Exception {
    site.app.users().add("dee", ConsoleSite.PASSWORD, org.metshub.curation.Role.CURATOR, "t");
    var c = site.client();
    HttpResponse<String> last = null;
    for (int i = 0; i < 5; i++) {
      last = c.login("dee", "wrong password " + i);
    }
    assertThat(last.statusCode()).isEqualTo(401);
    assertThat(last.body()).contains("please wait until");
    var right = c.login("dee", ConsoleSite.PASSWORD);
    assertThat(right.statusCode()).isEqualTo(401);
    assertThat(right.body()).contains("please wait until");
  }

  @Test
  void aSuggestionIsApprovedAndIsLiveInTheSiteAtOnce() throws Exception {
    var reader = site.client();
    HttpResponse<String> form = reader.get("/suggest");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains(
            "Suggest a resource", "name=\"cancerTypes\"", "name=\"countries\"", "name=\"csrf\"");
    String ref =
        referenceOf(
            suggest(
                reader,
                suggestion("Secondary Breast Friends", "https://secondary-friends.example.org/")));
    var thanks = reader.get("/suggest/thanks?ref=" + ref);
    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains(ref, "Thank you for your suggestion");

    var curator = site.client().loggedIn("cy");
    assertThat(curator.get("/console/submissions").body())
        .contains(ref, "Secondary Breast Friends");
    long id = pending(ref).id();
    var detail = curator.get("/console/submissions/" + id);
    assertThat(detail.body()).contains("helper@example.org", "Approve", "Reject");
    var approved =
        curator.post(
            "/console/submissions/" + id + "/approve",
            Map.of("csrf", ConsoleSite.csrfOf(detail.body()), "status", "active"));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(approved.body()).contains("Approved: directory/secondary-breast-friends.md");

    Path file = site.kb.resolve("directory/secondary-breast-friends.md");
    assertThat(file).exists();
    assertThat(Files.readString(file))
        .contains(
            "status: active", "reviewedBy: cy", "https://secondary-friends.example.org/", "GB");
    // Live: the document page, the directory and search have it without a restart.
    assertThat(reader.get("/docs/secondary-breast-friends").statusCode()).isEqualTo(200);
    assertThat(reader.get("/directory?country=GB").body()).contains("Secondary Breast Friends");
    assertThat(reader.get("/search?q=secondary+breast+friends").body())
        .contains("/docs/secondary-breast-friends");
    // And it is now a duplicate.
    var again =
        suggest(reader, suggestion("Same Again", "http://www.secondary-friends.example.org"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("we already list this resource");
    // A second approval of the same suggestion is a conflict, not a second file.
    var twice =
        curator.post(
            "/console/submissions/" + id + "/approve",
            Map.of("csrf", ConsoleSite.csrfOf(detail.body()), "status", "active"));
    assertThat(twice.statusCode()).isEqualTo(409);
    try (var files = Files.list(site.kb.resolve("directory"))) {
      assertThat(
              files.filter(p -> p.getFileName().toString().startsWith("secondary-breast")).count())
          .isEqualTo(1);
    }
  }

  @Test
  void aSuggestionOfSomethingAlreadyListedOrQueuedIsRefusedKindly() {
    var reader = site.client();
    var known = suggest(reader, suggestion("Komen again", "https://komen.org"));
    assertThat(known.statusCode()).isEqualTo(409);
    assertThat(known.body()).contains("we already list this resource", "Susan G. Komen");
    referenceOf(suggest(reader, suggestion("Queue Once", "https://queue-once.example.org/a")));
    var queued =
        suggest(
            reader,
            suggestion("Queue Twice", "https://WWW.queue-once.example.org/a/?utm_source=mail#top"));
    assertThat(queued.statusCode()).isEqualTo(409);
    assertThat(queued.body()).contains("already suggested this resource");
  }

  @Test
  void everyFieldSentEmptyTooLongOrMaliciousGetsAClearMessageAndNothingIsStored() {
    var reader = site.client();
    int before = site.app.submissions().count("pending");
    record Case(String field, Object value, String message) {}
    List<Case> cases =
        new ArrayList<>(
            List.of(
                new Case("name", "", "Please give the name"),
                new Case("name", "x".repeat(151), "too long: at most 150"),
                new Case("name", "<script>alert(1)</script>", "without HTML tags"),
                new Case("url", "", "Please give the web address"),
                new Case("url", "https://example.org/" + "a".repeat(500), "too long: at most 500"),
                new Case("url", "javascript:alert(1)", "must start with https://"),
                new Case("url", "https://exa mple.org", "has no spaces"),
                new Case("url", "https://localhost/", "needs a site name"),
                new Case("url", "https://user:pw@example.org/", "must not contain a user name"),
                new Case("description", "", "Please tell us"),
                new Case("description", "too short", "too short: please write at least 20"),
                new Case("description", "d".repeat(2001), "at most 2000"),
                new Case(
                    "description",
                    "Nice <img src=x onerror=alert(1)> group for everyone",
                    "without HTML tags"),
                new Case("cancerTypes", List.of(), "choose at least one cancer type"),
                new Case("cancerTypes", List.of("not-a-cancer"), "is not one of the choices"),
                new Case(
                    "cancerTypes",
                    List.of(
                        "breast",
                        "lung",
                        "liver",
                        "skin",
                        "bladder",
                        "kidney",
                        "colorectal",
                        "prostate",
                        "ovarian",
                        "pancreatic",
                        "brain"),
                    "at most 10"),
                new Case("countries", List.of(), "choose at least one country"),
                new Case("countries", List.of("XX"), "is not one of the choices"),
                new Case("countryOther", "Atlantis", "We do not know the country"),
                new Case("contact", "c".repeat(201), "at most 200"),
                new Case("contact", "<b>me</b>", "without HTML tags")));
    for (Case k : cases) {
      Map<String, Object> f = suggestion("Field Test Group", "https://field-test.example.org/");
      f.put(k.field(), k.value());
      HttpResponse<String> r = suggest(reader, f);
      assertThat(r.statusCode()).as(k.toString()).isEqualTo(400);
      assertThat(r.body())
          .as(k.toString())
          .contains(k.message().replace("\"", "&#34;"))
          .contains("Please correct 1 field(s) below.")
          .doesNotContain("<script>alert(1)</script>", "<img src=x");
      // What the reader typed in the other fields is kept.
      if (!k.field().equals("description")) {
        assertThat(r.body()).contains("A free helpline and online group");
      }
    }
    // Without the form token nothing is accepted either.
    var forged = reader.post("/suggest", suggestion("Forged", "https://forged.example.org/"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(site.app.submissions().count("pending")).isEqualTo(before);
    // SQL metacharacters are only text: stored as typed and shown escaped.
    Map<String, Object> sql =
        suggestion(
            "O'Brien \"Group\"; DROP TABLE submissions; --",
            "https://obrien.example.org/?a=1&b='2'");
    String ref = referenceOf(suggest(reader, sql));
    Submission s = pending(ref);
    assertThat(s.name()).isEqualTo("O'Brien \"Group\"; DROP TABLE submissions; --");
    var curator = site.client().loggedIn("cy");
    assertThat(curator.get("/console/submissions/" + s.id()).body())
        .contains("<dd>O'Brien \"Group\"; DROP TABLE submissions; --</dd>");
    assertThat(site.app.submissions().count("pending")).isEqualTo(before + 1);
  }

  @Test
  void aRejectionNeedsAReasonAndEndsTheSuggestion() {
    String ref =
        referenceOf(
            suggest(site.client(), suggestion("Reject Me", "https://reject-me.example.org/")));
    long id = pending(ref).id();
    var curator = site.client().loggedIn("cy");
    String token = curator.csrf("/console/submissions/" + id);
    var empty =
        curator.post(
            "/console/submissions/" + id + "/reject", Map.of("csrf", token, "reason", "  "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Please give a reason of 5 to 500 characters");
    // A refused reason comes back in the field, escaped, so nothing typed is lost.
    var script =
        curator.post(
            "/console/submissions/" + id + "/reject",
            Map.of("csrf", token, "reason", "<script>alert(1)</script>" + "x".repeat(500)));
    assertThat(script.statusCode()).isEqualTo(400);
    assertThat(script.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;xxx")
        .doesNotContain("<script>alert(1)");
    var ok =
        curator.post(
            "/console/submissions/" + id + "/reject",
            Map.of("csrf", token, "reason", "Not about cancer <b>at all</b>"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("Rejected " + ref, "Not about cancer &lt;b&gt;at all");
    var approve =
        curator.post(
            "/console/submissions/" + id + "/approve", Map.of("csrf", token, "status", "draft"));
    assertThat(approve.statusCode()).isEqualTo(409);
    assertThat(approve.body()).contains("already rejected");
    var badStatus =
        curator.post(
            "/console/submissions/" + id + "/approve",
            Map.of("csrf", token, "status", "published"));
    assertThat(badStatus.statusCode()).isEqualTo(400);
  }

  @Test
  void markReviewedBumpsTheVersionKeepsHistoryAndShowsTheDiff() throws Exception {
    var curator = site.client().loggedIn("cy");
    var queue = curator.get("/console/reviews?within=999");
    assertThat(queue.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile(
                "action=\"/console/reviews/liver-metastases\" method=\"post\">"
                    + "<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\"><input type=\"hidden\" "
                    + "name=\"hash\" value=\"([0-9a-f]{64})\">")
            .matcher(queue.body());
    assertThat(m.find()).as(queue.body()).isTrue();
    Path file = site.kb.resolve("learn/liver-metastases.md");
    String before = Files.readString(file);
    var stale =
        curator.post(
            "/console/reviews/liver-metastases",
            Map.of("csrf", m.group(1), "hash", "0".repeat(64)));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(Files.readString(file)).isEqualTo(before);
    var done =
        curator.post(
            "/console/reviews/liver-metastases", Map.of("csrf", m.group(1), "hash", m.group(2)));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("Marked liver-metastases reviewed on 2026-11-22");
    String after = Files.readString(file);
    assertThat(after).contains("lastReviewed: '2026-11-22'", "reviewedBy: \"cy\"");
    var history = curator.get("/console/docs/liver-metastases/history");
    assertThat(history.body()).contains("as found in the KB", "marked reviewed");
    var diff = curator.get("/console/docs/liver-metastases/diff?from=1&to=2");
    assertThat(diff.statusCode()).isEqualTo(200);
    assertThat(diff.body()).contains("class=\"added\">+ reviewedBy: \"cy\"", "class=\"removed\">");
    assertThat(curator.get("/console/docs/liver-metastases/diff?from=1&to=9").statusCode())
        .isEqualTo(404);
    assertThat(curator.get("/console/docs/liver-metastases/diff?from=x&to=2").statusCode())
        .isEqualTo(400);
    assertThat(curator.get("/console/docs/..%2Fetc/history").statusCode()).isIn(400, 404);
    assertThat(curator.get("/console/reviews?within=-1").statusCode()).isEqualTo(400);
  }

  @Test
  void feedbackGapsWarningsAndTheAuditLogReachTheCurators() {
    var reader = site.client();
    String ask = reader.get("/ask?q=can+my+goldfish+catch+metastatic+cancer+from+me").body();
    String token = ConsoleSite.csrfOf(ask);
    assertThat(
            reader
                .post(
                    "/feedback",
                    Map.of(
                        "csrf",
                        token,
                        "q",
                        "goldfish question",
                        "helpful",
                        "no",
                        "comment",
                        "nothing about pets"))
                .statusCode())
        .isEqualTo(200);
    var curator = site.client().loggedIn("cy");
    assertThat(curator.get("/console/feedback").body())
        .contains("nothing about pets", "did not help");
    assertThat(curator.get("/console/gaps").body()).contains("goldfish");
    assertThat(curator.get("/console/warnings").statusCode()).isEqualTo(200);
    var admin = site.client().loggedIn("ada");
    assertThat(admin.get("/console/audit").body()).contains("user.add", "ada");
  }

  @Test
  void aGapTaughtToTheSectionOfferedIsAnsweredFromItNextTime() throws Exception {
    String q = "if immunotherapy is working how long do people usually stay on it";
    String api = "/api/v1/answer?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8);
    var reader = site.client();
    String first = reader.get(api).body();
    assertThat(first).as(first).contains("\"outcome\" : \"abstained\"");

    var curator = site.client().loggedIn("cy");
    String page = curator.get("/console/gaps").body();
    Matcher m =
        Pattern.compile(
                "<form action=\"/console/gaps/teach\" method=\"post\" class=\"choice\"><input "
                    + "type=\"hidden\" "
                    + "name=\"csrf\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"key\" "
                    + "value=\"(if immunotherapy is working[^\"]*)\"><input type=\"hidden\" "
                    + "name=\"language\" value=\"en\"><input type=\"hidden\" name=\"section\" "
                    + "value=\"(immunotherapy#How checkpoint inhibitors work)\">"
                    + "<a href=\"/docs/immunotherapy#[a-z-]+\">“How checkpoint inhibitors work” "
                    + "\\(([^)]+)\\)</a> <button type=\"submit\" class=\"small\" aria-label=\"It "
                    + "answers: “How checkpoint inhibitors work” \\([^)]+\\)\">It answers</button>")
            .matcher(page);
    assertThat(m.find()).as(page).isTrue();
    Map<String, String> form =
        Map.of("csrf", m.group(1), "key", m.group(2), "language", "en", "section", m.group(3));

    // A forged form, a section not offered, a gap that does not exist: refused, nothing written.
    Path file = site.kb.resolve("treatment/immunotherapy.md");
    String before = Files.readString(file);
    assertThat(curator.post("/console/gaps/teach", Map.of("key", m.group(2))).statusCode())
        .isEqualTo(403);
    var notOffered = new java.util.HashMap<>(form);
    notOffered.put("section", "immunotherapy#Sources");
    assertThat(curator.post("/console/gaps/teach", notOffered).statusCode()).isEqualTo(400);
    var noGap = new java.util.HashMap<>(form);
    noGap.put("key", "no such question");
    assertThat(curator.post("/console/gaps/teach", noGap).statusCode()).isEqualTo(404);
    var empty = new java.util.HashMap<>(form);
    empty.put("section", "");
    assertThat(curator.post("/console/gaps/teach", empty).statusCode()).isEqualTo(400);
    assertThat(Files.readString(file)).isEqualTo(before);

    var taught = curator.post("/console/gaps/teach", form);
    assertThat(taught.statusCode()).as(taught.body()).isEqualTo(200);
    assertThat(taught.body())
        .contains("Added “" + q + "” to the questions of “How checkpoint inhibitors work”")
        .doesNotContain("value=\"if immunotherapy is working");
    assertThat(Files.readString(file)).contains("  - '" + q + "'");

    String again = reader.get(api).body();
    assertThat(again).as(again).contains("\"outcome\" : \"answered\"");
    assertThat(again).contains("\"heading\" : \"How checkpoint inhibitors work\"");
    assertThat(curator.post("/console/gaps/teach", form).statusCode()).isEqualTo(404);
  }

  @Test
  void suggestionsAndLoginsAreRateLimitedPerClient() throws Exception {
    try (ConsoleSite limited =
        new ConsoleSite(vendor(), Files.createTempDirectory("metshub-limits-"), 2, 3)) {
      var c = limited.client();
      for (int i = 0; i < 2; i++) {
        Map<String, Object> f =
            new LinkedHashMap<>(suggestion("Limit " + i, "https://limit-" + i + ".example.org/"));
        f.put("csrf", c.csrf("/suggest"));
        assertThat(c.post("/suggest", f).statusCode()).isEqualTo(303);
      }
      Map<String, Object> f =
          new LinkedHashMap<>(suggestion("Limit 3", "https://limit-3.example.org/"));
      f.put("csrf", c.csrf("/suggest"));
      var third = c.post("/suggest", f);
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).isPresent();
      assertThat(third.body()).contains("You have sent 2 suggestions in the last hour");
      assertThat(limited.app.submissions().count("pending")).isEqualTo(2);
      for (int i = 0; i < 3; i++) {
        assertThat(c.login("cy", "wrong " + i).statusCode()).isEqualTo(401);
      }
      assertThat(c.login("cy", ConsoleSite.PASSWORD).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void anAdminDisablingACuratorEndsTheirSessionAndLogoutEndsOne() {
    site.app.users().add("eve", ConsoleSite.PASSWORD, org.metshub.curation.Role.CURATOR, "t");
    var eve = site.client().loggedIn("eve");
    assertThat(eve.get("/console").statusCode()).isEqualTo(200);
    var admin = site.client().loggedIn("ada");
    String token = admin.csrf("/console/users");
    var r = admin.post("/console/users/eve/disable", Map.of("csrf", token));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Disabled eve");
    assertThat(eve.get("/console").statusCode()).isEqualTo(401);
    assertThat(admin.post("/console/users/ada/disable", Map.of("csrf", token)).statusCode())
        .isEqualTo(400);
    var cy = site.client().loggedIn("cy");
    var out = cy.post("/console/logout", Map.of("csrf", cy.csrf("/console")));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(cy.get("/console").statusCode()).isEqualTo(401);
  }
}
