package org.metshub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogFileTest {
  @Test
  void aLogFileRollsBySizeAndTimeWithACap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("metshub.log");
    var appender = LogFile.attach(file);
    try {
      assertThat(appender.getRollingPolicy()).isInstanceOf(SizeAndTimeBasedRollingPolicy.class);
      var policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
      assertThat(policy.getFileNamePattern()).endsWith(".%d{yyyy-MM-dd}.%i.gz");
      assertThat(policy.getMaxHistory()).isEqualTo(LogFile.DAYS);
      LoggerFactory.getLogger(LogFileTest.class).warn("a line for the file");
      assertThat(Files.readString(file)).contains("a line for the file");
    } finally {
      LogFile.detach();
    }
  }
}
