package org.metshub.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metshub.cli.ThrowingCommand;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Conflict;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.error.MetsHubException.NotFound;
import org.metshub.error.MetsHubException.Unavailable;
import org.metshub.kb.FrontMatterException;
import org.metshub.web.ThrowingRoute;

/**
 * Each kind of failure through the two tables that map them, the CLI's exit codes and the web's
 * statuses, with the real handlers: what the CLI prints and returns, and the problem document and
 * page the web sends. An internal failure's message reaches the operator's console and the log,
 * never a web client; a raw exception is internal too, whatever its type.
 */
class ErrorTablesTest {
  /** Words that would only reach a client if an internal message leaked. */
  private static final String SECRET = "/srv/metshub/data/index";

  private static ThrowingRoute web;

  @BeforeAll
  static void start() {
    web = new ThrowingRoute();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  static Stream<Arguments> shownKinds() {
    return Stream.of(
        Arguments.of(
            new BadInput("unknown cancerType 'brest'; did you mean 'breast'?"),
            65,
            400,
            "Bad request"),
        Arguments.of(new NotFound("there is no document with id 'nope'"), 66, 404, "Not found"),
        Arguments.of(new Conflict("user 'ada' already exists"), 65, 409, "Conflict"),
        Arguments.of(
            new Unavailable(
                "Search is being prepared (indexing). Please try again in " + "a minute."),
            75,
            503,
            "Service unavailable"),
        // A subclass is of its kind.
        Arguments.of(
            new FrontMatterException(
                4, "lastReviewed", "must be a date (YYYY-MM-DD)", "2025-13-01"),
            65,
            400,
            "Bad request"));
  }

  @ParameterizedTest
  @MethodSource("shownKinds")
  void aKindForThePersonWhoAskedGetsItsCodeAndStatusAndItsMessageIsShown(
      MetsHubException failure, int exitCode, int status, String title) throws Exception {
    ThrowingCommand.Outcome cli = ThrowingCommand.run(failure);
    assertThat(cli.code()).isEqualTo(exitCode);
    assertThat(cli.err()).isEqualTo("metshub: " + failure.getMessage() + System.lineSeparator());

    ThrowingRoute.Response api = web.get("/api/v1/throw", failure);
    assertThat(api.status()).isEqualTo(status);
    assertThat(api.contentType()).startsWith("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(api.body());
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).isEqualTo(title);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).isEqualTo(failure.getMessage());
    assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/throw");

    ThrowingRoute.Response page = web.get("/throw", failure);
    assertThat(page.status()).isEqualTo(status);
    assertThat(page.contentType()).startsWith("text/html");
  }

  static Stream<RuntimeException> internalFailures() {
    return Stream.of(
        new Internal(
            "cannot write the search index in " + SECRET + ": No space left on device",
            new java.io.IOException("No space left on device")),
        // Not a domain failure at all: a programming error is not the client's bad input.
        new IllegalArgumentException("limit must be between 1 and 100, got 0 (" + SECRET + ")"),
        new IllegalStateException("the index " + SECRET + " was opened read-only"));
  }

  @ParameterizedTest
  @MethodSource("internalFailures")
  void anInternalFailureExitsSeventyAndIsAFiveHundredThatShowsNothingOfIt(RuntimeException failure)
      throws Exception {
    ThrowingCommand.Outcome cli = ThrowingCommand.run(failure);
    assertThat(cli.code()).isEqualTo(70);
    // The operator at the console reads what failed.
    assertThat(cli.err()).startsWith("metshub: internal error: ").contains(SECRET);

    ThrowingRoute.Response api = web.get("/api/v1/throw", failure);
    assertThat(api.status()).isEqualTo(500);
    assertThat(api.contentType()).startsWith("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(api.body());
    assertThat(problem.path("title").asText()).isEqualTo("Internal server error");
    assertThat(problem.path("detail").asText())
        .isEqualTo("something went wrong on our side; please try again later");
    assertThat(api.body()).doesNotContain(SECRET).doesNotContain("Exception");

    ThrowingRoute.Response page = web.get("/throw", failure);
    assertThat(page.status()).isEqualTo(500);
    assertThat(page.body()).doesNotContain(SECRET).doesNotContain("Exception");
  }
}
