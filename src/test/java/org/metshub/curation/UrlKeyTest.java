package org.metshub.curation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key under which two URLs of one resource are the same. */
class UrlKeyTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "https://www.Komen.org/?utm_source=x#top, komen.org",
        "http://komen.org, komen.org",
        "HTTPS://WWW.KOMEN.ORG, komen.org",
        "https://www.Example.org/path/?utm_source=x#frag, example.org/path",
        "http://example.org/path, example.org/path",
        "https://example.org/path/index.html, example.org/path",
        "https://example.org/path/index.htm, example.org/path",
        "https://example.org/index.html, example.org",
        "https://example.org//a///b//, example.org/a/b",
        "https://example.org:443/a, example.org/a",
        "http://example.org:80/a, example.org/a",
        "https://example.org:8443/a, example.org:8443/a",
        "https://example.org./a, example.org/a",
        "'https://example.org/a?b=2&a=1', 'example.org/a?a=1&b=2'",
        "'https://example.org/a?utm_source=x&id=7&fbclid=y&gclid=z&UTM_Medium=m', 'example.org/a?id=7'",
        "https://example.org/a?, example.org/a",
        "'https://example.org/a?&&x=1&', 'example.org/a?x=1'",
        "https://example.org/Path/Case, example.org/Path/Case",
        "https://wwwexample.org/, wwwexample.org",
        "https://www2.example.org/, www2.example.org",
        "'  https://example.org/a  ', example.org/a",
        "'  Not A URL  ', not a url",
        "NULL, ''",
        "'', ''"
      })
  void keys(String url, String key) {
    assertThat(UrlKey.of(url)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({
    "https://example.org/a, https://example.org/b",
    "https://example.org, https://example.com",
    "https://example.org/p?id=1, https://example.org/p?id=2",
    "https://example.org/a, https://example.org:8080/a",
    "https://example.org/Path, https://example.org/path",
    "https://sub.example.org/, https://example.org/"
  })
  void differentResourcesHaveDifferentKeys(String a, String b) {
    assertThat(UrlKey.of(a)).isNotEqualTo(UrlKey.of(b));
  }
}
