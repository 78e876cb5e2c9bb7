package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.curation.Role;

/**
 * Issue 14, defect 9: five wrong passwords from anyone locked an account for 15 minutes, and
 * "locked until" appeared only for real accounts, which told a stranger which names exist. The site
 * trusts loopback as a proxy, so {@code X-Forwarded-For} picks the client address here.
 */
class LoginLockoutHttpTest {
  private static final String STRANGER = "203.0.113.7";
  private static final String OWNER = "198.51.100.20";

  @TempDir static Path dir;
  static ConsoleSite site;

  @BeforeAll
  static void start() {
    site = new ConsoleSite("sqlite", dir);
    site.app.users().add("dee", ConsoleSite.PASSWORD, Role.CURATOR, "test");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static HttpResponse<String> login(String from, String user, String password) {
    ConsoleSite.Client c = site.client();
    String token = c.csrf("/console/login");
    return c.post(
        "/console/login",
        Map.of("csrf", token, "username", user, "password", password),
        "X-Forwarded-For",
        from,
        "X-Forwarded-Proto",
        "https");
  }

  @Test
  void aStrangersWrongPasswordsDoNotLockTheOwnerOutFromAnotherAddress() {
    HttpResponse<String> last = null;
    for (int i = 0; i < 5; i++) {
      last = login(STRANGER, "dee", "wrong password " + i);
    }
    assertThat(last.statusCode()).isEqualTo(401);
    assertThat(last.body()).contains("please wait until");
    // The stranger's address waits, even with the right password...
    HttpResponse<String> stranger = login(STRANGER, "dee", ConsoleSite.PASSWORD);
    assertThat(stranger.statusCode()).isEqualTo(401);
    assertThat(stranger.body()).contains("please wait until");
    // ...and the owner, elsewhere, gets in at once.
    HttpResponse<String> owner = login(OWNER, "dee", ConsoleSite.PASSWORD);
    assertThat(owner.statusCode()).as(owner.body()).isEqualTo(303);
  }

  @Test
  void aNameThatIsNoAccountGetsTheSameAnswersAsOneThatIs() {
    List<String> real = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = login("192.0.2.50", "dee", "wrong password " + i);
      real.add(r.statusCode() + " " + normalised(r.body(), "dee"));
      HttpResponse<String> u = login("192.0.2.50", "nosuchcurator", "wrong password " + i);
      unknown.add(u.statusCode() + " " + normalised(u.body(), "nosuchcurator"));
    }
    assertThat(real.get(4)).contains("please wait until");
    assertThat(unknown).isEqualTo(real);
  }

  /** The page without what differs by design: the name typed and the form token. */
  private static String normalised(String html, String user) {
    return html.replace("value=\"" + user + "\"", "value=\"NAME\"")
        .replaceAll("name=\"csrf\" value=\"[A-Za-z0-9_-]+\"", "name=\"csrf\" value=\"T\"");
  }
}
