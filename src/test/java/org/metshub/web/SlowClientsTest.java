package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, defect 1: slow uploads froze the server. A few hundred connections that send the
 * headers of a POST and then a trickle of the body must not stop /healthz from answering, must be
 * cut off (connections per address, header and body deadlines), and must be logged as one WARN line
 * per client, without a stack trace. The attack comes from 127.0.0.2, the probe from 127.0.0.1;
 * loopback only.
 */
class SlowClientsTest {
  private static final String ATTACKER = "127.0.0.2";

  private static String stalledPost(int port) {
    return "POST /api/v1/answer HTTP/1.1\r\nHost: 127.0.0.1:"
        + port
        + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"qu";
  }

  @Test
  void healthzAnswersWhileHundredsOfUploadsStall() throws Exception {
    WebOptions options =
        HostileSite.defaults().withLimits(300, Duration.ofSeconds(5), Duration.ofSeconds(4));
    List<Socket> attack = new ArrayList<>();
    try (WebServer server = HostileSite.start(options);
        LogCapture log = new LogCapture(BodyGate.class)) {
      for (int i = 0; i < 250; i++) {
        Socket s = RawHttp.open(ATTACKER, server.port(), 20_000);
        OutputStream out = s.getOutputStream();
        out.write(stalledPost(server.port()).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        attack.add(s);
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      // Generous bound: the point is that it answers at all while 250 uploads hang (it took
      // 28 s before, and at 400 connections never answered).
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      // Each stalled upload ends with a 408 problem document once its body deadline passes.
      RawHttp.Reply first = RawHttp.parse(RawHttp.readAll(attack.get(0).getInputStream()));
      assertThat(first.status()).isEqualTo(408);
      assertThat(first.header("Content-Type")).startsWith("application/problem+json");
      assertThat(first.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CSP);
      assertThat(RawHttp.parse(RawHttp.readAll(attack.get(249).getInputStream())).status())
          .isEqualTo(408);

      List<ILoggingEvent> warnings =
          log.events().stream().filter(e -> e.getLevel() == Level.WARN).toList();
      assertThat(warnings).hasSize(1); // one line for the client, not one per request
      assertThat(warnings.get(0).getFormattedMessage())
          .contains(ATTACKER)
          .contains("408")
          .doesNotContain("Exception");
      assertThat(warnings.get(0).getThrowableProxy()).isNull();
      assertThat(log.events()).noneMatch(e -> e.getLevel() == Level.ERROR);
    } finally {
      for (Socket s : attack) {
        s.close();
      }
    }
  }

  /** True when the server closed the connection: end of stream or reset within the timeout. */
  private static boolean isClosed(Socket s, int timeoutMillis) throws java.io.IOException {
    s.setSoTimeout(timeoutMillis);
    try {
      return s.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  @Test
  void connectionsBeyondThePerClientCapAreClosedAndOthersStillServed() throws Exception {
    WebOptions options =
        HostileSite.defaults().withLimits(4, Duration.ofSeconds(30), Duration.ofSeconds(30));
    List<Socket> held = new ArrayList<>();
    try (WebServer server = HostileSite.start(options)) {
      for (int i = 0; i < 6; i++) {
        Socket s = RawHttp.open(ATTACKER, server.port(), 1_000);
        s.getOutputStream().write(stalledPost(server.port()).getBytes(StandardCharsets.US_ASCII));
        held.add(s);
      }
      // Which two of the six are refused depends on the order Jetty opens them in; the
      // refused ones see the connection closed without a reply, the others wait for a body.
      // The server refuses them when it gets to them, which on a loaded machine can take
      // longer than one read timeout: look again until two are closed or 20 s have passed.
      List<Socket> open = new ArrayList<>(held);
      int closed = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (closed < 2 && System.nanoTime() < deadline) {
        for (java.util.Iterator<Socket> it = open.iterator(); it.hasNext(); ) {
          if (isClosed(it.next(), 200)) {
            it.remove();
            closed++;
          }
        }
      }
      // The other four stay open: a whole read timeout passes on each without a close.
      for (Socket s : open) {
        closed += isClosed(s, 1_000) ? 1 : 0;
      }
      assertThat(closed).isEqualTo(2);
      RawHttp.Reply other =
          RawHttp.exchange(
              server.port(),
              "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertThat(other.status()).isEqualTo(200);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aConnectionThatNeverFinishesItsHeadersIsClosed() throws IOException {
    WebOptions options =
        HostileSite.defaults().withLimits(8, Duration.ofSeconds(1), Duration.ofSeconds(30));
    try (WebServer server = HostileSite.start(options);
        LogCapture log = new LogCapture(ClientConnections.class);
        Socket s = RawHttp.open(ATTACKER, server.port(), 20_000)) {
      s.getOutputStream()
          .write("GET /healthz HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat(log.events())
          .anyMatch(
              e ->
                  e.getLevel() == Level.WARN
                      && e.getFormattedMessage().contains("no complete request headers")
                      && e.getThrowableProxy() == null);
    }
  }
}
