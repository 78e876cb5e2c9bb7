package org.metshub.answer;

import java.util.Objects;

/**
 * A crisis line to show to someone who may be thinking of suicide or self-harm.
 *
 * @param name the service, e.g. "988 Suicide &amp; Crisis Lifeline"
 * @param contact how to reach it, in the user's language, e.g. "Call or text 988"
 * @param url the service's own web page
 */
public record CrisisLine(String name, String contact, String url) {
  public CrisisLine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(url, "url");
  }
}
