package org.thor.file;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    @ValueSource(strings = {
            "logging.handlers.RotatingFileHandler(path, maxBytes=300000, backupCount=1000)",
            "logging.handlers.TimedRotatingFileHandler(path, when='S', interval=1, backupCount=1000)"})
    void everyLineOnceAndInOrder(String handler) throws Exception {
        Assumptions.assumeTrue(python() != null, "python3 is not installed");
        Path script = dir.resolve("writer.py");
        Files.writeString(script, String.join("\n",
                "import logging, logging.handlers, sys, time",
                "path = sys.argv[1]",
                "h = " + handler,
                "h.setFormatter(logging.Formatter('%(message)s'))",
                "log = logging.getLogger('w'); log.addHandler(h); log.setLevel(logging.INFO)",
                "for i in range(" + LINES + "):",
                "    log.info('line %07d of the test log', i)",
                "    if i % 1000 == 999: time.sleep(0.025)",
                "h.close()", ""));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Map<String, String> config = LogFiles.config(logs + "/app.log*");
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            Process writer = new ProcessBuilder(python(), script.toString(), logs.resolve("app.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer.out").toFile()).start();
            harness.pollUntil(LINES, Duration.ofSeconds(60));
            assertEquals(true, writer.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue(), Files.readString(dir.resolve("writer.out")));
            List<String> received = harness.pollFor(Duration.ofMillis(1500));
            Delivery.assertSameSequence(lines(0, LINES), received);
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }

    private static String python() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
