package org.metshub.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.curation.AuditLog;
import org.metshub.curation.Role;
import org.metshub.curation.Users;
import org.metshub.store.Database;
import org.metshub.testing.Eventually;
import org.metshub.testing.TestDatabases;
import org.metshub.testing.TestFiles;
import org.metshub.testing.WebForms;

/**
 * Issue 18, the proof on this machine: PostgreSQL, two {@code metshub serve} processes on one KB
 * folder, and Debian's nginx on loopback in front of them as the load balancer. Checked through
 * nginx and through each node directly: a session from one node on the other, an approval on one
 * served by the other, a conversation carried across, login lockout across nodes, a node killed
 * with SIGKILL in the middle of an approval (the other node and the restarted one agree, nothing
 * half written), and a node that was down while three items were approved catching up.
 *
 * <p>Needs nginx and PostgreSQL: skipped without them, failed under {@code CI} ({@code .ci/run}
 * installs and starts both). The nodes run the real embedding model, as {@code serve} does.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterBehindNginxTest {
  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final String PASSWORD = "correct horse battery staple";

  final List<Process> processes = new ArrayList<>();
  Path dir;
  Path kb;
  String dbUrl;
  Database db;

  @AfterEach
  void stop() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  /** A node: its port and its process (replaced when restarted). */
  final class Node {
    final String name;
    final int port;
    Process process;

    Node(String name) {
      this.name = name;
      this.port = freePort();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    void start() throws IOException {
      Path data = dir.resolve("data-" + name);
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd =
          List.of(
              java,
              "-Xmx768m",
              "--add-modules",
              "jdk.incubator.vector",
              "--enable-native-access=ALL-UNNAMED",
              "-Dai.djl.offline=true",
              // Every request comes from 127.0.0.1, and the limit is shared by the nodes.
              "-Dmetshub.suggest.perHour=100",
              "-cp",
              System.getProperty("java.class.path"),
              "org.metshub.cli.Main",
              "serve",
              "--kb",
              kb.toString(),
              "--data",
              data.toString(),
              "--port",
              Integer.toString(port),
              "--kb-poll",
              "1",
              "--trusted-proxy",
              "127.0.0.1");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
      pb.environment().put("METSHUB_DB_URL", dbUrl);
      pb.environment().put("METSHUB_DB_USER", System.getenv("METSHUB_TEST_PG_USER"));
      pb.environment().put("METSHUB_DB_PASSWORD", System.getenv("METSHUB_TEST_PG_PASSWORD"));
      process = pb.start();
      processes.add(process);
    }

    void awaitReady() throws Exception {
      boolean ready =
          Eventually.within(
              240_000,
              () -> {
                try {
                  return !process.isAlive()
                      ? false
                      : HttpClient.newHttpClient()
                              .send(
                                  HttpRequest.newBuilder(uri("/readyz"))
                                      .timeout(Duration.ofSeconds(5))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString())
                              .statusCode()
                          == 200;
                } catch (IOException e) {
                  return false;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                }
              });
      if (!ready) {
        fail("node " + name + " did not become ready; its log:\n" + log());
      }
    }

    void kill9() throws Exception {
      process.destroyForcibly(); // SIGKILL
      process.waitFor(30, TimeUnit.SECONDS);
    }

    String log() {
      try {
        String s = Files.readString(dir.resolve(name + ".log"));
        return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }

  /** A browser: one cookie jar for every port of 127.0.0.1. */
  static final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(URI base, String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI base, String path, Map<String, ?> form) throws Exception {
      return http.send(postRequest(base, path, form), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest postRequest(URI base, String path, Map<String, ?> form) {
      return HttpRequest.newBuilder(base.resolve(path))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(WebForms.encode(form)))
          .build();
    }

    HttpResponse<String> login(URI base, String user, String password) throws Exception {
      String csrf = WebForms.csrfOf(get(base, "/console/login").body());
      return post(
          base, "/console/login", Map.of("csrf", csrf, "username", user, "password", password));
    }

    HttpResponse<String> suggest(URI base, String name, String url) throws Exception {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", name);
      f.put("url", url);
      f.put(
          "description",
          "A free helpline and online group for people living with "
              + "metastatic breast cancer and the people who care for them.");
      f.put("cancerTypes", List.of("breast", "metastatic cancer"));
      f.put("countries", List.of("GB"));
      f.put("contact", "helper@example.org");
      f.put("csrf", WebForms.csrfOf(get(base, "/suggest").body()));
      return post(base, "/suggest", f);
    }

    JsonNode answer(URI base, String question, String conversation) throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("question", question);
      if (conversation != null) {
        body.put("conversationId", conversation);
      }
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/answer"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          new ObjectMapper().writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return new ObjectMapper().readTree(r.body());
    }
  }

  @Test
  void twoNodesBehindNginxShareSessionsCurationConversationsAndLockouts(@TempDir Path tmp)
      throws Exception {
    requireTools();
    dir = tmp;
    kb = dir.resolve("kb");
    TestFiles.copyTree(Path.of("kb"), kb);
    // A fresh schema, migrated here; the nodes reach it through currentSchema in their URL.
    String schema = TestDatabases.newPgSchema();
    db =
        Database.open(
            TestDatabases.pgUrl(),
            System.getenv("METSHUB_TEST_PG_USER"),
            System.getenv("METSHUB_TEST_PG_PASSWORD"),
            schema);
    dbUrl =
        TestDatabases.pgUrl()
            + (TestDatabases.pgUrl().contains("?") ? "&" : "?")
            + "currentSchema="
            + schema;
    Users users = new Users(db, Clock.systemUTC(), new AuditLog(db, Clock.systemUTC()));
    users.add("cy", PASSWORD, Role.CURATOR, "test");
    users.add("ada", PASSWORD, Role.ADMIN, "test");

    Node a = new Node("a");
    Node b = new Node("b");
    a.start();
    b.start();
    a.awaitReady();
    b.awaitReady();
    URI lb = startNginx(a, b);
    URI atA = a.uri("/");
    URI atB = b.uri("/");

    // The load balancer reaches both nodes and serves the site.
    Browser reader = new Browser();
    for (int i = 0; i < 4; i++) {
      assertThat(reader.get(lb, "/readyz").statusCode()).isEqualTo(200);
    }
    assertThat(reader.get(lb, "/docs/bone-metastases").statusCode()).isEqualTo(200);

    // Logged in through nginx; the session works on each node directly.
    Browser curator = new Browser();
    assertThat(curator.login(lb, "cy", PASSWORD).statusCode()).isEqualTo(303);
    assertThat(curator.get(atA, "/console").statusCode()).isEqualTo(200);
    assertThat(curator.get(atB, "/console").statusCode()).isEqualTo(200);

    // Suggested on A, approved on B, found on A within 5 s: page, directory, search, answers.
    assertThat(
            reader
                .suggest(atA, "Cluster Friends", "https://cluster-friends.example.org/")
                .statusCode())
        .isEqualTo(303);
    approve(curator, atB, pendingId("Cluster Friends"));
    assertThat(Eventually.within(5_000, () -> status(reader, atA, "/docs/cluster-friends") == 200))
        .as("A serves the page B approved within 5 s")
        .isTrue();
    assertThat(reader.get(atA, "/directory?country=GB").body()).contains("Cluster Friends");
    assertThat(reader.get(atA, "/search?q=cluster+friends").body())
        .contains("/docs/cluster-friends");
    assertThat(reader.answer(atA, "cluster friends helpline", null).toString())
        .contains("cluster-friends");

    // A conversation started on A is answered by B.
    String conversation =
        reader.answer(atA, "what are bone metastases", null).path("conversationId").asText();
    assertThat(
            reader
                .answer(atB, "how are they treated", conversation)
                .path("conversationId")
                .asText())
        .isEqualTo(conversation);

    // Wrong passwords count across nodes: five, alternating, lock the name on both.
    Browser stranger = new Browser();
    for (int i = 0; i < 5; i++) {
      assertThat(stranger.login(i % 2 == 0 ? atA : atB, "ada", "wrong " + i).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> locked = stranger.login(atB, "ada", PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(locked.body()).contains("please wait until");

    // SIGKILL of A in the middle of an approval: B and the restarted A agree, and the store
    // and the KB folder agree (approved with its file, or still pending without one).
    // Killed at three moments, since where an approval is when SIGKILL lands is not
    // deterministic: each outcome must be whole.
    for (int delay : new int[] {20, 70, 150}) {
      String name = "Killed Midway " + delay;
      String slug = "killed-midway-" + delay;
      assertThat(reader.suggest(atB, name, "https://" + slug + ".example.org/").statusCode())
          .isEqualTo(303);
      long killedId = pendingId(name);
      String detail = curator.get(atA, "/console/submissions/" + killedId).body();
      CompletableFuture<HttpResponse<String>> inFlight =
          curator.http.sendAsync(
              curator.postRequest(
                  atA,
                  "/console/submissions/" + killedId + "/approve",
                  Map.of("csrf", WebForms.csrfOf(detail), "status", "active")),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(delay);
      a.kill9();
      inFlight.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
      // Through nginx the site still answers while A is down.
      for (int i = 0; i < 4; i++) {
        assertThat(reader.get(lb, "/docs/bone-metastases").statusCode()).isEqualTo(200);
      }
      a.start();
      a.awaitReady();
      String state = submissionStatus(killedId);
      boolean file = Files.exists(kb.resolve("directory/" + slug + ".md"));
      System.out.println(
          "ClusterBehindNginxTest: the approval A was killed in after "
              + delay
              + " ms ended as '"
              + state
              + "', file "
              + (file ? "written" : "not written"));
      assertThat(state).as("no half-written approval").isIn("approved", "pending");
      assertThat(file)
          .as("the file exists exactly when the store says approved")
          .isEqualTo(state.equals("approved"));
      int expected = file ? 200 : 404;
      assertThat(
              Eventually.within(
                  5_000,
                  () ->
                      status(reader, atA, "/docs/" + slug) == expected
                          && status(reader, atB, "/docs/" + slug) == expected))
          .as("A and B agree on the killed approval (" + state + ")")
          .isTrue();
    }

    // B down while A approves three items; B catches up when it comes back.
    b.kill9();
    List<String> names = List.of("Caught Up One", "Caught Up Two", "Caught Up Three");
    for (String name : names) {
      String slug = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
      assertThat(reader.suggest(atA, name, "https://" + slug + ".example.org/").statusCode())
          .isEqualTo(303);
      approve(curator, atA, pendingId(name));
    }
    b.start();
    b.awaitReady();
    for (String name : names) {
      String slug = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
      assertThat(status(reader, atB, "/docs/" + slug)).as(name + " on B").isEqualTo(200);
    }
    assertThat(reader.get(atB, "/directory?country=GB").body()).contains(names);
  }

  void approve(Browser curator, URI node, long id) throws Exception {
    String page = curator.get(node, "/console/submissions/" + id).body();
    HttpResponse<String> r =
        curator.post(
            node,
            "/console/submissions/" + id + "/approve",
            Map.of("csrf", WebForms.csrfOf(page), "status", "active"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  long pendingId(String name) {
    return db.read(
        c -> {
          try (var ps = c.prepareStatement("SELECT id FROM submissions WHERE name = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
              assertThat(rs.next()).as("a submission named " + name).isTrue();
              return rs.getLong(1);
            }
          }
        });
  }

  String submissionStatus(long id) {
    return db.read(
        c -> {
          try (var ps = c.prepareStatement("SELECT status FROM submissions WHERE id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  URI startNginx(Node a, Node b) throws Exception {
    int port = freePort();
    Path prefix = dir.resolve("nginx");
    Files.createDirectories(prefix.resolve("logs"));
    Files.createDirectories(prefix.resolve("tmp"));
    String root = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    Files.writeString(
        prefix.resolve("nginx.conf"),
        root
            + """
        worker_processes 1;
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 128; }
        http {
          access_log off;
          client_body_temp_path %1$s/tmp/body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;
          upstream metshub {
            server 127.0.0.1:%2$d max_fails=1 fail_timeout=2s;
            server 127.0.0.1:%3$d max_fails=1 fail_timeout=2s;
          }
          server {
            listen 127.0.0.1:%4$d;
            location / {
              proxy_pass http://metshub;
              proxy_set_header Host $host:$server_port;
              proxy_set_header X-Forwarded-For $remote_addr;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_next_upstream error timeout http_502;
              proxy_connect_timeout 2s;
            }
          }
        }
        """
                .formatted(prefix, a.port, b.port, port));
    Process nginx =
        new ProcessBuilder(
                NGINX.toString(),
                "-p",
                prefix.toString(),
                "-c",
                prefix.resolve("nginx.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
            .start();
    processes.add(nginx);
    URI lb = URI.create("http://127.0.0.1:" + port + "/");
    boolean up = Eventually.within(20_000, () -> status(new Browser(), lb, "/healthz") == 200);
    if (!up) {
      fail(
          "nginx did not start: "
              + Files.readString(prefix.resolve("logs/stdout.log"))
              + readOr(prefix.resolve("logs/error.log")));
    }
    return lb;
  }

  static String readOr(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }

  static int status(Browser b, URI base, String path) {
    try {
      return b.get(base, path).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  static void requireTools() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(NGINX)) {
      missing.add("nginx (Debian: apt-get install nginx-light; .ci/run installs it)");
    }
    if (TestDatabases.pgUrl() == null) {
      missing.add("PostgreSQL (METSHUB_TEST_PG_URL; .ci/run starts one)");
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "the cluster test needs " + String.join(" and ", missing);
    if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
      fail(message + "; CI is set, so this fails the build");
    }
    Assumptions.abort(message + "; skipped");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
