package org.metshub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metshub.App;
import org.metshub.answer.SafetyScreen;
import org.metshub.safety.SafetyPolicy;
import org.metshub.search.HashingEmbedder;
import org.metshub.testing.Fixtures;

/**
 * Issue 18: on SIGTERM ({@link WebServer#close}) a node stops taking connections at once, and a
 * request already in flight still gets its whole answer before the server stops.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GracefulStopTest {
  @Test
  void aStoppingServerRefusesNewConnectionsAndFinishesTheRequestInFlight(@TempDir Path dir)
      throws Exception {
    Path kb = SkippedKbFilesTest.brokenKb(dir);
    try (App app =
        App.open(
            kb,
            dir.resolve("data"),
            Fixtures.clock(),
            new HashingEmbedder(),
            SafetyScreen.policy(SafetyPolicy.bundled()))) {
      WebServer server = WebServer.start(app, Fixtures.clock(), "127.0.0.1", 0);
      int port = server.port();
      byte[] body = "{\"question\": \"what are bone metastases\"}".getBytes(StandardCharsets.UTF_8);
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(
            ("POST /api/v1/answer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/json\r\nContent-Length: "
                    + body.length
                    + "\r\nConnection: close\r\n"
                    + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, 10); // the request is in flight, its body half sent
        out.flush();
        Thread.sleep(200); // let the server start handling it

        Thread stopping = new Thread(server::close, "stopping");
        stopping.start();
        // The node stops taking connections...
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean refused = false;
        while (!refused && System.nanoTime() < end) {
          try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            Thread.sleep(20);
          } catch (ConnectException e) {
            refused = true;
          }
        }
        assertThat(refused).as("new connections refused while stopping").isTrue();
        // ...but waits for the request in flight, which then gets its answer.
        assertThat(stopping.isAlive()).as("close() waits for the request in flight").isTrue();
        out.write(body, 10, body.length - 10);
        out.flush();
        InputStream in = s.getInputStream();
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response).contains("\"outcome\"");
        stopping.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(stopping.isAlive()).as("close() returns once the request is done").isFalse();
      }
    }
  }
}
