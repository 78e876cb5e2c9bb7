package org.metshub.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a bare socket, for requests no well-behaved client would send: malformed framing,
 * illegal characters, trickled bodies, a chosen loopback source address. Loopback only.
 */
final class RawHttp {
  private RawHttp() {}

  /** A parsed response: status, headers with lower-case names (last value wins), body. */
  record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Opens a socket to the loopback port from {@code source} (another 127.x address). */
  static Socket open(String source, int port, int readTimeoutMillis) {
    try {
      Socket s = new Socket();
      s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      s.setSoTimeout(readTimeoutMillis);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request} as is and reads the reply until the server closes. */
  static Reply exchange(int port, byte[] request) {
    try (Socket s = open("127.0.0.1", port, 20_000)) {
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      s.shutdownOutput();
      return parse(readAll(s.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reply exchange(int port, String request) {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived before a reset or the timeout is the reply
    }
    return out.toByteArray();
  }

  /** True when the server closed the connection: a read returns end of stream or a reset. */
  static boolean closedByServer(Socket s) {
    try {
      readAll(s.getInputStream()); // returns only at end of stream
      return true;
    } catch (IOException e) {
      return true;
    }
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  static Reply parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    while (text.startsWith("HTTP/1.1 100") && text.indexOf("\r\n\r\n") > 0) {
      text = text.substring(text.indexOf("\r\n\r\n") + 4); // an interim 100 Continue
    }
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      return new Reply(0, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Reply(status, headers, body);
  }

  private static String unchunk(String s) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < s.length()) {
      int eol = s.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size;
      try {
        size = Integer.parseInt(s.substring(at, eol).split(";")[0].strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) {
        break;
      }
      int start = eol + 2;
      // sizes count bytes; the bodies here are what the server wrote, so close enough in chars
      int stop = Math.min(s.length(), start + size);
      out.append(s, start, stop);
      at = stop + 2;
    }
    return out.toString();
  }
}
