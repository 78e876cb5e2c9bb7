package org.metshub.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The end-of-run line: counted from PostgreSQL skips only, printed once, absent otherwise. */
class PostgresSkipReportTest {
  /** Run by the launcher below only (Surefire leaves nested classes out). */
  static class Sample {
    @Test
    void skippedForPostgres() {
      Assumptions.abort(TestDatabases.PG_SKIPPED);
    }

    @Test
    void skippedForSomethingElse() {
      Assumptions.abort("chromium is not installed");
    }

    @Test
    void passes() {}
  }

  static class AllRun {
    @Test
    void passes() {}
  }

  @TempDir Path dir;

  static String report(Class<?> tests, Optional<Path> file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    // Without auto-registration, so the suite's own listener does not count these skips.
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests)).build(),
        new PostgresSkipReport(console, file));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void countsOnlyThePostgresSkipsAndSaysHowToRunThem() throws Exception {
    Path file = dir.resolve("postgres-skipped.txt");
    assertThat(report(Sample.class, Optional.of(file)).lines())
        .containsExactly("", PostgresSkipReport.line(1));
    assertThat(file).hasContent(PostgresSkipReport.line(1));
    assertThat(PostgresSkipReport.line(1))
        .startsWith("PostgreSQL suite SKIPPED: 1 test did")
        .contains("METSHUB_TEST_PG_URL")
        .contains(".ci/run");
  }

  @Test
  void saysNothingWhenNothingWasSkippedAndDropsAnEarlierRunsLine() throws Exception {
    Path file = dir.resolve("postgres-skipped.txt");
    Files.writeString(file, "stale");
    assertThat(report(AllRun.class, Optional.of(file))).isEmpty();
    assertThat(file).doesNotExist();
  }
}
