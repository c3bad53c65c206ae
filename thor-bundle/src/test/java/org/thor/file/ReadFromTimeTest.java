package org.thor.file;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

class ReadFromTimeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Map<String, String> config(Instant from) {
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.put(LogFileSourceConfig.READ_FROM_CONFIG, "time");
        config.put(LogFileSourceConfig.READ_FROM_TIME_CONFIG, from.toString());
        return config;
    }

    @Test
    void filesModifiedBeforeTheTimeAreSkippedAndTheOthersReadFromTheirBeginning() throws Exception {
        Instant from = Instant.now().minus(Duration.ofHours(1));
        Path older = dir.resolve("app.log.2");
        Path newer = dir.resolve("app.log.1");
        Path current = dir.resolve("app.log");
        appendLines(older, 0, 10);
        Files.setLastModifiedTime(older, FileTime.from(from.minus(Duration.ofHours(2))));
        appendLines(newer, 10, 20);
        Files.setLastModifiedTime(newer, FileTime.from(from.plus(Duration.ofMinutes(10))));
        appendLines(current, 20, 30);
        try (TaskHarness harness = new TaskHarness(config(from)).start()) {
            assertEquals(lines(10, 30), harness.pollUntil(20, TIMEOUT));
            assertEquals(lines(10, 30), harness.pollQuietFor(Duration.ofMillis(300)));
            harness.restart();
            appendLines(current, 30, 35);
            assertEquals(lines(10, 35), harness.pollUntil(25, TIMEOUT));
            assertEquals(lines(10, 35), harness.pollQuietFor(Duration.ofMillis(300)));
        }
    }

    @Test
    void storedOffsetsWinOverTheTime() throws Exception {
        Path current = dir.resolve("app.log");
        appendLines(current, 0, 10);
        try (TaskHarness harness = new TaskHarness(LogFiles.config(dir + "/app.log*")).start()) {
            harness.pollUntil(10, TIMEOUT);
            harness.task().stop();
            harness.records.clear();
            appendLines(current, 10, 15);
            // a later start with read.from=time in the future: the stored offset is resumed
            TaskHarness again = new TaskHarness(config(Instant.now().plus(Duration.ofDays(1))));
            again.storedOffsets.putAll(harness.storedOffsets);
            try (again) {
                again.start();
                assertEquals(lines(10, 15), again.pollUntil(5, TIMEOUT));
            }
        }
    }

    @Test
    void theTimeIsValidated() {
        Map<String, String> config = config(Instant.now());
        config.put(LogFileSourceConfig.READ_FROM_TIME_CONFIG, "yesterday");
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(config));
        config.put(LogFileSourceConfig.READ_FROM_TIME_CONFIG, "");
        assertThrows(ConfigException.class, () -> new LogFileSourceConfig(config));
    }
}
