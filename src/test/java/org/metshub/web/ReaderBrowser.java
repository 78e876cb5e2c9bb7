package org.metshub.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the reader-site browser tests share: the test site, one headless Chromium per test class,
 * and a fresh start for each test (no language cookie left from the one before).
 */
abstract class ReaderBrowser {
  static TestSite site;
  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    Chromium.assumeInstalled();
    site = TestSite.get();
    browser = Chromium.start();
  }

  @AfterAll
  static void quitBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @BeforeEach
  void forgetLanguage() {
    browser.get(site.uri("/robots.txt").toString());
    browser.manage().deleteAllCookies();
  }

  /** Opens a page of the test site. */
  static void open(String pathAndQuery) {
    browser.get(site.uri(pathAndQuery).toString());
  }
}
