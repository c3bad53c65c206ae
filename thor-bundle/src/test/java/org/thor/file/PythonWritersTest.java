package org.thor.file;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thor.file.config.LogFileSourceConfig;
import org.thor.testing.PythonLogging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thor.file.LogFiles.lines;

/**
 * Python's own logging handlers as the writer, rotating the way they do while Thor follows:
 * {@code RotatingFileHandler} renames a chain {@code app.log.N} on every roll,
 * {@code TimedRotatingFileHandler} renames to a dated suffix. Every line once, in order. Runs where
 * {@code python3} is installed (CI installs it).
 */
class PythonWritersTest {

    private static final int LINES = 60_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {PythonLogging.ROTATING, PythonLogging.TIMED})
    void everyLineOnceAndInOrder(String handler) throws Exception {
        PythonLogging python = PythonLogging.find(dir.resolve("writer")).orElse(null);
        Assumptions.assumeTrue(python != null, PythonLogging.INSTALL_HINT);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path log = logs.resolve("app.log");
        Map<String, String> config = LogFiles.config(logs + "/app.log*");
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            Process writer = python.start(handler, log, "line %07d of the test log", 0, LINES, 0.025);
            harness.pollUntil(LINES, Duration.ofSeconds(60));
            python.finish(writer, log);
            List<String> received = harness.pollQuietFor(Duration.ofMillis(1500));
            Delivery.assertSameSequence(lines(0, LINES), received);
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }
}
