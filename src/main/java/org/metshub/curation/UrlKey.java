package org.metshub.curation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The key two URLs of the same resource share, for duplicate detection: scheme dropped (http and
 * https are the same resource), host lower-cased without {@code www.}, default port, fragment and
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}) dropped, remaining parameters
 * sorted, trailing slash and {@code index.html} dropped. {@code
 * https://www.Komen.org/?utm_source=x#top} and {@code http://komen.org} share {@code komen.org}.
 */
final class UrlKey {
  private UrlKey() {}

  /** The key of {@code url}, or the trimmed lower-cased text when it is not a URL. */
  public static String of(@Nullable String url) {
    String s = url == null ? "" : url.strip();
    try {
      URI u = new URI(s);
      String host = u.getHost();
      if (host == null) {
        return s.toLowerCase(Locale.ROOT);
      }
      host = host.toLowerCase(Locale.ROOT);
      if (host.startsWith("www.")) {
        host = host.substring(4);
      }
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      int port = u.getPort();
      String portPart = port == -1 || port == 80 || port == 443 ? "" : ":" + port;
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      path = path.replaceAll("/+", "/");
      if (path.endsWith("/index.html") || path.endsWith("/index.htm")) {
        path = path.substring(0, path.lastIndexOf('/') + 1);
      }
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String query = "";
      if (u.getRawQuery() != null) {
        query =
            Arrays.stream(u.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty())
                .filter(
                    p -> {
                      String k = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
                      return !k.startsWith("utm_") && !k.equals("fbclid") && !k.equals("gclid");
                    })
                .sorted()
                .collect(Collectors.joining("&"));
      }
      return host + portPart + path + (query.isEmpty() ? "" : "?" + query);
    } catch (URISyntaxException e) {
      return s.toLowerCase(Locale.ROOT);
    }
  }
}
