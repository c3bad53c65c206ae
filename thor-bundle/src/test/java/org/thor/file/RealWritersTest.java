package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.testing.Log4jRolling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thor.file.LogFiles.lines;

/** log4j2's RollingFileAppender with gzip as the writer, in a process of its own, while Thor follows. */
class RealWritersTest {

    private static final int LINES = 300_000;

    @TempDir
    Path dir;

    @Test
    void log4j2RollingFileAppenderWithGzipEveryLineOnceAndInOrder() throws Exception {
        Map<String, String> config = LogFiles.config(dir + "/" + Log4jRolling.FILES);
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            Process writer = Log4jRolling.start(dir, "line %07d of the test log", 0, LINES, 0, dir.resolve("writer.out"));
            harness.pollUntil(LINES, Duration.ofSeconds(120));
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue(), Files.readString(dir.resolve("writer.out")));
            List<String> received = harness.pollQuietFor(Duration.ofMillis(3000)).stream().filter(line -> !line.equals(Log4jRolling.HEADER)).toList();
            Delivery.assertSameSequence(lines(0, LINES), received);
        }
    }
}
