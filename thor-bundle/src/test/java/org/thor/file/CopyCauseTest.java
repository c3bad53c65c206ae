package org.thor.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.file.config.LogFileSourceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thor.file.LogFiles.append;
import static org.thor.file.LogFiles.appendLines;
import static org.thor.file.LogFiles.lines;

/**
 * A file is taken for a copy only with a cause (its original truncated, removed or renamed out of
 * sight) and a proof by content; Thor stopped while copytruncate rotates is behind, not lost.
 */
class CopyCauseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Being down is being behind: every copy made meanwhile is read, oldest first, then the log. */
    @Test
    void restartAfterCopytruncateRotationsWhileStoppedReadsEveryCopy() throws Exception {
        Path log = dir.resolve("app.log");
        List<String> expected = new ArrayList<>();
        Map<String, String> config = LogFiles.config(log.toString());
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        appendLines(log, 0, 100);
        expected.addAll(lines(0, 100));
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(expected.size(), TIMEOUT);
            harness.task().stop();
            rotateWhileStopped(log, 1, 5, expected);
            appendLines(log, 500, 550);
            expected.addAll(lines(500, 550));
            harness.start();
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1000)));
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }

    /**
     * Stopped again while the copies found beside the log after the first stop are still being
     * read, and rotated twice more meanwhile: the copies read in part, those not read yet, the
     * new ones and the log follow each other as written.
     */
    @Test
    void copiesPartlyReadWhenStoppedAgainAreReadOnBeforeTheNewerOnes() throws Exception {
        Path log = dir.resolve("app.log");
        List<String> expected = new ArrayList<>();
        Map<String, String> config = LogFiles.config(log.toString());
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        config.put(LogFileSourceConfig.BATCH_MAX_RECORDS_CONFIG, "10");
        appendLines(log, 0, 100);
        expected.addAll(lines(0, 100));
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(expected.size(), TIMEOUT);
            harness.task().stop();
            rotateWhileStopped(log, 1, 4, expected);
            harness.start();
            harness.pollUntil(150, TIMEOUT);
            harness.task().stop();
            rotateWhileStopped(log, 4, 6, expected);
            appendLines(log, 600, 650);
            expected.addAll(lines(600, 650));
            harness.start();
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1000)));
            assertEquals(0, harness.task().metrics().getBytesLostToRotation());
        }
    }

    /** logrotate's copytruncate, rotations {@code from} to {@code to} (exclusive) of 100 lines each, while Thor is stopped. */
    private void rotateWhileStopped(Path log, int from, int to, List<String> expected) throws Exception {
        for (int rotation = from; rotation < to; rotation++) {
            appendLines(log, rotation * 100, rotation * 100 + 100);
            expected.addAll(lines(rotation * 100, rotation * 100 + 100));
            LogFiles.shiftRotated(log, 10);
            Files.copy(log, dir.resolve("app.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
            LogFiles.truncate(log);
        }
    }

    /** A CSV file of which only the header was read is never the original of a copy: every file begins so. */
    @Test
    void headerOnlyFileKeptOpenIsNoOriginal() throws Exception {
        String header = "time,level,host,message";
        List<String> expected = new ArrayList<>();
        Map<String, String> config = LogFiles.config(dir + "/app.csv.*");
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            for (int hour = 0; hour < 6; hour++) {
                Path file = dir.resolve(String.format("app.csv.%04d", hour));
                append(file, header + "\n");
                expected.add(header);
                if (hour % 3 != 0) {
                    appendLines(file, hour * 100, hour * 100 + 100);
                    expected.addAll(lines(hour * 100, hour * 100 + 100));
                }
                harness.pollUntil(expected.size(), TIMEOUT);
            }
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1000)));
        }
    }

    /** A cp of a log that stays intact is new data to whoever made it: read whole, after the log's lines so far. */
    @Test
    void copyOfAnIntactLogIsReadAsAFileOfItsOwn() throws Exception {
        Path log = dir.resolve("app.log");
        Map<String, String> config = LogFiles.config(dir + "/app.log*");
        config.remove(LogFileSourceConfig.CLOSE_INACTIVE_CONFIG);
        appendLines(log, 0, 100);
        try (TaskHarness harness = new TaskHarness(config).start()) {
            harness.pollUntil(100, TIMEOUT);
            Files.copy(log, dir.resolve("app.log.bak"));
            List<String> expected = new ArrayList<>(lines(0, 100));
            expected.addAll(lines(0, 100));
            harness.pollUntil(expected.size(), TIMEOUT);
            Delivery.assertSameSequence(expected, harness.pollQuietFor(Duration.ofMillis(1000)));
        }
    }
}
