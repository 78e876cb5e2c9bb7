package org.metshub.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the safety tables of {@code src/test/resources/safety/cases/}: crisis.yaml (self-harm
 * messages), urgent.yaml (emergency symptoms, each with its red flag) and not-urgent.yaml
 * (questions that must stay informational, and requests that must be refused).
 */
public final class SafetyCasesTable {
  static final List<String> FILES = List.of("crisis.yaml", "urgent.yaml", "not-urgent.yaml");

  private SafetyCasesTable() {}

  /**
   * One row of a table.
   *
   * @param outcome {@code self_harm}, {@code urgent}, {@code refused} or {@code safe}
   * @param kind the red flag of an urgent message ({@code bleeding}, {@code fainting}, ...)
   * @param language the language the reply must be in
   * @param person {@code self} or {@code other}, for crisis and urgent messages
   * @param country the country the message itself names, as an ISO code
   */
  public record Case(
      String file,
      int index,
      String message,
      String outcome,
      Optional<String> kind,
      String language,
      Optional<String> person,
      Optional<String> country) {
    @Override
    public String toString() {
      return file
          + "["
          + index
          + "] "
          + outcome
          + kind.map(k -> ":" + k).orElse("")
          + " <- "
          + message;
    }
  }

  /** Every row of every table, in file order. */
  public static List<Case> all() {
    return FILES.stream().flatMap(f -> read(f).stream()).toList();
  }

  static List<Case> read(String file) {
    String path = "/safety/cases/" + file;
    try (InputStream in = SafetyCasesTable.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + ": not on the test class path");
      }
      JsonNode cases = new ObjectMapper(new YAMLFactory()).readTree(in).get("cases");
      List<Case> out = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        JsonNode c = cases.get(i);
        out.add(
            new Case(
                file,
                i,
                c.get("message").asText(),
                c.get("outcome").asText(),
                text(c, "kind"),
                c.get("language").asText(),
                text(c, "person"),
                text(c, "country")));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> text(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }
}
