package org.metshub.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --log-file FILE}: the log also goes to a file that rolls daily and at {@link
 * #MAX_FILE} (logback's SizeAndTimeBasedRollingPolicy), keeping {@link #DAYS} days and at most
 * {@link #TOTAL} in all, so a flood of requests cannot fill the disk.
 */
final class LogFile {
  static final String MAX_FILE = "10MB";
  static final int DAYS = 14;
  static final String TOTAL = "1GB";
  static final String APPENDER = "metshub-file";

  private LogFile() {}

  /** Adds the rolling file appender to the root logger; returns it (tests inspect it). */
  static RollingFileAppender<ILoggingEvent> attach(Path file) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    String name = file.toAbsolutePath().toString();
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(name);
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(appender);
    policy.setFileNamePattern(name + ".%d{yyyy-MM-dd}.%i.gz");
    policy.setMaxFileSize(FileSize.valueOf(MAX_FILE));
    policy.setMaxHistory(DAYS);
    policy.setTotalSizeCap(FileSize.valueOf(TOTAL));
    policy.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
    encoder.start();
    appender.setRollingPolicy(policy);
    appender.setEncoder(encoder);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return appender;
  }

  /** Removes the appender again (for tests). */
  static void detach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    var a = root.getAppender(APPENDER);
    if (a != null) {
      root.detachAppender(a);
      a.stop();
    }
  }
}
