package org.metshub.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Debian Chromium, headless, driven through the Debian chromedriver. Both paths are given
 * explicitly, so Selenium Manager is never run and nothing is downloaded. Each browser gets a fresh
 * profile folder under target. Not thread-safe: one browser per test class.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  // Selenium looks for DevTools bindings matching the browser version to warn that none is on
  // the classpath; only raw CDP commands are used here, so the warning is noise. Held in a
  // field because java.util.logging keeps loggers weakly.
  private static final Logger CDP_VERSION_FINDER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
  }

  private Chromium() {}

  /**
   * Skips the calling tests with a message when Chromium or chromedriver is missing, or fails them
   * when the CI environment variable is set (CI must run every test).
   */
  static void assumeInstalled() {
    List<Path> missing =
        List.of(BROWSER, DRIVER).stream().filter(p -> !Files.isExecutable(p)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "browser tests need "
            + missing
            + " (Debian: apt-get install chromium "
            + "chromium-driver; .ci/run installs them)";
    if (System.getenv("CI") != null) {
      fail(message + "; CI is set, so missing browsers fail the build");
    }
    Assumptions.abort(message + "; skipped");
  }

  /** Starts a headless browser with a new profile; the caller quits it. */
  static ChromeDriver start() {
    Path profile;
    try {
      Files.createDirectories(Path.of("target"));
      profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Chromium profile folder under target", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /**
   * Clicks something that loads a new page and waits until that page has loaded. The old page is
   * marked with a window property before the click; the wait ends when a document without the mark
   * has finished loading. (Waiting for the old {@code html} element to go stale is racy: while the
   * old document is being torn down, Chromium 156 answers with "Node with given id does not belong
   * to the document", which Selenium does not count as stale.) Any driver error while the page is
   * changing means "not yet".
   */
  static void clickAndWaitForNewPage(ChromeDriver browser, WebElement clickable) {
    browser.executeScript("window.__metshubOldPage = true;");
    clickable.click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d -> {
              try {
                return Boolean.TRUE.equals(
                    browser.executeScript(
                        "return window.__metshubOldPage !== true && document.readyState === 'complete';"));
              } catch (WebDriverException changing) {
                return false;
              }
            });
  }
}
