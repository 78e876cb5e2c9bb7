package org.metshub.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the third-party data in {@code ../shared}. Tests that need it skip with a clear message
 * when it is absent, and fail instead when the environment variable {@code CI} is set.
 */
public final class SharedData {
  private SharedData() {}

  /** The path under ../shared, after checking it exists (skip, or fail under CI). */
  public static Path require(String relative) {
    Path root = Path.of(System.getProperty("metshub.shared", "../shared"));
    Path p = root.resolve(relative);
    if (!Files.exists(p)) {
      String msg = "third-party data " + p.toAbsolutePath().normalize() + " is absent";
      if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
        fail(msg + "; it is required when CI is set");
      }
      Assumptions.abort(msg + "; skipping (put ../shared beside the checkout to run this)");
    }
    return p;
  }
}
