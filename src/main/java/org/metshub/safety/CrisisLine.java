package org.metshub.safety;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A crisis line to show to someone who may be thinking of suicide or self-harm, in the reader's
 * language. A line has a phone number, a text-message option, or both; the international directory
 * has only its web address.
 *
 * @param name the service, e.g. "Samaritans"
 * @param phone the number as written in its country, e.g. "116 123"
 * @param text how to reach it by text message, e.g. "Text SHOUT to 85258"
 * @param chat the address of its web chat
 * @param url the service's own web page
 * @param country the ISO 3166-1 alpha-2 code of the country it serves, or {@code INT}
 * @param hours when it answers, e.g. "24 hours a day, every day"
 * @param languages the ISO 639-1 codes of the languages it answers in
 * @param note anything else a caller needs, e.g. "For Spanish, press 2"
 */
public record CrisisLine(
    String name,
    Optional<String> phone,
    Optional<String> text,
    Optional<String> chat,
    String url,
    String country,
    Optional<String> hours,
    List<String> languages,
    Optional<String> note) {
  public CrisisLine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(hours, "hours");
    languages = List.copyOf(languages);
    Objects.requireNonNull(note, "note");
  }

  /** The {@code tel:} address of the phone number ("tel:116123"), when there is one. */
  public Optional<String> tel() {
    return phone.map(org.metshub.text.Phones::tel);
  }

  /** True when the line can be called or texted (the international directory cannot). */
  public boolean callable() {
    return phone.isPresent() || text.isPresent();
  }
}
