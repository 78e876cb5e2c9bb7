package org.metshub.web;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.metshub.Config;

/**
 * How the server meets the network, read once by {@code serve} and passed down.
 *
 * @param trustedProxies whose {@code X-Forwarded-*} headers count (none by default)
 * @param publicUrl the site's public address for absolute links (feeds, sitemap, robots.txt,
 *     JSON-LD); without it links are relative where the format allows, else on the bind address
 * @param bindBase scheme, host and port the server listens on, the fallback for absolute links
 * @param connectionsPerClient open connections one client address may hold; more are closed at once
 *     (trusted proxies are exempt: they carry many clients)
 * @param headerTimeout time a new connection has to send its first request's headers
 * @param bodyTimeout time a request has to send its whole body, however it trickles in
 * @param rateLimits what one client may send to the forms (suggestions, feedback, logins)
 */
public record WebOptions(
    TrustedProxies trustedProxies,
    Optional<URI> publicUrl,
    String bindBase,
    int connectionsPerClient,
    Duration headerTimeout,
    Duration bodyTimeout,
    Config.Limits rateLimits) {
  /** Connections per address: a browser opens about 6; 32 leaves room for a busy office NAT. */
  public static final int CONNECTIONS_PER_CLIENT = 32;

  /** 10 s: a 16 KiB body arrives in far less on any link a person would use. */
  public static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

  public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

  public WebOptions {
    if (connectionsPerClient < 1) {
      throw new IllegalArgumentException(
          "connections per client must be at least 1, got " + connectionsPerClient);
    }
    if (headerTimeout.isNegative()
        || headerTimeout.isZero()
        || bodyTimeout.isNegative()
        || bodyTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    publicUrl = publicUrl.map(WebOptions::checkPublicUrl);
    java.util.Objects.requireNonNull(rateLimits, "rateLimits");
  }

  /** The defaults, listening on {@code host:port}. */
  public static WebOptions defaults(String host, int port) {
    return new WebOptions(
        TrustedProxies.NONE,
        Optional.empty(),
        bindBase(host, port),
        CONNECTIONS_PER_CLIENT,
        HEADER_TIMEOUT,
        BODY_TIMEOUT,
        Config.Limits.DEFAULT);
  }

  public WebOptions withTrustedProxies(TrustedProxies t) {
    return new WebOptions(
        t, publicUrl, bindBase, connectionsPerClient, headerTimeout, bodyTimeout, rateLimits);
  }

  public WebOptions withPublicUrl(Optional<URI> u) {
    return new WebOptions(
        trustedProxies, u, bindBase, connectionsPerClient, headerTimeout, bodyTimeout, rateLimits);
  }

  public WebOptions withLimits(int perClient, Duration headers, Duration body) {
    return new WebOptions(
        trustedProxies, publicUrl, bindBase, perClient, headers, body, rateLimits);
  }

  public WebOptions withRateLimits(Config.Limits l) {
    return new WebOptions(
        trustedProxies, publicUrl, bindBase, connectionsPerClient, headerTimeout, bodyTimeout, l);
  }

  WebOptions withBindBase(String base) {
    return new WebOptions(
        trustedProxies,
        publicUrl,
        base,
        connectionsPerClient,
        headerTimeout,
        bodyTimeout,
        rateLimits);
  }

  static String bindBase(String host, int port) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + (port == 80 ? "" : ":" + port);
  }

  /** An absolute http(s) URL without query or fragment; the trailing slash is dropped. */
  public static URI checkPublicUrl(URI u) {
    String s = u.toString();
    if (!u.isAbsolute()
        || u.getHost() == null
        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getRawQuery() != null
        || u.getRawFragment() != null
        || u.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "--public-url must be an absolute http(s) URL such "
              + "as https://metshub.example.org, got '"
              + Text.clip(s, 80)
              + "'");
    }
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }
}
