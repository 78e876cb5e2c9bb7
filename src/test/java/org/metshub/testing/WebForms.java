package org.metshub.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What tests need to fill in the site's forms as a browser would. */
public final class WebForms {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

  private WebForms() {}

  /** The csrf hidden field of a page. */
  public static String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no csrf field in:\n" + html);
    }
    return m.group(1);
  }

  /** A form body, {@code application/x-www-form-urlencoded}; list values repeat the field. */
  public static String encode(Map<String, ?> fields) {
    return fields.entrySet().stream()
        .flatMap(
            e -> {
              Object v = e.getValue();
              List<?> vs = v instanceof List<?> l ? l : List.of(v);
              return vs.stream()
                  .map(
                      x ->
                          URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                              + "="
                              + URLEncoder.encode(String.valueOf(x), StandardCharsets.UTF_8));
            })
        .collect(Collectors.joining("&"));
  }
}
