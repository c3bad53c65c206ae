package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A copy that turns up only after the truncated log's new lines were sent (written elsewhere and
 * moved in late, as a slow copy or a background compression may be): its lines are still sent,
 * once, and the inversion is counted and logged.
 */
class LateCopyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int SEEN = 1_000;
    private static final int READ = 100;
    private static final int AFTER = 200;

    @TempDir
    Path dir;

    @Test
    void aCopyFoundAfterTheLogsNewLinesWereSentIsReadOnceAndCountedAsLate() throws Exception {
        Path log = dir.resolve("app.log");
        Path aside = Files.createDirectories(dir.resolve("aside")).resolve("app.log.1");
        Map<String, String> config = LogFiles.config(dir.resolve("app.log*").toString());
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, String.valueOf(READ));
        config.put(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG, "60000"); // the debt waits for its copy meanwhile
        LogFiles.appendLines(log, 0, SEEN);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(READ, TIMEOUT);
            LogFiles.copyTruncate(log, aside);
            LogFiles.appendLines(log, SEEN, SEEN + AFTER);
            harness.pollUntil(values -> values.contains(LogFiles.line(SEEN + AFTER - 1)), TIMEOUT);
            assertEquals(0, harness.task().metrics().getCopiesReadLate());

            Files.move(aside, dir.resolve("app.log.1"));
            harness.pollUntil(values -> values.contains(LogFiles.line(SEEN - 1)), TIMEOUT);
            List<String> values = harness.pollQuietFor(Duration.ofMillis(500));

            List<String> expected = new ArrayList<>(LogFiles.lines(0, READ));
            expected.addAll(LogFiles.lines(SEEN, SEEN + AFTER));
            expected.addAll(LogFiles.lines(READ, SEEN));
            assertEquals(expected, values, "the copy's lines once, after the log's new ones");
            assertEquals(1, harness.task().metrics().getCopiesReadLate());
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }
}
