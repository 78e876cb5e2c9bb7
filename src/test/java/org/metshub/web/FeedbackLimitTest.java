package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.Config;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.testing.Fixtures;

/** Issue 14, defect 8: POST /feedback had no rate limit; now it is limited per client. */
class FeedbackLimitTest {
  @Test
  void feedbackBeyondTheHourlyLimitIsA429WithRetryAfter(@TempDir Path dir) throws Exception {
    // Its own database: the limit is counted there (shared by every node on it), and the test
    // clock never moves, so a shared test database would carry other tests' feedback.
    App app =
        App.open(
            SkippedKbFilesTest.brokenKb(dir),
            dir.resolve("data"),
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()));
    Config.Limits d = Config.Limits.DEFAULT;
    WebServer server =
        WebServer.start(
            app,
            Fixtures.clock(),
            "127.0.0.1",
            0,
            HostileSite.defaults()
                .withRateLimits(new Config.Limits(d.suggestionsPerHour(), 2, d.loginsPerMinute())));
    try (app;
        server) {
      RawHttp.Reply page =
          RawHttp.exchange(
              server.port(),
              "GET /ask?q=what+is+bone+metastasis"
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      String cookie = page.header("Set-Cookie");
      String token = cookie.substring("mh_form=".length(), cookie.indexOf(';'));
      String body = "csrf=" + token + "&q=bone&helpful=yes";
      int[] statuses = new int[3];
      for (int i = 0; i < 3; i++) {
        RawHttp.Reply r =
            RawHttp.exchange(
                server.port(),
                "POST /feedback HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nCookie: mh_form="
                    + token
                    + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + body.length()
                    + "\r\nConnection: close\r\n\r\n"
                    + body);
        statuses[i] = r.status();
        if (i == 2) {
          assertThat(r.header("Retry-After")).isNotNull();
          assertThat(r.body()).contains("2 replies from you in the last hour");
        }
      }
      assertThat(statuses).containsExactly(200, 200, 429);
    }
  }
}
